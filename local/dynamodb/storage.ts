/**
 * Direct access to dynalite's LevelDB layout, for writes that must land in a single batch.
 *
 * dynalite keeps everything in one LevelDB, each "sub db" being a key prefix
 * (see `getItemDb` / `getIndexDb` in dynalite/db/index.js):
 *   item-<Table>~<itemKey>                      the items
 *   index-global~<Table>~<Index>~<indexKey>     GSI entries (index-local~ for LSIs)
 *   table~<Table>                               table descriptions
 */
import type { BatchOp, Item, Store } from './types.js'

export function itemKeyPrefix(tableName: string): string {
  return `item-${tableName}~`
}

export function indexKeyPrefix(indexType: 'Local' | 'Global', tableName: string, indexName: string): string {
  return `index-${indexType.toLowerCase()}~${tableName}~${indexName}~`
}

/** Bounds covering exactly the keys that start with `prefix` (prefixes end with '~', the next byte is 0x7f). */
export function prefixRange(prefix: string): { gte: string; lt: string } {
  if (!prefix.endsWith('~')) throw new Error(`prefix must end with '~': ${prefix}`)
  return { gte: prefix, lt: prefix.slice(0, -1) + '\x7f' }
}

/** Identifies one item across tables: used for conflicts, duplicate detection and snapshots. */
export interface ItemRef {
  tableName: string
  /** dynalite's item key (`db.createKey`), the same string its per-key lock and its item db use. */
  key: string
}

export function refId(ref: ItemRef): string {
  return `${ref.tableName}\u0000${ref.key}`
}

/**
 * Reads every referenced item at once, synchronously (LevelDB's getSync): no request runs in
 * between. The caller makes sure none of them is being written (inFlight.ts), so no write is
 * half-applied underneath and this is a consistent snapshot of committed items.
 */
export function readSnapshot(store: Store, refs: ItemRef[]): Map<string, Item | undefined> {
  return new Map(refs.map((ref) => [refId(ref), store.db.getSync(itemKeyPrefix(ref.tableName) + ref.key) as Item | undefined]))
}

/** One LevelDB write batch: applied atomically, also across a crash (LevelDB logs a batch as one record). */
export function commitBatch(store: Store, ops: BatchOp[]): Promise<void> {
  if (ops.length === 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    store.db.batch(ops, (err) => (err ? reject(err) : resolve()))
  })
}
