/**
 * 活动报名: pure helpers for showing events (times in Chinese, seats, my status) and for the
 * date and time pickers. No Taro here, so they are unit-tested as they are.
 */
import { canConfirm, seatsFor } from '@shared/domain/events'
import { WEEKDAYS, chinaDateTime, chinaInstant, chinaIso, chinaParts } from '@shared/domain/chinaTime'
import type { EventOption, EventSummary, MyRegistration } from '../api/types'

/** Every time the app shows or asks for is China time, whatever the phone's time zone (shared/domain/chinaTime). */

/** `4月12日 周六` (with the year in front when it is not this year). */
export function fmtDate(iso: string, now: Date = new Date()): string {
  if (Number.isNaN(new Date(iso).getTime())) return ''
  const d = chinaParts(iso)
  const year = d.year !== chinaParts(now).year ? `${d.year}年` : ''
  return `${year}${d.month}月${d.day}日 ${WEEKDAYS[d.weekday]}`
}

/** `08:00` */
export function fmtTime(iso: string): string {
  if (Number.isNaN(new Date(iso).getTime())) return ''
  return chinaDateTime(iso).time
}

/** `4月12日 周六 08:00` */
export function fmtDateTime(iso: string, now: Date = new Date()): string {
  const date = fmtDate(iso, now)
  return date ? `${date} ${fmtTime(iso)}` : ''
}

export type Tone = 'ok' | 'wait' | 'muted' | 'bad' | 'done'

type SeatCounts = Pick<EventSummary, 'capacity' | 'confirmedSeats' | 'waitlistLength'>

/**
 * Whether signing up with `family` would put the member on the waitlist: the rule the server
 * applies (shared/domain/events), with one seat for the member and one per family member.
 */
export function wouldWait(e: SeatCounts, family = 0): boolean {
  return !canConfirm({ capacity: e.capacity, confirmedSeats: e.confirmedSeats, waitingCount: e.waitlistLength }, seatsFor(family))
}

/** Why signing up with `family` would wait, in words; null when it would not. */
export function waitNote(e: SeatCounts & Pick<EventSummary, 'seatsLeft'>, family: number): string | null {
  if (!wouldWait(e, family)) return null
  const then = '有人取消时按先后顺序递补，递补成功会通知您。'
  if (e.waitlistLength === 0 && e.seatsLeft > 0) {
    return `只剩 ${e.seatsLeft} 个名额，不够 ${seatsFor(family)} 人：少带家属就能直接报上，不然会排进候补，${then}`
  }
  return `名额已满。现在报名会排进候补，${then}`
}

/** The seats line of a card: 剩余 N 个名额 / 已满，可候补 / 报名已截止 / 已取消 / 已结束. */
export function seatsText(e: SeatCounts & Pick<EventSummary, 'state' | 'seatsLeft'>): { text: string; tone: Tone } {
  if (e.state === 'cancelled') return { text: '已取消', tone: 'bad' }
  if (e.state === 'past') return { text: '已结束', tone: 'muted' }
  if (e.state === 'closed') return { text: '报名已截止', tone: 'muted' }
  if (wouldWait(e)) return { text: '已满，可候补', tone: 'wait' }
  return { text: `剩余 ${e.seatsLeft} 个名额`, tone: 'ok' }
}

/** The short tag of my registration: 已签到 / 已报名 / 候补中 (or 候补第 N 位 when the position is known). */
export function myStatusText(me: Pick<MyRegistration, 'status' | 'checkedIn'> & { position?: number } | null | undefined): { text: string; tone: Tone } | null {
  if (!me) return null
  if (me.checkedIn) return { text: '已签到', tone: 'done' }
  if (me.status === 'confirmed') return { text: '已报名', tone: 'ok' }
  return { text: me.position ? `候补第 ${me.position} 位` : '候补中', tone: 'wait' }
}

/** 即将开始 (soonest first) and 已结束 (latest first). A cancelled event stays with the upcoming ones until its day passes. */
export function splitEvents<T extends Pick<EventSummary, 'state' | 'startsAt'>>(events: readonly T[], now: number = Date.now()) {
  const ended = (e: T) => e.state === 'past' || Date.parse(e.startsAt) <= now
  const upcoming = events.filter((e) => !ended(e)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  const past = events.filter(ended).sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))
  return { upcoming, past }
}

/** `乘车点：东门　午餐：素食` in the order of the event's options. */
export function choicesText(options: readonly EventOption[], choices: Record<string, string>): string {
  return options
    .filter((o) => choices[o.key])
    .map((o) => `${o.label}：${choices[o.key]}`)
    .join('　')
}

/** The state in words, for the event page's head. */
export function stateText(state: EventSummary['state']): { text: string; tone: Tone } {
  switch (state) {
    case 'open':
      return { text: '报名中', tone: 'ok' }
    case 'closed':
      return { text: '报名已截止', tone: 'muted' }
    case 'cancelled':
      return { text: '已取消', tone: 'bad' }
    default:
      return { text: '已结束', tone: 'muted' }
  }
}

// ------------------------------------------------------------------ pickers

/** `YYYY-MM-DD` and `HH:mm` of an instant in China time (what Picker mode=date/time show and give back). */
export function splitLocal(d: Date): { date: string; time: string } {
  return chinaDateTime(d)
}

/** The instant of a picked `YYYY-MM-DD` + `HH:mm`, read as China time, or null when malformed. */
export function localDate(date: string, time: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})$/.exec(time)
  if (!m || !t) return null
  const d = new Date(chinaInstant(Number(m[1]), Number(m[2]), Number(m[3]), Number(t[1]), Number(t[2])))
  return Number.isNaN(d.getTime()) ? null : d
}

/** ISO 8601 in China time, e.g. 2027-04-12T08:00:00+08:00 (what the API asks for). */
export function isoWithOffset(d: Date): string {
  return chinaIso(d)
}

/** `4月12日 周六` of a picked `YYYY-MM-DD`. */
export function fmtPickedDate(date: string, now: Date = new Date()): string {
  const d = localDate(date, '12:00')
  return d ? fmtDate(d.toISOString(), now) : date
}

/** Splits what the committee typed as choices: commas (either width), 、, semicolons or new lines. Blank and repeated ones dropped. */
export function parseChoiceList(s: string): string[] {
  const out: string[] = []
  for (const part of s.split(/[,，、;；\n]+/)) {
    const c = part.trim()
    if (c && !out.includes(c)) out.push(c)
  }
  return out
}

// ------------------------------------------------------------------ 签到码

/** What a member's 签到码 encodes and the committee's scanner reads: `staff-home:member:<memberId>`. */
export const memberCode = (memberId: string) => `staff-home:member:${memberId}`

/** The member id in a scanned 签到码, or null when it is some other code. */
export function parseMemberCode(text: string): string | null {
  const m = /^staff-home:member:([A-Za-z0-9_-]{4,64})$/.exec(text.trim())
  return m ? m[1]! : null
}

/**
 * Message bodies from the server write times as `2027-04-12 08:00`: say them the way the rest of
 * the app does (`4月12日 周一 08:00`).
 */
export function prettyTimes(text: string, now: Date = new Date()): string {
  return text.replace(/(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/g, (whole, y, mo, d, h, mi) => {
    const at = new Date(chinaInstant(Number(y), Number(mo), Number(d), Number(h), Number(mi)))
    return Number.isNaN(at.getTime()) ? whole : `${fmtDate(at.toISOString(), now)} ${h}:${mi}`
  })
}

/** Whether today, in China, is still before the event's day (a check-in now would be early). */
export function beforeEventDay(startsAt: string, now: Date = new Date()): boolean {
  return chinaDateTime(now).date < chinaDateTime(startsAt).date
}
