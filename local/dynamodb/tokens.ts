/**
 * ClientRequestTokens survive a restart within their 10 minutes. A completed token is written
 * under `idempotency~<token>` in the same LevelDB batch as its transaction's items (atomic with
 * them: a transaction that is on disk has its token on disk, and the other way round), so it is
 * durable before the answer is sent. At start-up the unexpired ones are loaded back into the
 * in-memory cache and the expired ones deleted; tokens the cache drops later are deleted too.
 */
import type { DoneRecord, IdempotencyCache } from './idempotency.js'
import { prefixRange } from './storage.js'
import type { BatchOp, Store } from './types.js'

const PREFIX = 'idempotency~'

export const tokenKey = (token: string) => PREFIX + token

export function tokenOp(token: string, record: DoneRecord): BatchOp {
  return { type: 'put', key: tokenKey(token), value: record }
}

/** Deletes dropped tokens from disk (best effort: a leftover is expired, and deleted at the next start). */
export function forgetTokens(store: Store): (tokens: string[]) => void {
  return (tokens) => {
    if (store.db.status !== 'open') return
    store.db.batch(tokens.map((token) => ({ type: 'del' as const, key: tokenKey(token) })), () => {})
  }
}

export async function loadTokens(store: Store, cache: IdempotencyCache, now = Date.now()): Promise<void> {
  const live: [string, DoneRecord][] = []
  const expired: string[] = []
  for await (const [key, value] of store.db.iterator(prefixRange(PREFIX))) {
    const record = value as DoneRecord
    if (record.expiresAt > now) live.push([key.slice(PREFIX.length), record])
    else expired.push(key)
  }
  live.sort(([, a], [, b]) => a.expiresAt - b.expiresAt)
  for (const [token, record] of live) cache.restore(token, record)
  for (const key of expired) await store.db.del(key)
}
