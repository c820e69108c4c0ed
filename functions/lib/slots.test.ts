import { describe, expect, it } from 'vitest';
import { inSlot } from './slots';

describe('per-key slots', () => {
  it('runs at most n at once per key, in arrival order, and other keys freely', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      order.push(i);
      running--;
      return i;
    };
    const results = await Promise.all([...Array.from({ length: 12 }, (_, i) => inSlot('e1', 3, task(i))), inSlot('e2', 3, async () => 'other')]);
    expect(results.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(most).toBeLessThanOrEqual(4); // 3 for e1, 1 for e2
    expect(order.slice(0, 3).sort()).toEqual([0, 1, 2]);
  });

  it('frees the slot when a task fails', async () => {
    await expect(inSlot('e3', 1, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(inSlot('e3', 1, async () => 'next')).resolves.toBe('next');
  });
});
