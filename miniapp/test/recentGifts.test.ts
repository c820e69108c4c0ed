import { describe, expect, it } from 'vitest'
import { rememberGift, withRecentGifts } from '../src/donate/recent'
import type { DonationView, MyDonations } from '../src/api/types'

const gift = (id: string, recordedAt: string, over: Partial<DonationView> = {}): DonationView => ({
  donationId: id, campaignId: 'c-1', campaignTitle: '一日捐', memberId: 'm-1', name: '王老师', groupId: 'g-1',
  amountFen: 5000, anonymous: false, status: 'recorded', recordedAt, ...over,
})
const NOW = Date.parse('2026-12-31T17:00:00Z') // 2027-01-01 01:00 in China

// 我的捐款 reads an index that shows a new gift after a lag: a gift given here shows at once.
describe('我的捐款 with a gift just given on this phone', () => {
  it('adds it (newest first) and counts it in its China year, until the list has it', () => {
    const older = gift('g-old', '2026-06-01T02:00:00.000Z', { status: 'confirmed', amountFen: 1000 })
    const mine: MyDonations = { donations: [older], years: [{ year: 2026, confirmedFen: 1000, recordedFen: 1000 }] }
    rememberGift(gift('g-new', '2026-12-31T17:00:00.000Z', { amountFen: 2501 }), NOW)
    const shown = withRecentGifts(mine, NOW + 1000)
    expect(shown.donations.map((d) => d.donationId)).toEqual(['g-new', 'g-old'])
    expect(shown.years).toEqual([{ year: 2027, confirmedFen: 0, recordedFen: 2501 }, { year: 2026, confirmedFen: 1000, recordedFen: 1000 }])
    // Once listed, the list's own answer (and totals) stand.
    const listed: MyDonations = { donations: [gift('g-new', '2026-12-31T17:00:00.000Z', { amountFen: 2501, status: 'confirmed' }), older], years: [] }
    expect(withRecentGifts(listed, NOW + 2000)).toBe(listed)
    expect(withRecentGifts(mine, NOW + 3000)).toBe(mine)
  })

  it('forgets a gift after a minute', () => {
    const mine: MyDonations = { donations: [], years: [] }
    rememberGift(gift('g-1', '2026-12-31T17:00:00.000Z'), NOW)
    expect(withRecentGifts(mine, NOW + 59_000).donations).toHaveLength(1)
    expect(withRecentGifts(mine, NOW + 61_000)).toBe(mine)
  })
})
