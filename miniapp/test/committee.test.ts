import { describe, expect, it } from 'vitest'
import { describeAudit, fmtAuditTime, type AuditEntry } from '../src/admin/shared/auditText'
import { codeHalves, fmtExpiry, inviteMessage, sortInvites } from '../src/admin/shared/invites'

const entry = (action: string, detail?: Record<string, unknown>, target: Record<string, string> = {}): AuditEntry => ({
  at: '2025-11-25T06:03:00.000Z',
  actorId: 'm-chair',
  actorName: '王芳',
  action,
  target,
  detail,
})

describe('操作记录 lines', () => {
  const names = { member: (id: string) => ({ 'm-1': '张伟' })[id], event: (id: string) => ({ 'e-1': '秋季登山' })[id] }

  it('names each known action in Chinese, with its facts', () => {
    expect(describeAudit(entry('POST /orgs/{orgId}/roster/import', { created: 3, updated: 2, unchanged: 0 }))).toEqual({
      title: '导入花名册',
      detail: '新增 3 人、更新 2 人',
    })
    expect(describeAudit(entry('POST /orgs/{orgId}/roster/import', { rejected: 4 })).detail).toBe('有 4 行错误，没有导入')
    expect(describeAudit(entry('PATCH /members/{memberId}', { fields: ['phone', 'groupId'] }, { memberId: 'm-1' }), names)).toEqual({
      title: '修改会员信息',
      detail: '张伟，改了手机号、工会小组',
    })
    expect(describeAudit(entry('POST /members/{memberId}/deactivate', { name: '李娜' }))).toEqual({ title: '停用会员', detail: '李娜' })
    expect(describeAudit(entry('POST /orgs/{orgId}/groups', { name: '体育组' })).detail).toBe('“体育组”')
    expect(describeAudit(entry('POST /orgs/{orgId}/invites', { count: 12 }))).toEqual({ title: '生成邀请码', detail: '为 12 位成员生成' })
    expect(describeAudit(entry('POST /orgs/{orgId}/events', { eventId: 'e-9', title: '新年联欢' })).detail).toBe('“新年联欢”')
    expect(describeAudit(entry('PATCH /events/{eventId}', { told: 5 }, { eventId: 'e-1' }), names).detail).toBe('“秋季登山”，已通知 5 位报名的人')
    expect(describeAudit(entry('POST /events/{eventId}/cancel', { title: '秋季登山' })).title).toBe('取消活动')
    expect(describeAudit(entry('POST /events/{eventId}/checkins', { memberId: 'm-1', offline: true }, { eventId: 'e-1' }), names)).toEqual({
      title: '活动签到',
      detail: '“秋季登山”，张伟，离线签到',
    })
  })

  it('shows unknown actions as they are, and copes without names or details', () => {
    expect(describeAudit(entry('POST /campaigns/{campaignId}/close'))).toEqual({ title: 'POST /campaigns/{campaignId}/close' })
    expect(describeAudit(entry('PATCH /members/{memberId}', undefined, { memberId: 'm-x' }))).toEqual({ title: '修改会员信息', detail: undefined })
  })

  it('says 今天 / 昨天, else the date', () => {
    const now = new Date('2025-11-25T20:00:00+08:00')
    expect(fmtAuditTime(new Date('2025-11-25T14:03:00+08:00').toISOString(), now)).toBe('今天 14:03')
    expect(fmtAuditTime(new Date('2025-11-24T09:05:00+08:00').toISOString(), now)).toBe('昨天 09:05')
    expect(fmtAuditTime(new Date('2025-11-02T14:03:00+08:00').toISOString(), now)).toBe('11月2日 14:03')
    expect(fmtAuditTime(new Date('2024-11-25T14:03:00+08:00').toISOString(), now)).toBe('2024年11月25日 14:03')
  })
})

describe('邀请码', () => {
  it('splits the code in two halves and sorts by group, then name', () => {
    expect(codeHalves('ABCD2345')).toEqual(['ABCD', '2345'])
    const sorted = sortInvites([
      { memberId: 'a', name: '乙', groupName: '数学组', code: 'X', expiresAt: '' },
      { memberId: 'b', name: '甲', code: 'X', expiresAt: '' },
      { memberId: 'c', name: '甲', groupName: '数学组', code: 'X', expiresAt: '' },
    ])
    expect(sorted.map((i) => i.memberId)).toEqual(['c', 'a', 'b'])
  })

  it('writes the expiry and the message to send in Chinese', () => {
    const now = new Date('2025-11-25T00:00:00+08:00')
    const expiresAt = new Date('2025-12-09T14:03:00+08:00').toISOString()
    expect(fmtExpiry(expiresAt, now)).toBe('12月9日 14:03')
    expect(inviteMessage({ name: '张伟', code: 'ABCD2345', expiresAt }, now)).toContain('ABCD2345（12月9日 14:03前有效')
  })
})
