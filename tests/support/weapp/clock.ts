/**
 * The sandbox's timers, on a virtual clock: a page's first seconds run in milliseconds, in the
 * same order every time. The page runner advances the clock one due timer at a time and lets the
 * promise jobs that timer started run before the next one, as an event loop would.
 */
export interface Timer {
  id: number;
  at: number;
  fn: () => void;
  /** setInterval: runs again this many ms later. */
  every?: number;
}

export class VirtualClock {
  now = 0;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  add(fn: () => void, ms: unknown, every?: number): number {
    const delay = Math.max(0, Number(ms) || 0);
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.now + delay, fn, every: every === undefined ? undefined : Math.max(1, delay) });
    return id;
  }

  clear(id: unknown): void {
    this.timers.delete(Number(id));
  }

  /** The earliest due timer (first added among equals), removed; an interval is re-armed first. */
  takeNext(until: number): Timer | undefined {
    let next: Timer | undefined;
    for (const t of this.timers.values()) if (!next || t.at < next.at || (t.at === next.at && t.id < next.id)) next = t;
    if (!next || next.at > until) return undefined;
    this.now = Math.max(this.now, next.at);
    if (next.every !== undefined) this.timers.set(next.id, { ...next, at: this.now + next.every });
    else this.timers.delete(next.id);
    return next;
  }

  pending(): number {
    return this.timers.size;
  }
}
