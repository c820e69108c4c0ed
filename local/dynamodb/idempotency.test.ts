import { describe, expect, it } from 'vitest'
import { IdempotencyCache } from './idempotency.js'

describe('IdempotencyCache with tokens on disk', () => {
  it('a restored token replays and mismatches like one completed here; expired or evicted ones are forgotten on disk', () => {
    let now = 0
    const evicted: string[] = []
    const cache = new IdempotencyCache(1000, 2, () => now, (tokens) => evicted.push(...tokens))
    cache.restore('old', { fingerprint: 'f', expiresAt: -1, response: {} }) // expired before the restart: not loaded
    cache.restore('a', { fingerprint: 'fa', expiresAt: 500, response: { ok: 'a' } })
    expect(cache.begin('a', 'fa')).toEqual({ kind: 'replay', response: { ok: 'a' } })
    expect(cache.begin('a', 'other')).toEqual({ kind: 'mismatch' })
    expect(cache.begin('old', 'f')).toEqual({ kind: 'new' })

    expect(cache.begin('b', 'fb')).toEqual({ kind: 'new' })
    const record = cache.record('b', { ok: 'b' })
    expect(record).toEqual({ fingerprint: 'fb', expiresAt: 1000, response: { ok: 'b' } })
    cache.complete('b', { ok: 'b' }, record)
    expect(cache.begin('b', 'fb')).toEqual({ kind: 'replay', response: { ok: 'b' } })

    now = 600 // 'a' has expired
    cache.begin('c', 'fc')
    expect(evicted).toEqual(['a'])
    expect(cache.begin('a', 'fa')).toEqual({ kind: 'new' })
  })
})
