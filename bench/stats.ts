/** What every bench shares: running tasks a few at a time, percentiles and rounding. */
export { pool } from '../tests/support/pool';

/** The p-th percentile of an ascending list. */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
