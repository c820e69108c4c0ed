import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { schoolsGiving, sortSchools, type SchoolTotals } from '../src/manage/shared/districtDonations'

const school = (name: string, confirmedFen: number, donorCount: number, giftCount = donorCount): SchoolTotals => ({
  orgId: `o-${name}`,
  name,
  confirmedFen,
  recordedFen: confirmedFen,
  donorCount,
  giftCount,
  confirmedCount: giftCount,
})

describe('全区捐款: sorting schools', () => {
  const list = [school('乙校', 500, 9), school('甲校', 900, 3), school('丙校', 500, 12), school('丁校', 0, 0)]
  it('by amount, by donors, by name', () => {
    expect(sortSchools(list, 'amount').map((s) => s.name)).toEqual(['甲校', '丙校', '乙校', '丁校'])
    expect(sortSchools(list, 'donors').map((s) => s.name)).toEqual(['丙校', '乙校', '甲校', '丁校'])
    expect(sortSchools(list, 'name').map((s) => s.name)).toEqual([...list].map((s) => s.name).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')))
    expect(schoolsGiving(list)).toBe(3)
  })
  it('keeps every school, once, in any order', () => {
    const arb = fc.array(fc.record({ n: fc.string({ maxLength: 4 }), f: fc.nat(1e6), d: fc.nat(200) }), { maxLength: 30 })
    fc.assert(
      fc.property(arb, fc.constantFrom('amount', 'donors', 'name') as fc.Arbitrary<'amount' | 'donors' | 'name'>, (xs, order) => {
        const schools = xs.map((x, i) => ({ ...school(x.n, x.f, x.d), orgId: `o${i}` }))
        const sorted = sortSchools(schools, order)
        expect(sorted.map((s) => s.orgId).sort()).toEqual(schools.map((s) => s.orgId).sort())
        if (order === 'amount') sorted.slice(1).forEach((s, i) => expect(sorted[i]!.confirmedFen).toBeGreaterThanOrEqual(s.confirmedFen))
        if (order === 'donors') sorted.slice(1).forEach((s, i) => expect(sorted[i]!.donorCount).toBeGreaterThanOrEqual(s.donorCount))
      }),
    )
  })
})
