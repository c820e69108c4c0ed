/**
 * Multi-item locking on dynalite's own per-key locks (`store.getItemDb(table).lock`), the same
 * locks PutItem / UpdateItem / DeleteItem take, so transactions serialise against them too.
 *
 * Deadlock freedom: the `lock` package keeps a FIFO queue per key and its array form enqueues all
 * keys synchronously. We enqueue every key of every table in one synchronous pass (tables and keys
 * in sorted order, for determinism), so lock requests are totally ordered by arrival time and every
 * queue respects that order: no cycle of waiters can form.
 */
import type { ItemRef } from './storage.js'
import type { Releaser, Store } from './types.js'

export type ReleaseLocks = () => void

export function acquireItemLocks(store: Store, refs: ItemRef[]): Promise<ReleaseLocks> {
  const keysByTable = new Map<string, Set<string>>()
  for (const ref of refs) {
    const keys = keysByTable.get(ref.tableName) ?? new Set<string>()
    keys.add(ref.key) // the lock package deadlocks on a key listed twice: dedupe
    keysByTable.set(ref.tableName, keys)
  }
  const tables = [...keysByTable.keys()].sort()

  return new Promise((resolve) => {
    const releasers: Releaser[] = []
    const releaseAll: ReleaseLocks = () => {
      for (const release of releasers.splice(0)) release(() => {})()
    }
    if (tables.length === 0) return resolve(releaseAll)
    for (const tableName of tables) {
      const keys = [...(keysByTable.get(tableName) as Set<string>)].sort()
      store.getItemDb(tableName).lock(keys, (release) => {
        releasers.push(release)
        if (releasers.length === tables.length) resolve(releaseAll)
      })
    }
  })
}

export async function withItemLocks<T>(store: Store, refs: ItemRef[], fn: () => Promise<T>): Promise<T> {
  const release = await acquireItemLocks(store, refs)
  try {
    return await fn()
  } finally {
    release()
  }
}
