import { chinaParts } from './chinaTime';

/**
 * The school term (学期), China time, one rule for every figure that is kept or shown per term
 * (the term report's default range, the hardship fund's per-term tallies, the district's rollup):
 * 第一学期 (秋季) runs 8/1–1/31 of the school year that starts that August, 第二学期 (春季)
 * 2/1–7/31. The summer belongs to the coming year, the winter break to the autumn term.
 * Its id: "2026-2027-1", "2026-2027-2".
 */
export const TERM_PATTERN = /^(\d{4})-(\d{4})-([12])$/;

/** The term an instant falls in. */
export function termOf(at: number | string | Date): string {
  const { year, month } = chinaParts(at);
  if (month >= 8) return `${year}-${year + 1}-1`;
  if (month === 1) return `${year - 1}-${year}-1`;
  return `${year - 1}-${year}-2`;
}

/** Whether a string is a term id whose two years follow each other. */
export function isTerm(term: string): boolean {
  const m = TERM_PATTERN.exec(term);
  return Boolean(m) && Number(m![2]) === Number(m![1]) + 1;
}

/** The term's dates, both included: "2026-2027-1" → 2026-08-01 … 2027-01-31. */
export function termRange(term: string): { from: string; to: string } {
  const m = TERM_PATTERN.exec(term);
  if (!m) throw new Error(`not a term: ${term}`);
  const [first, second] = [Number(m[1]), Number(m[2])];
  return m[3] === '1' ? { from: `${first}-08-01`, to: `${second}-01-31` } : { from: `${second}-02-01`, to: `${second}-07-31` };
}

/** "2026-2027-1" → "2026–2027学年第一学期". */
export function termLabel(term: string): string {
  const m = TERM_PATTERN.exec(term);
  return m ? `${m[1]}–${m[2]}学年第${m[3] === '1' ? '一' : '二'}学期` : term;
}

/** The term before: "2026-2027-1" → "2025-2026-2". */
export function previousTerm(term: string): string {
  const m = TERM_PATTERN.exec(term);
  if (!m) throw new Error(`not a term: ${term}`);
  return m[3] === '2' ? `${m[1]}-${m[2]}-1` : `${Number(m[1]) - 1}-${m[1]}-2`;
}
