/**
 * ClientRequestToken idempotency for TransactWriteItems (in memory, per server):
 * - same token, same request, within 10 minutes of the first successful completion: success
 *   is returned again and nothing is re-applied;
 * - same token, different request: IdempotentParameterMismatchException;
 * - same token while the first request is still running: TransactionInProgressException.
 * A request that fails (cancelled, invalid) does not consume its token: a retry runs again.
 *
 * The AWS SDK fills in a random token on every TransactWriteItems call, so entries are pruned
 * by age and the map is capped (oldest evicted first).
 */
import { createHash } from 'node:crypto'

export const IDEMPOTENCY_WINDOW_MS = 10 * 60 * 1000

type Entry =
  | { state: 'pending'; fingerprint: string }
  | { state: 'done'; fingerprint: string; expiresAt: number; response: Record<string, unknown> }

export type BeginResult =
  | { kind: 'new' }
  | { kind: 'replay'; response: Record<string, unknown> }
  | { kind: 'mismatch' }
  | { kind: 'inProgress' }

export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly windowMs = IDEMPOTENCY_WINDOW_MS,
    private readonly maxEntries = 250_000,
    private readonly now: () => number = Date.now,
  ) {}

  begin(token: string, fingerprint: string): BeginResult {
    this.prune()
    const entry = this.entries.get(token)
    if (entry && entry.state === 'done' && entry.expiresAt <= this.now()) this.entries.delete(token)
    else if (entry) {
      if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' }
      return entry.state === 'pending' ? { kind: 'inProgress' } : { kind: 'replay', response: entry.response }
    }
    this.entries.set(token, { state: 'pending', fingerprint })
    return { kind: 'new' }
  }

  complete(token: string, response: Record<string, unknown>): void {
    const entry = this.entries.get(token)
    if (!entry) return
    this.entries.delete(token) // re-insert: the map stays ordered by completion time
    this.entries.set(token, { state: 'done', fingerprint: entry.fingerprint, expiresAt: this.now() + this.windowMs, response })
  }

  abandon(token: string): void {
    if (this.entries.get(token)?.state === 'pending') this.entries.delete(token)
  }

  get size(): number {
    return this.entries.size
  }

  private prune(): void {
    const now = this.now()
    for (const [token, entry] of this.entries) {
      if (entry.state === 'pending') continue
      if (entry.expiresAt > now && this.entries.size <= this.maxEntries) break
      this.entries.delete(token)
    }
  }
}

/** Order-independent digest of a request's parameters (object keys sorted at every level). */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('base64')
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
