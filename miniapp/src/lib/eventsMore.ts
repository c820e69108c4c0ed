/**
 * 活动报名: the pure helpers only sub-packages use (the event page's waitlist note and choices, the
 * date and time pickers, 签到码, message times). Apart from lib/events.ts so that the main package
 * does not carry them. No Taro here.
 */
import { seatsFor } from '@shared/domain/events'
import { chinaDateTime, chinaInstant, chinaIso } from '@shared/domain/chinaTime'
import type { EventOption, EventSummary } from '../api/types'
import { fmtDate, wouldWait, type Tone } from './events'

type SeatCounts = Pick<EventSummary, 'capacity' | 'confirmedSeats' | 'waitlistLength'>

/** Why signing up with `family` would wait, in words; null when it would not. */
export function waitNote(e: SeatCounts & Pick<EventSummary, 'seatsLeft'>, family: number): string | null {
  if (!wouldWait(e, family)) return null
  const then = '有人取消时按先后顺序递补，递补成功会通知您。'
  if (e.waitlistLength === 0 && e.seatsLeft > 0) {
    return `只剩 ${e.seatsLeft} 个名额，不够 ${seatsFor(family)} 人：少带家属就能直接报上，不然会排进候补，${then}`
  }
  return `名额已满。现在报名会排进候补，${then}`
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
