/**
 * dynalite's own single-item writes under DynamoDB's conflict rules: PutItem, UpdateItem and
 * DeleteItem (and BatchWriteItem's puts and deletes, which dynalite runs through the same actions)
 * fail with TransactionConflictException on an item an in-flight TransactWriteItems holds, where
 * they used to wait for it. Single writes to one item still take turns on dynalite's per-item lock
 * (DynamoDB's storage node serialises them too); a write is counted in flight (InFlightItems) from
 * its turn until it is written, so a transaction meeting it conflicts in turn. Writes merely queued
 * behind it do not count: a stream of them would otherwise starve every transaction on the item.
 *
 * How it reaches into dynalite: its write actions (dynalite/actions/putItem.js, updateItem.js,
 * deleteItem.js) all take `itemDb = store.getItemDb(table)`, then `itemDb.lock(key, ...)`, then
 * `itemDb.get(key, ...)`, and write only after that read. We hand them a view of the item db whose
 * `lock` asks InFlightItems when the write's turn comes. A refused write is let through and its
 * read answers the conflict, so the action returns the error before writing anything
 * (tests/dynamodb/conflicts.test.ts checks the item and its index entries are untouched). Reads
 * (GetItem, BatchGetItem, Query, Scan) never lock: they read the last committed item, as on DynamoDB.
 */
import { transactionConflict } from './errors.js'
import type { Holds } from './holds.js'
import type { InFlightItems } from './inFlight.js'
import type { LockFn, Releaser, Store, SubDb } from './types.js'

export function guardSingleWrites(store: Store, inFlight: InFlightItems, holds: Holds): void {
  const itemDbOf = store.getItemDb.bind(store)
  store.getItemDb = (tableName) => guardedItemDb(itemDbOf(tableName), tableName, inFlight, holds)
}

/** One view per `getItemDb` call, i.e. per action: it remembers which of its keys were refused. */
function guardedItemDb(itemDb: SubDb, tableName: string, inFlight: InFlightItems, holds: Holds): SubDb {
  const refused = new Set<string>()
  const view = Object.create(itemDb) as SubDb

  const lock = (key: string | string[], exec: (release: Releaser) => void): void => {
    if (Array.isArray(key)) return itemDb.lock(key, exec) // dynalite's actions lock one key; nothing else is ours to judge
    const ref = { tableName, key }
    itemDb.lock(key, (release) => {
      // Its turn on the item (at once if no other single write has it): a transaction may hold it.
      const end = inFlight.beginSingleWrite(ref)
      if (!end) {
        refused.add(key)
        return exec((done) => release(done))
      }
      const write = () => exec((done) => release(endThen(end, done)))
      const pause = holds.singleWrite?.(ref)
      if (pause) void pause.then(write, write)
      else write()
    })
  }
  view.lock = Object.assign(lock, { isLocked: itemDb.lock.isLocked }) as LockFn
  view.get = (key, cb) => (refused.has(key) ? cb(transactionConflict()) : itemDb.get(key, cb))
  return view
}

/** The action's final callback, run once the write is no longer in flight. */
function endThen<F extends (...args: never[]) => void>(end: () => void, done: F): F {
  return ((...args: never[]) => {
    end()
    done(...args)
  }) as F
}
