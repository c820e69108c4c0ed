/**
 * Narrow types for the parts of dynalite (untyped JavaScript) this package touches,
 * plus DynamoDB wire shapes. Only what is used is declared.
 */

export interface AttributeValue {
  S?: string
  N?: string
  B?: string
  SS?: string[]
  NS?: string[]
  BS?: string[]
  M?: Record<string, AttributeValue>
  L?: AttributeValue[]
  NULL?: boolean
  BOOL?: boolean
}

export type Item = Record<string, AttributeValue>

export interface KeySchemaElement {
  AttributeName: string
  KeyType: 'HASH' | 'RANGE'
}

export interface IndexDescription {
  IndexName: string
  KeySchema: KeySchemaElement[]
  Projection: { ProjectionType?: string; NonKeyAttributes?: string[] }
}

export interface TableDescription {
  TableName: string
  TableId?: string
  TableStatus: 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE'
  KeySchema: KeySchemaElement[]
  AttributeDefinitions: { AttributeName: string; AttributeType: string }[]
  GlobalSecondaryIndexes?: (IndexDescription & { IndexStatus?: string })[]
  LocalSecondaryIndexes?: IndexDescription[]
}

/** The error objects dynalite builds: an Error with an HTTP status and a JSON body. */
export interface DynaliteError extends Error {
  statusCode?: number
  body?: { __type: string; message?: string }
}

export type Callback<T = unknown> = (err?: DynaliteError | null, value?: T) => void

/** `lock` npm package (used by dynalite): FIFO queue per key, array form enqueues all keys at once. */
export type Releaser = <F extends (...args: never[]) => void>(done: F) => F
export interface LockFn {
  (key: string | string[], exec: (release: Releaser) => void): void
  isLocked(key: string): boolean
}

/** A dynalite "sub db": a key-prefixed view over the main LevelDB, with a per-key lock. */
export interface SubDb {
  lock: LockFn
  get(key: string, cb: Callback<Item | undefined>): void
  put(key: string, value: unknown, cb: Callback): void
  del(key: string, cb: Callback): void
}

export interface BatchOp {
  type: 'put' | 'del'
  key: string
  value?: unknown
}

/** The main LevelDB instance (classic-level via `level`), as wrapped by dynalite. */
export interface LevelDb {
  get(key: string): Promise<unknown>
  /** classic-level 3: reads on the calling thread; undefined if absent. */
  getSync(key: string): unknown
  put(key: string, value: unknown): Promise<void>
  del(key: string): Promise<void>
  batch(ops: BatchOp[], cb: Callback): void
  clear(options: { gte: string; lt: string }): Promise<void>
  iterator(options: { gte: string; lt: string }): AsyncIterable<[string, unknown]>
  close(cb: Callback): void
  status: string
  /** abstract-level's private hooks: every public write goes through one of these. */
  _put(key: unknown, value: unknown, options: Record<string, unknown>): Promise<void>
  _del(key: unknown, options: Record<string, unknown>): Promise<void>
  _batch(ops: unknown[], options: Record<string, unknown>): Promise<void>
}

export interface StoreOptions {
  maxItemSize: number
  [key: string]: unknown
}

type GetTable = {
  (name: string, cb: Callback<TableDescription>): void
  (name: string, checkStatus: boolean, cb: Callback<TableDescription>): void
}

/** What `dynalite/db/index.js#create` returns. */
export interface Store {
  options: StoreOptions
  db: LevelDb
  tableDb: SubDb
  getItemDb(tableName: string): SubDb
  getIndexDb(indexType: 'Local' | 'Global', tableName: string, indexName: string): SubDb
  getTable: GetTable
}

/** The subset of a store that dynalite's item actions use: what a staged (virtual) store provides. */
export interface ActionStore {
  options: StoreOptions
  getTable: GetTable
  getItemDb(tableName: string): Pick<SubDb, 'lock' | 'get' | 'put' | 'del'>
  getIndexDb(indexType: 'Local' | 'Global', tableName: string, indexName: string): Pick<SubDb, 'put' | 'del'>
}

/** Parsed expressions dynalite's validators attach to a request (`_condition`, `_updates`, `_projection`). */
export interface ParsedExpressions {
  _condition?: unknown
  _updates?: { sections: unknown[]; paths: unknown[]; nestedPaths?: Record<string, boolean> }
  _projection?: { paths: unknown[]; nestedPaths?: Record<string, boolean> }
}
