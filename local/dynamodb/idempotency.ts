/**
 * ClientRequestToken idempotency for TransactWriteItems (in memory, per server; a completed
 * token is also persisted in LevelDB with the transaction's own batch, and reloaded at start-up,
 * so it survives a restart within its 10 minutes: see tokens.ts):
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

/** A completed token: what is kept, in memory and on disk. */
export interface DoneRecord { fingerprint: string; expiresAt: number; response: Record<string, unknown> }

type Entry =
  | { state: 'pending'; fingerprint: string }
  | ({ state: 'done' } & DoneRecord)

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
    /** Told which completed tokens were dropped (expired or over the cap), to forget them on disk too. */
    private readonly onEvict: (tokens: string[]) => void = () => {},
  ) {}

  /** What `complete` will keep for `token`: persisted with the transaction's batch before it is answered. */
  record(token: string, response: Record<string, unknown>): DoneRecord | undefined {
    const entry = this.entries.get(token)
    return entry && { fingerprint: entry.fingerprint, expiresAt: this.now() + this.windowMs, response }
  }

  /** A token completed before a restart (tokens.ts), in completion order. */
  restore(token: string, record: DoneRecord): void {
    if (record.expiresAt <= this.now()) return
    this.entries.set(token, { state: 'done', ...record })
  }

  begin(token: string, fingerprint: string): BeginResult {
    this.prune()
    const entry = this.entries.get(token)
    if (entry && entry.state === 'done' && entry.expiresAt <= this.now()) {
      this.entries.delete(token)
      this.onEvict([token])
    }
    else if (entry) {
      if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' }
      return entry.state === 'pending' ? { kind: 'inProgress' } : { kind: 'replay', response: entry.response }
    }
    this.entries.set(token, { state: 'pending', fingerprint })
    return { kind: 'new' }
  }

  complete(token: string, response: Record<string, unknown>, record = this.record(token, response)): void {
    if (!record) return
    this.entries.delete(token) // re-insert: the map stays ordered by completion time
    this.entries.set(token, { state: 'done', ...record })
  }

  abandon(token: string): void {
    if (this.entries.get(token)?.state === 'pending') this.entries.delete(token)
  }

  get size(): number {
    return this.entries.size
  }

  private prune(): void {
    const now = this.now()
    const evicted: string[] = []
    for (const [token, entry] of this.entries) {
      if (entry.state === 'pending') continue
      if (entry.expiresAt > now && this.entries.size <= this.maxEntries) break
      this.entries.delete(token)
      evicted.push(token)
    }
    if (evicted.length > 0) this.onEvict(evicted)
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
