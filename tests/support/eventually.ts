import { indexLagMs } from './apiProcess';

/**
 * For reads that go through a GSI (every list: events, 我的报名, 我的捐款, campaigns, the roster,
 * the district's schools): the local DynamoDB shows a write in its index only after a random lag
 * of up to DYNAMODB_INDEX_LAG_MS (200 ms in tests), as DynamoDB does. A test that lists right
 * after writing asks again until `check` passes (it throws, e.g. a failed expect) or the deadline
 * passes, then fails with the last error. Use it only where the product is allowed to be
 * eventually consistent: never for a read of one item by its key, which is strongly consistent.
 */
export async function eventually<T>(check: () => Promise<T> | T, { timeoutMs = 10 * indexLagMs() + 3000, everyMs = 25 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

/** Waits until every write made so far shows in the indexes (the lag's upper bound, plus a margin). */
export const indexSettled = (): Promise<void> => new Promise((r) => setTimeout(r, indexLagMs() > 0 ? indexLagMs() + 50 : 0));
