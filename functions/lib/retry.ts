/**
 * Conflicts that real DynamoDB raises and the AWS SDK does not retry (see shared/stack.md):
 *  - a plain Put/Update/Delete meeting an item inside an in-flight transaction:
 *    `TransactionConflictException`;
 *  - a transaction colliding with another: `TransactionCanceledException` whose reasons are
 *    `TransactionConflict` (and `None` for the actions that were fine).
 * Neither applied anything, so sending the same request again is safe: its conditions are
 * evaluated afresh. A cancellation with any other reason (a condition that failed) is the
 * caller's to handle and is not retried here.
 */
export function isTransientConflict(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'TransactionConflictException') return true;
  if (err.name !== 'TransactionCanceledException') return false;
  const codes = ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  return codes.includes('TransactionConflict') && codes.every((c) => c === 'TransactionConflict' || c === 'None');
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first back-off's ceiling in ms; it doubles each time, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const CONFLICT_RETRY: RetryOptions = { attempts: 10, baseDelayMs: 8, maxDelayMs: 400 };

/** "Full jitter" back-off: a random wait below a ceiling that doubles per attempt. */
export function backoffMs(attempt: number, o: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor((o.random ?? Math.random)() * ceiling);
}

/** Runs `send` again after a jittered wait while it fails with a transient conflict, at most `attempts` times. */
export async function retryConflicts<T>(send: () => Promise<T>, o: RetryOptions = CONFLICT_RETRY): Promise<T> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= o.attempts || !isTransientConflict(err)) throw err;
      await sleep(backoffMs(attempt, o));
    }
  }
}
