/**
 * A virtual dynalite store for running dynalite's own item actions (putItem, updateItem,
 * deleteItem, getItem) inside a transaction: reads come from the snapshot taken under the locks,
 * and writes (items and the GSI/LSI entries dynalite's `updateIndexes` maintains) are recorded
 * as LevelDB batch operations instead of being applied. Locks are no-ops: the transaction
 * already holds the real ones.
 *
 * This is how transactional Update gets UpdateExpression semantics (SET/REMOVE/ADD/DELETE,
 * if_not_exists, list_append, arithmetic, item size limit) identical to UpdateItem's.
 */
import { indexKeyPrefix, itemKeyPrefix, refId } from './storage.js'
import type { ActionStore, BatchOp, Callback, Item, LockFn, Store, TableDescription } from './types.js'
import type { Tables } from './plan.js'

export type Snapshot = Map<string, Item | undefined>

/** The transaction already holds the real locks: the actions' own locking is a pass-through. */
const heldLock: LockFn = Object.assign((_key: string | string[], exec: Parameters<LockFn>[1]) => exec((done) => done), {
  isLocked: () => true,
})

export function createStagedStore(store: Store, tables: Tables, snapshot: Snapshot, ops: BatchOp[]): ActionStore {
  /** Writes under `prefix` become batch operations. */
  const recorder = (prefix: string) => ({
    put(key: string, value: unknown, cb: Callback) {
      ops.push({ type: 'put', key: prefix + key, value })
      cb(null)
    },
    del(key: string, cb: Callback) {
      ops.push({ type: 'del', key: prefix + key })
      cb(null)
    },
  })

  function getTable(name: string, checkStatusOrCb: boolean | Callback<TableDescription>, maybeCb?: Callback<TableDescription>): void {
    const cb = (typeof checkStatusOrCb === 'function' ? checkStatusOrCb : maybeCb) as Callback<TableDescription>
    const table = tables.get(name)
    if (!table) throw new Error(`table ${name} was not loaded for this transaction`)
    cb(null, table)
  }

  return {
    options: store.options,
    getTable: getTable as ActionStore['getTable'],
    getItemDb(tableName) {
      const prefix = itemKeyPrefix(tableName)
      return {
        lock: heldLock,
        get(key, cb) {
          const id = refId({ tableName, key })
          if (!snapshot.has(id)) throw new Error(`item ${id} is not part of the transaction snapshot`)
          cb(null, snapshot.get(id))
        },
        ...recorder(prefix),
      }
    },
    getIndexDb(indexType, tableName, indexName) {
      return recorder(indexKeyPrefix(indexType, tableName, indexName))
    },
  }
}

/** Runs one of dynalite's callback-style item actions; resolves its error (or null) and result. */
export function runAction(
  action: (store: ActionStore, data: unknown, cb: Callback<Record<string, unknown>>) => void,
  store: ActionStore,
  data: unknown,
): Promise<{ error: Error | null; result?: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    try {
      action(store, data, (err, result) => resolve({ error: err ?? null, result }))
    } catch (err) {
      reject(err)
    }
  })
}
