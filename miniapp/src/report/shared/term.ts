import { chinaDateTime } from '@shared/domain/chinaTime'
import { addDays } from '@shared/domain/care'
import { formatFen, parseYuan, type YuanInput } from '@shared/domain/money'
import { previousTerm, termOf, termRange } from '@shared/domain/term'

/** A term (学期) as the report takes it: both dates in China time, both included. */
export interface Term {
  from: string
  to: string
}

/** The semester `now` falls in, in China time: the one term rule (shared/domain/term.ts). */
export const currentTerm = (now: number = Date.now()): Term => termRange(termOf(now))

/** The term's name: 2026年春季学期 / 2026—2027学年秋季学期, or the plain dates for any other range. */
export function termName(t: Term): string {
  const y = Number(t.from.slice(0, 4))
  if (t.from === `${y}-02-01` && t.to === `${y}-07-31`) return `${y}年春季学期`
  if (t.from === `${y}-08-01` && t.to === `${y + 1}-01-31`) return `${y}—${y + 1}学年秋季学期`
  return `${fmtDay(t.from)}至${fmtDay(t.to)}`
}

/** 2026-03-05 → 2026年3月5日. */
export function fmtDay(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/** ¥ and exact yuan from fen. */
export const yuanText = (fen: number) => `¥${formatFen(fen)}`

/**
 * A rate with the integers it comes from, exact to one decimal of a percent (rounded half up on
 * integers, never through a float): 3 of 29 → 10.3%（3/29）; a zero denominator → 无（0/0）.
 */
export function rateText(num: number, den: number): string {
  if (den === 0) return `无（${num}/0）`
  const tenths = Math.floor((num * 2000 + den) / (2 * den)) // round(num / den × 1000), half up
  return `${Math.floor(tenths / 10)}.${tenths % 10}%（${num}/${den}）`
}

/** A bar's width in percent of the largest value (a value above 0 shows at least a sliver). */
export function barPercent(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0
  return Math.max(2, Math.round((value / max) * 100))
}

/** 慰问金 typed in yuan: empty or 0 is a visit without money; otherwise parseYuan's exact fen. */
export function giftFenOf(text: string): YuanInput {
  const t = text.trim()
  if (t === '' || /^[0０]+([.．][0０]*)?$/.test(t)) return { ok: true, fen: 0 }
  return parseYuan(t)
}

export type Period = 'all' | 'term' | 'lastTerm' | 'month' | 'custom'

/** A list's dates, both included (China time); none: all time. */
export type Range = { from?: string; to?: string }

/**
 * The dates a period covers (China time), or none. 本学期 and 上学期 follow the one term rule
 * (shared/domain/term.ts); 自定义 is the range picked (or, before one is, this term).
 */
export function periodRange(period: Period, now = Date.now(), custom?: Term): Range {
  if (period === 'term') return currentTerm(now)
  if (period === 'lastTerm') return termRange(previousTerm(termOf(now)))
  if (period === 'custom') return custom ?? currentTerm(now)
  if (period === 'month') {
    const today = chinaDateTime(now).date
    const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))]
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
    return { from: `${today.slice(0, 7)}-01`, to: addDays(next, -1) } // the month's last day (28–31)
  }
  return {}
}

/** The range in words: 2026年9月1日至2026年12月31日; a term by its name first; none: 全部时间. */
export function rangeText(r: Range): string {
  if (!r.from || !r.to) return '全部时间'
  const days = `${fmtDay(r.from)}至${fmtDay(r.to)}`
  const name = termName({ from: r.from, to: r.to })
  return name === days ? days : `${name}（${days}）`
}

/** A new start; an end before it moves with it (from ≤ to). */
export const withFrom = (r: Term, from: string): Term => ({ from, to: from > r.to ? from : r.to })
/** A new end; a start after it moves with it (from ≤ to). */
export const withTo = (r: Term, to: string): Term => ({ from: to < r.from ? to : r.from, to })

/** This month in China time: YYYY-MM. */
export const thisMonth = (now = Date.now()): string => chinaDateTime(now).date.slice(0, 7)

/** A month `by` months away: ('2026-12', 1) → '2027-01'. */
export function shiftMonth(month: string, by: number): string {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`
}

/** 2027-01 → 2027年1月. */
export const monthName = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`
