import { describe, expect, it } from 'vitest'
import { inviteTargets, targetsText } from '../src/admin/shared/invites'
import type { Member } from '../src/api/types'

describe('邀请码: who gets one without a list', () => {
  const m = (memberId: string, over: Partial<Member> = {}): Member => ({ memberId, orgId: 'o', name: memberId, groupId: 'g', roles: ['member'], retired: false, active: true, wechatBound: false, ...over })
  it('active members not bound to WeChat, retirees included, never the caller', () => {
    const members = [m('me'), m('a'), m('r', { retired: true }), m('bound', { wechatBound: true }), m('stopped', { active: false })]
    const t = inviteTargets(members, 'me')
    expect(t).toEqual({ count: 2, retired: 1 })
    expect(targetsText(t)).toBe('2 位（其中退休教职工 1 位）')
    expect(targetsText({ count: 3, retired: 0 })).toBe('3 位')
  })
})
