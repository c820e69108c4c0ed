import { api } from '../../api'
import type { EventSummary, MyRegistrationItem } from '../../api/types'
import { fmtDateTime, myStatusText, seatsText, splitEvents } from '../../lib/events'
import { joinMyEvents, myRowStatus, type MyEventRow } from '../../lib/myEvents'
import { ROUTES } from '../../lib/routes'
import { CARD_ITEMS, type HomeCard, type HomeSource } from './card'

/** 我的活动: my next events, soonest first, with 已报名 / 候补第 N 位 (a promotion shows here as 已报名). */
export function myEventsCard(rows: readonly MyEventRow[], now = Date.now()): HomeCard {
  const next = splitEvents(rows, now).upcoming
  return {
    key: 'mine',
    title: '我的活动',
    items: next.slice(0, CARD_ITEMS).map((r) => ({
      id: r.eventId,
      title: r.title,
      sub: [fmtDateTime(r.startsAt), r.place],
      tag: r.state === 'cancelled' ? { text: '活动已取消', tone: 'bad' } : myStatusText(myRowStatus(r))!,
      url: ROUTES.event(r.eventId),
    })),
    more: { text: next.length > CARD_ITEMS ? `我的全部报名（${next.length}）` : '我的全部报名', url: ROUTES.myRegistrations },
  }
}

/** 可以报名: events still open that I have not signed up for, the soonest first. */
export function openEventsCard(events: readonly EventSummary[], now = Date.now()): HomeCard {
  const open = splitEvents(events.filter((e) => e.state === 'open' && !e.me), now).upcoming
  return {
    key: 'open',
    title: '可以报名',
    items: open.slice(0, CARD_ITEMS).map((e) => ({
      id: e.eventId,
      title: e.title,
      sub: [fmtDateTime(e.startsAt)],
      tag: seatsText(e),
      url: ROUTES.event(e.eventId),
    })),
    more: { text: open.length > CARD_ITEMS ? `全部活动（${open.length} 个可以报名）` : '全部活动', url: ROUTES.events, tab: true },
  }
}

/** Registrations whose event may still come (the ones already over need no waitlist position). */
function notOver(registrations: readonly MyRegistrationItem[], events: readonly EventSummary[], now: number) {
  const ended = new Set(splitEvents(events, now).past.map((e) => e.eventId))
  return registrations.filter((r) => !ended.has(r.eventId))
}

export const eventCards: HomeSource = {
  key: 'events',
  async load(me) {
    const [{ registrations }, { events }] = await Promise.all([api.myRegistrations(), api.events(me.orgId)])
    const rows = await joinMyEvents(notOver(registrations, events, Date.now()), events)
    return [myEventsCard(rows), openEventsCard(events)]
  },
}
