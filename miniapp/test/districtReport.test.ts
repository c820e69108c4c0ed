import { describe, expect, it } from 'vitest'
import { schoolRow } from '@shared/domain/tally'
import { anyFigures, cellText, percent, recentTerms, sortSchools, type DistrictSchool } from '../src/manage/shared/districtReport'

const school = (orgId: string, name: string, counts: Parameters<typeof schoolRow>[0]): DistrictSchool => ({ orgId, name, ...schoolRow(counts) })

describe('区级汇总', () => {
  const a = school('a', '北京路小学', { 'donations.confirmedFen': 500, 'ballots.cast': 9, 'ballots.eligible': 10 })
  const b = school('b', '安定门中学', { 'donations.confirmedFen': 500 })
  const c = school('c', '长安小学', { 'donations.confirmedFen': 1_000, 'ballots.cast': 1, 'ballots.eligible': 2 })

  it('sorts largest first, ties by name, no rate last; by name on request', () => {
    expect(sortSchools([a, b, c], 'confirmedFen').map((s) => s.orgId)).toEqual(['c', 'b', 'a']) // 安 before 北 (pinyin)
    expect(sortSchools([a, b, c], 'turnout').map((s) => s.orgId)).toEqual(['a', 'c', 'b'])
    expect(sortSchools([c, a, b], 'name').map((s) => s.orgId)).toEqual(['b', 'a', 'c'])
  })

  it('shows money exact to the fen and rates as percent with the integers behind them', () => {
    expect(cellText(c, 'confirmedFen')).toBe('¥10.00')
    expect(cellText(a, 'turnout')).toBe('90.0%（9/10）')
    expect(cellText(b, 'turnout')).toBe('—')
    expect(percent(2 / 3)).toBe('66.7%')
  })

  it('lists this term and the three before it', () => {
    expect(recentTerms(Date.parse('2026-12-02T12:00:00+08:00')).map((t) => t.term)).toEqual(['2026-2027-1', '2025-2026-2', '2025-2026-1', '2024-2025-2'])
  })

  it('knows a term with no figures yet (member counts are not per term)', () => {
    expect(anyFigures([school('x', '甲', { 'members.active': 40 })])).toBe(false)
    expect(anyFigures([a])).toBe(true)
  })
})
