import { chinaDateTime, chinaInstant } from './chinaTime';

/** 送温暖 and the term report: pure rules shared by the functions and the mini-program. */

export const CARE_KINDS = ['illness', 'wedding', 'birth', 'bereavement', 'hardship', 'retiree', 'other'] as const;
export type CareKind = (typeof CARE_KINDS)[number];
export const CARE_KIND_LABELS: Record<CareKind, string> = {
  illness: '生病住院',
  wedding: '结婚',
  birth: '生育',
  bereavement: '丧亲',
  hardship: '困难',
  retiree: '退休教师慰问',
  other: '其他',
};

/** How far ahead a planned visit may be dated. */
export const PLAN_AHEAD_DAYS = 90;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD`, zero-padded, a real calendar date; undefined otherwise. */
export function parseDate(s: unknown): { year: number; month: number; day: number } | undefined {
  if (typeof s !== 'string') return undefined;
  const m = DATE.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** The date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const p = parseDate(date)!;
  return new Date(Date.UTC(p.year, p.month - 1, p.day + days)).toISOString().slice(0, 10);
}

/** Why a visit's date is refused (more than 90 days ahead of today in China), or undefined. */
export function careDateProblem(date: string, now: number = Date.now()): string | undefined {
  if (!parseDate(date)) return '日期格式应为 YYYY-MM-DD';
  const latest = addDays(chinaDateTime(now).date, PLAN_AHEAD_DAYS);
  return date > latest ? `计划走访的日期最多只能在 ${PLAN_AHEAD_DAYS} 天以后（${latest} 之前）` : undefined;
}

/** A report's range: both dates in China time, both included; the instants [startMs, endMs] it covers. */
export interface DateRange {
  from: string;
  to: string;
  startMs: number;
  endMs: number;
}

/** Reads `from` and `to` of a report query; a Chinese reason when they are missing, malformed or reversed. */
export function parseRange(from: unknown, to: unknown): DateRange | string {
  if (from === undefined || to === undefined || from === '' || to === '') return '请同时提供开始日期 from 和结束日期 to';
  const f = parseDate(from);
  const t = parseDate(to);
  if (!f || !t) return '日期格式应为 YYYY-MM-DD';
  if ((from as string) > (to as string)) return '开始日期不能晚于结束日期';
  return { from: from as string, to: to as string, startMs: chinaInstant(f.year, f.month, f.day), endMs: chinaInstant(t.year, t.month, t.day + 1) - 1 };
}

/** Whether an instant (ISO or ms) falls in the range. */
export const inRangeMs = (range: Pick<DateRange, 'startMs' | 'endMs'>, at: string | number | undefined): boolean => {
  if (at === undefined) return false;
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return ms >= range.startMs && ms <= range.endMs;
};

/** A rate in 0..1, or null with a zero denominator. */
export const rate = (num: number, den: number): number | null => (den === 0 ? null : num / den);
