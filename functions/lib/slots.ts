/**
 * At most `n` calls at once per key, in this process; the rest queue in arrival order. A
 * process that serves many requests at once (the local stack; a container with concurrency)
 * would otherwise send a crowd of transactions at one hot item, where every extra one only
 * meets a conflict and retries, and the retries crowd it further. Across processes conflicts
 * still happen, and are retried as DynamoDB requires.
 */
const slots = new Map<string, { busy: number; queue: (() => void)[] }>();

export async function inSlot<T>(key: string, n: number, task: () => Promise<T>): Promise<T> {
  let s = slots.get(key);
  if (!s) slots.set(key, (s = { busy: 0, queue: [] }));
  if (s.busy >= n) await new Promise<void>((resolve) => s!.queue.push(resolve));
  else s.busy++;
  try {
    return await task();
  } finally {
    const next = s.queue.shift();
    if (next) next(); // the slot passes straight to the next in line
    else if (--s.busy === 0) slots.delete(key);
  }
}
