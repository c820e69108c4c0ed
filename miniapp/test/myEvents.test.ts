import { describe, expect, it } from 'vitest'
import { withListedEvents } from '../src/lib/myEvents'
import type { EventSummary, MyRegistrationItem } from '../src/api/types'

const event = (id: string, me: EventSummary['me'] = null): EventSummary => ({
  eventId: id, orgId: 'o-1', title: `活动${id}`, place: '学校东门', startsAt: '2026-05-01T02:00:00.000Z',
  signupClosesAt: '2026-04-28T02:00:00.000Z', capacity: 10, maxFamily: 2, options: [], cancelled: false, state: 'open',
  confirmedSeats: 3, seatsLeft: 7, waitlistLength: 0, me,
})
const reg = (id: string, over: Partial<MyRegistrationItem> = {}): MyRegistrationItem => ({
  eventId: id, status: 'confirmed', family: 0, choices: {}, checkedIn: false, registeredAt: '2026-04-01T02:00:00.000Z', ...over,
})
const me = (over: Partial<NonNullable<EventSummary['me']>> = {}) => ({ status: 'confirmed' as const, family: 0, choices: {}, checkedIn: false, ...over })

// 我的报名 reads an index that lags behind a sign-up or a cancellation (DynamoDB's GSIs, and the local one in tests).
describe('我的报名 merged with the events list (a sign-up shows at once)', () => {
  it('adds a registration the index does not show yet, from the listed event', () => {
    const merged = withListedEvents([reg('old')], [event('old', me()), event('new', me({ status: 'waitlisted', family: 1 }))])
    expect(merged.map((r) => [r.eventId, r.status, r.family])).toEqual([['old', 'confirmed', 0], ['new', 'waitlisted', 1]])
  })

  it('drops one just cancelled, and takes family and choices from the event', () => {
    const merged = withListedEvents(
      [reg('gone'), reg('changed', { family: 0 })],
      [event('gone', null), event('changed', me({ family: 2, choices: { bus: '西门' } }))],
    )
    expect(merged).toEqual([reg('changed', { family: 2, choices: { bus: '西门' } })])
  })

  it('keeps registrations of events the list does not have (older than its latest 100)', () => {
    expect(withListedEvents([reg('ancient')], [event('other')])).toEqual([reg('ancient')])
  })
})
