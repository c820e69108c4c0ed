/**
 * Typed handles on dynalite and the internals we reuse (its db helpers, validators and
 * item actions), loaded through `createRequire` because dynalite is CommonJS without types.
 */
import { createRequire } from 'node:module'
import type { Server } from 'node:http'
import type {
  ActionStore, Callback, DynaliteError, Item, ParsedExpressions, Store, TableDescription,
} from './types.js'

const require = createRequire(import.meta.url)

export interface DynaliteOptions {
  path?: string
  createTableMs?: number
  deleteTableMs?: number
  updateTableMs?: number
  maxItemSizeKb?: number
}

interface DbModule {
  create(options: DynaliteOptions): Store
  createKey(item: Item, table: TableDescription): string
  validateKey(key: Item, table: TableDescription): DynaliteError | undefined
  validateItem(item: Item, table: TableDescription): DynaliteError | undefined
  validateUpdates(attributeUpdates: undefined, updates: ParsedExpressions['_updates'], table: TableDescription): DynaliteError | undefined
  /** Writes the item's GSI/LSI entries (its old ones deleted) through `store.getIndexDb`. */
  updateIndexes(store: unknown, table: TableDescription, existingItem: Item | undefined, item: Item | null | undefined, cb: Callback): void
  validateKeyPaths(nestedPaths: Record<string, boolean> | undefined, table: TableDescription): DynaliteError | undefined
  checkConditional(data: ParsedExpressions, existing: Item | undefined): DynaliteError | null | undefined
  validationError(message: string): DynaliteError
  itemSize(item: Item): number
  capacityUnits(item: Item | undefined, isRead: boolean, isConsistent: boolean): number
}

/** A type spec in dynalite's validation DSL (see dynalite/validations/*.js `types`). */
export type TypeSpec = Record<string, unknown>

interface ValidationsModule {
  checkTypes<T>(data: unknown, types: TypeSpec): T
  checkValidations(data: unknown, types: TypeSpec, custom: ((data: never, store: Store) => string | undefined) | undefined, store: Store): void
}

export interface ActionValidation {
  types: TypeSpec
  custom(data: unknown, store: Store): string | undefined
}

type ItemAction<Req> = (store: ActionStore, data: Req, cb: Callback<Record<string, unknown>>) => void

export const db = require('dynalite/db/index.js') as DbModule
export const validations = require('dynalite/validations/index.js') as ValidationsModule

export const actionValidations = {
  putItem: require('dynalite/validations/putItem.js') as ActionValidation,
  updateItem: require('dynalite/validations/updateItem.js') as ActionValidation,
  deleteItem: require('dynalite/validations/deleteItem.js') as ActionValidation,
  getItem: require('dynalite/validations/getItem.js') as ActionValidation,
  batchWriteItem: require('dynalite/validations/batchWriteItem.js') as ActionValidation,
}

export const itemActions = {
  putItem: require('dynalite/actions/putItem.js') as ItemAction<unknown>,
  updateItem: require('dynalite/actions/updateItem.js') as ItemAction<unknown>,
  deleteItem: require('dynalite/actions/deleteItem.js') as ItemAction<unknown>,
  getItem: require('dynalite/actions/getItem.js') as ItemAction<unknown>,
  /** Runs putItem / deleteItem for each request, against the store it is given. */
  batchWriteItem: require('dynalite/actions/batchWriteItem.js') as ItemAction<unknown>,
}

const dynaliteFactory = require('dynalite') as (options: DynaliteOptions) => Server

/**
 * Create a dynalite HTTP server and capture the store it builds internally (dynalite does not
 * expose it). `db.create` is swapped for the duration of the synchronous factory call only.
 */
export function createDynalite(options: DynaliteOptions): { server: Server; store: Store } {
  const originalCreate = db.create
  let captured: Store | undefined
  db.create = (opts) => (captured = originalCreate(opts))
  try {
    const server = dynaliteFactory(options)
    if (!captured) throw new Error('dynalite did not create a store')
    return { server, store: captured }
  } finally {
    db.create = originalCreate
  }
}

/** Promise form of dynalite's `store.getTable(name, checkStatus, cb)`. */
export function getTable(store: Pick<Store, 'getTable'>, name: string, checkStatus: boolean): Promise<TableDescription> {
  return new Promise((resolve, reject) => {
    store.getTable(name, checkStatus, (err, table) => (err ? reject(err) : resolve(table as TableDescription)))
  })
}

/** dynalite's own CRC32 helper (for the `x-amz-crc32` response header), resolved from dynalite's location. */
export const crc32 = createRequire(require.resolve('dynalite'))('buffer-crc32') as {
  unsigned(data: string | Buffer): number
}
