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
    registrations.map(async (reg): Promise<MyEventRow | null> => {
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

/** The tag of my place: 已签到 / 已报名 / 候补第 N 位 (what the event page says, short). */
export const myRowStatus = (r: MyEventRow) => ({ status: r.reg.status, checkedIn: r.reg.checkedIn, position: r.position })
