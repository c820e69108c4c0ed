/**
 * 活动报名: pure helpers for showing events (times in Chinese, seats, my status) (the pickers', 签到码's and
 * the event page's helpers are in eventsMore.ts, out of the main package). No Taro here, so they are unit-tested as they are.
 */
import { canConfirm, seatsFor } from '@shared/domain/events'
import { WEEKDAYS, chinaDateTime, chinaParts } from '@shared/domain/chinaTime'
import type { EventSummary, MyRegistration } from '../api/types'

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

