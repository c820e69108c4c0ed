// The mini-program decides with the server's own rules (shared/domain), never a copy of them.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fitsAtAll } from '@shared/domain/events'
import { modelSignups } from '../../tests/models/signups'
import { POLICY, hasAnyRole } from '@shared/domain/policy'
import type { Role } from '@shared/schemas/common'
import { seatsText, wouldWait } from '../src/lib/events'
import { waitNote } from '../src/lib/eventsMore'
import { canManage, canSeeSignups, isChair, isDistrictAdmin } from '../src/lib/roles'

/** What the event page is told: the server's counters after `ops`. */
function view(capacity: number, ops: Parameters<typeof modelSignups>[1]) {
  const { confirmed, waitlist } = modelSignups(capacity, ops)
  const confirmedSeats = [...confirmed.values()].reduce((a, b) => a + b, 0)
  return { capacity, confirmedSeats, seatsLeft: Math.max(0, capacity - confirmedSeats), waitlistLength: waitlist.length, state: 'open' as const }
}

describe('报名 or 报名（排候补）: the server’s seat rule, family included', () => {
  it('one seat left and one family member: the member would wait', () => {
    const e = view(2, [{ op: 'register', member: 'a', seats: 1 }])
    expect(e.seatsLeft).toBe(1)
    expect(wouldWait(e, 0)).toBe(false)
    expect(wouldWait(e, 1)).toBe(true)
    expect(waitNote(e, 1)).toContain('只剩 1 个名额，不够 2 人')
    expect(waitNote(e, 0)).toBeNull()
  })

  it('someone already waiting: a newcomer waits even with a seat free', () => {
    const e = view(3, [
      { op: 'register', member: 'a', seats: 2 },
      { op: 'register', member: 'b', seats: 2 },
    ])
    expect(e).toMatchObject({ seatsLeft: 1, waitlistLength: 1 })
    expect(wouldWait(e, 0)).toBe(true)
    expect(waitNote(e, 0)).toContain('名额已满')
    expect(seatsText(e)).toEqual({ text: '已满，可候补', tone: 'wait' })
  })

  it('says what the server then does, for any history of sign-ups and cancellations', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('register' as const), member: fc.constantFrom('a', 'b', 'c', 'd', 'e'), seats: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ op: fc.constant('cancel' as const), member: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 12 }), fc.integer({ min: 0, max: 2 }), (capacity, ops, family) => {
        fc.pre(fitsAtAll(capacity, 1 + family))
        const e = view(capacity, ops)
        const after = modelSignups(capacity, [...ops, { op: 'register', member: 'me', seats: 1 + family }])
        const waited = after.waitlist.some((w) => w.member === 'me')
        expect(wouldWait(e, family)).toBe(waited)
        expect(waitNote(e, family) !== null).toBe(waited)
      }),
    )
  })
})

describe('who may do what: the policy’s role sets', () => {
  const ROLES: Role[] = ['member', 'committee', 'chair', 'groupLeader', 'delegate', 'treasurer', 'districtAdmin']
  const allowed = (roles: Role[], route: keyof typeof POLICY) => hasAnyRole({ roles }, POLICY[route].roles)

  it('shows each tool to exactly those the server lets in', () => {
    for (const role of ROLES) {
      const roles: Role[] = ['member', role]
      expect(canManage(roles), role).toBe(allowed(roles, 'POST /orgs/{orgId}/events'))
      expect(canManage(roles), role).toBe(allowed(roles, 'GET /orgs/{orgId}/roster.xlsx'))
      expect(canSeeSignups(roles), role).toBe(allowed(roles, 'GET /events/{eventId}/registrations'))
      expect(isChair(roles), role).toBe(allowed(roles, 'GET /orgs/{orgId}/audit'))
      expect(isDistrictAdmin(roles), role).toBe(allowed(roles, 'GET /districts/{districtId}/orgs'))
    }
  })

  it('a group leader sees sign-ups (their group) but manages nothing', () => {
    expect(canSeeSignups(['member', 'groupLeader'])).toBe(true)
    expect(canManage(['member', 'groupLeader'])).toBe(false)
    expect(canSeeSignups(['member', 'delegate'])).toBe(false)
    expect(canSeeSignups(undefined)).toBe(false)
  })
})
