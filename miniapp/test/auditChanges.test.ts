import { describe, expect, it } from 'vitest'
import { changeLines, describeAudit, type AuditEntry } from '../src/admin/shared/auditText'

describe('操作记录: what changed', () => {
  const entry = (action: string, detail: Record<string, unknown>, target: Record<string, string> = {}): AuditEntry => ({
    at: '2026-04-01T02:00:00Z',
    actorId: 'm-chair',
    actorName: '王芳',
    action,
    target,
    detail,
  })

  it('says each changed field, old → new, in Chinese', () => {
    expect(changeLines({ name: ['张三', '张四'], phone: ['139****5678', null], retired: [false, true], isDelegate: [true, false] })).toEqual([
      '姓名：张三 → 张四',
      '手机号：139****5678 → （空）',
      '退休：否 → 是',
      '教代会代表：是 → 否',
    ])
    expect(changeLines({ startsAt: ['2026-04-12T00:00:00Z', '2026-04-12T01:30:00Z'], capacity: [30, 40] })).toEqual([
      '活动时间：4月12日 周日 08:00 → 4月12日 周日 09:30',
      '名额：30 → 40',
    ])
    expect(changeLines({})).toBeUndefined()
    expect(changeLines(undefined)).toBeUndefined()
  })

  it('puts them under the entry of a member or an event edit', () => {
    const names = { member: (id: string) => ({ 'm-1': '张四' })[id], event: (id: string) => ({ 'e-1': '春游' })[id] }
    expect(describeAudit(entry('PATCH /members/{memberId}', { fields: ['name'], changes: { name: ['张三', '张四'] } }, { memberId: 'm-1' }), names)).toEqual({
      title: '修改会员信息',
      detail: '张四',
      changes: ['姓名：张三 → 张四'],
    })
    expect(describeAudit(entry('PATCH /events/{eventId}', { told: 2, changes: { place: ['东门', '西门'] } }, { eventId: 'e-1' }), names)).toEqual({
      title: '修改活动',
      detail: '“春游”，已通知 2 位报名的人',
      changes: ['地点：东门 → 西门'],
    })
  })

  it('names 恢复账号 and 撤销签到', () => {
    const names = { member: (id: string) => ({ 'm-1': '张伟' })[id], event: (id: string) => ({ 'e-1': '春游' })[id] }
    expect(describeAudit(entry('POST /members/{memberId}/reactivate', { name: '李娜' }))).toEqual({ title: '恢复账号', detail: '李娜' })
    expect(describeAudit(entry('DELETE /events/{eventId}/checkins/{memberId}', { memberId: 'm-1', undo: true }, { eventId: 'e-1', memberId: 'm-1' }), names)).toEqual({
      title: '撤销签到',
      detail: '“春游”，张伟',
    })
  })

  it('says what was done with the hardship fund in amounts and categories, never whose case', () => {
    expect(describeAudit(entry('POST /orgs/{orgId}/fund/entries', { kind: 'opening', amountFen: 2_000_000 }, { orgId: 'o-1' }))).toEqual({ title: '登记互助金期初余额', detail: '¥20000.00' })
    expect(describeAudit(entry('POST /orgs/{orgId}/aid-cases', { category: 'illness', requestedFen: 300_050 }, { orgId: 'o-1' }))).toEqual({ title: '代为提出困难补助申请', detail: '大病，¥3000.50' })
    expect(describeAudit(entry('POST /aid-cases/{caseId}/approve', { caseId: 'h-1', approvedFen: 250_050 }, { caseId: 'h-1' }))).toEqual({ title: '批准困难补助', detail: '¥2500.50' })
    expect(describeAudit(entry('POST /aid-cases/{caseId}/pay', { caseId: 'h-1', amountFen: 250_050 }, { caseId: 'h-1' }))).toEqual({ title: '发放困难补助', detail: '¥2500.50' })
  })
})
