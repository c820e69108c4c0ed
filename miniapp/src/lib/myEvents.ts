import { api } from '../api'
import type { EventSummary, MyRegistrationItem } from '../api/types'

/** One of my registrations with its event (and my place in the waitlist when I wait). */
export type MyEventRow = EventSummary & { reg: MyRegistrationItem; position?: number }

/**
 * My registrations joined with their events. The list has no waitlist position (and only the latest
 * events): a waitlisted registration, or one whose event is not listed, asks its event.
 */
export async function joinMyEvents(registrations: readonly MyRegistrationItem[], events: readonly EventSummary[]): Promise<MyEventRow[]> {
  const byId = new Map(events.map((e) => [e.eventId, e]))
  const rows = await Promise.all(
    withListedEvents(registrations, events).map(async (reg): Promise<MyEventRow | null> => {
      const listed = byId.get(reg.eventId)
      if (listed && reg.status !== 'waitlisted') return { ...listed, reg }
      try {
        // the event's own answer is the fresher one (a promotion may have happened in between)
        const e = await api.event(reg.eventId)
        return { ...e, reg: e.me ? { ...reg, status: e.me.status, checkedIn: e.me.checkedIn } : reg, position: e.me?.position }
      } catch {
        return listed ? { ...listed, reg } : null
      }
    }),
  )
  return rows.filter((r): r is MyEventRow => !!r)
}

/**
 * 我的报名 (GET /me/registrations) reads an index that shows a sign-up or a cancellation a moment
 * late; the events list reads my registration of each listed event by its key, at once. For a
 * listed event the event's `me` wins: a registration just made is added, one just cancelled is
 * dropped, a changed one shows its new family and choices.
 */
export function withListedEvents(registrations: readonly MyRegistrationItem[], events: readonly EventSummary[]): MyRegistrationItem[] {
  const byId = new Map(events.map((e) => [e.eventId, e]))
  const merged: MyRegistrationItem[] = []
  for (const reg of registrations) {
    const listed = byId.get(reg.eventId)
    if (!listed) merged.push(reg)
    else if (listed.me) merged.push({ ...reg, status: listed.me.status, family: listed.me.family, choices: listed.me.choices, checkedIn: listed.me.checkedIn })
  }
  const known = new Set(registrations.map((r) => r.eventId))
  for (const e of events) {
    if (e.me && !known.has(e.eventId)) {
      merged.push({ eventId: e.eventId, status: e.me.status, family: e.me.family, choices: e.me.choices, checkedIn: e.me.checkedIn, registeredAt: new Date().toISOString() })
    }
  }
  return merged
}

/** The tag of my place: 已签到 / 已报名 / 候补第 N 位 (what the event page says, short). */
export const myRowStatus = (r: MyEventRow) => ({ status: r.reg.status, checkedIn: r.reg.checkedIn, position: r.position })
