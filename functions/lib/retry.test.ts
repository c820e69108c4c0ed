import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, isTransientConflict, retryConflicts } from './retry';

const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });
const cancelled = (...codes: string[]) => named('TransactionCanceledException', { CancellationReasons: codes.map((Code) => ({ Code })) });

describe('conflict retry', () => {
  it('knows which failures are transient conflicts', () => {
    expect(isTransientConflict(named('TransactionConflictException'))).toBe(true);
    expect(isTransientConflict(cancelled('None', 'TransactionConflict'))).toBe(true);
    expect(isTransientConflict(cancelled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(false);
    expect(isTransientConflict(cancelled('ConditionalCheckFailed'))).toBe(false);
    expect(isTransientConflict(named('ConditionalCheckFailedException'))).toBe(false);
    expect(isTransientConflict('TransactionConflictException')).toBe(false);
  });

  it('retries a conflict until it goes through, and stops after the bound', async () => {
    let calls = 0;
    const waits: number[] = [];
    const opts = { attempts: 5, baseDelayMs: 10, maxDelayMs: 40, random: () => 0.999, sleep: async (ms: number) => void waits.push(ms) };
    await expect(retryConflicts(async () => (++calls < 3 ? Promise.reject(named('TransactionConflictException')) : 'ok'), opts)).resolves.toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryConflicts(async () => Promise.reject(cancelled('TransactionConflict', 'None')).finally(() => calls++), opts)).rejects.toThrow('TransactionCanceledException');
    expect(calls).toBe(5);
    expect(waits.every((w) => w <= 40)).toBe(true);
  });

  it('never retries a failed condition', async () => {
    let calls = 0;
    await expect(retryConflicts(async () => (calls++, Promise.reject(cancelled('ConditionalCheckFailed', 'None'))))).rejects.toThrow();
    expect(calls).toBe(1);
  });

  it('waits are jittered below a doubling ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (attempt, r) => {
        const ms = backoffMs(attempt, { baseDelayMs: 8, maxDelayMs: 400, random: () => r });
        return ms >= 0 && ms < Math.min(400, 8 * 2 ** (attempt - 1));
      }),
    );
  });
});
