import { describe, expect, it } from 'vitest'
import { barWidths, countdown, draftErrors, myActions, percent } from '../src/proposal/labels'
import { cosignCard } from '../src/pages/index/proposalCard'
import type { ProposalView } from '../src/api/types'

const DAY = 86_400_000
const NOW = Date.parse('2026-12-02T10:00:00+08:00')

describe('办理期限 countdown', () => {
  it('says how many whole days are left, 今天到期 on the day, and how late after it', () => {
    expect(countdown(new Date(NOW + 30 * DAY + 3600_000).toISOString(), NOW)).toEqual({ text: '还有 30 天', late: false })
    expect(countdown(new Date(NOW + 5 * 3600_000).toISOString(), NOW)).toEqual({ text: '今天到期', late: false })
    expect(countdown(new Date(NOW - 3600_000).toISOString(), NOW)).toEqual({ text: '已到期', late: true })
    // as the overdue list counts (floor of whole days past the deadline)
    expect(countdown(new Date(NOW - 3 * DAY - 3600_000).toISOString(), NOW)).toEqual({ text: '已超期 3 天', late: true })
  })
})

describe('statistics', () => {
  it('rates as whole percents, 暂无 without a denominator', () => {
    expect(percent(null)).toBe('暂无')
    expect(percent(1)).toBe('100%')
    expect(percent(2 / 3)).toBe('67%')
    expect(percent(0)).toBe('0%')
  })
  it('bars as shares of the largest: zero stays zero, a small one still shows', () => {
    expect(barWidths([0, 0])).toEqual([0, 0])
    expect(barWidths([4, 2, 0, 1])).toEqual([100, 50, 0, 25])
    expect(barWidths([100, 1])).toEqual([100, 4])
  })
})

describe('the buttons of a proposal (from the shared state machine)', () => {
  const p = (status: ProposalView['status'], proposerId = 'm-a') => ({ status, cosigners: 0, proposer: { memberId: proposerId } })
  const delegate = { memberId: 'm-b', roles: ['member', 'delegate'] as const }
  const proposer = { memberId: 'm-a', roles: ['member', 'delegate'] as const }
  const chair = { memberId: 'm-c', roles: ['member', 'chair'] as const }
  const chairWhoProposed = { memberId: 'm-a', roles: ['member', 'delegate', 'chair'] as const }

  it('the proposer edits, submits and withdraws a draft; nobody co-signs it', () => {
    expect([...myActions(p('draft'), { ...proposer, roles: [...proposer.roles] })].sort()).toEqual(['edit', 'submit', 'withdraw'])
    expect(myActions(p('draft'), { ...delegate, roles: [...delegate.roles] }).size).toBe(0)
  })
  it('another delegate co-signs while it collects 附议; the proposer cannot', () => {
    expect(myActions(p('cosigning'), { ...delegate, roles: [...delegate.roles] }).has('cosign')).toBe(true)
    expect(myActions(p('cosigning'), { ...proposer, roles: [...proposer.roles] }).has('cosign')).toBe(false)
  })
  it('the committee decides from review, answers when accepted, records 落实; a member only reads', () => {
    expect([...myActions(p('review'), { ...chair, roles: [...chair.roles] })]).toEqual(['decide'])
    expect([...myActions(p('accepted'), { ...chair, roles: [...chair.roles] })].sort()).toEqual(['answer', 'progress'])
    expect(myActions(p('accepted'), { memberId: 'm-x', roles: ['member'] }).size).toBe(0)
  })
  it('a chair who proposed it has both sets of buttons: rates the answer and records 落实', () => {
    expect([...myActions(p('answered'), { ...chairWhoProposed, roles: [...chairWhoProposed.roles] })].sort()).toEqual(['progress', 'rate'])
  })
})

describe('the draft form', () => {
  it('names every missing field in Chinese, nothing when complete', () => {
    expect(draftErrors({ title: ' ', reason: '', suggestion: '' })).toEqual({ title: '请填写提案标题', category: '请选择类别', reason: '请填写案由', suggestion: '请填写建议' })
    expect(draftErrors({ title: 'x'.repeat(61), category: 'other', reason: 'a', suggestion: 'b' })).toEqual({ title: '标题最多 60 个字' })
    expect(draftErrors({ title: '食堂', category: 'logistics', reason: 'a', suggestion: 'b' })).toEqual({})
  })
})

describe('首页: 待我附议', () => {
  it('lists up to three with number, proposer and 附议 count, each opening the proposal', () => {
    const one = (i: number): ProposalView => ({
      proposalId: `p-${i}`,
      sessionId: 's',
      number: `提案2026-00${i}`,
      title: `提案${i}`,
      category: 'other',
      reason: 'r',
      suggestion: 's',
      proposer: { memberId: 'm', name: '李明' },
      status: 'cosigning',
      cosigners: 1,
      history: [],
    })
    const card = cosignCard([1, 2, 3, 4].map(one))
    expect(card.title).toBe('待我附议的提案（4）')
    expect(card.items).toHaveLength(3)
    expect(card.items[0]).toEqual({ id: 'p-1', title: '提案1', sub: ['提案2026-001', '李明提出', '已有 1 人附议'], url: '/proposal/detail/index?id=p-1' })
    expect(cosignCard([]).items).toEqual([])
  })
})

describe('首页 sources', () => {
  it('the 待我附议 source is only for delegates: for anyone else it makes no request and is left out', async () => {
    const { loadHome } = await import('../src/pages/index/sources')
    const { proposalCard } = await import('../src/pages/index/proposalCard')
    const calls: string[] = []
    const other = { key: 'other', load: async () => (calls.push('other'), []) }
    const member = { memberId: 'm', roles: ['member'] } as unknown as Parameters<typeof loadHome>[0]
    const delegate = { memberId: 'd', roles: ['member', 'delegate'] } as unknown as Parameters<typeof loadHome>[0]
    expect((await loadHome(member, [proposalCard, other])).map((r) => r.key)).toEqual(['other'])
    expect(proposalCard.applies!(delegate)).toBe(true)
    expect(calls).toEqual(['other'])
  })
})
