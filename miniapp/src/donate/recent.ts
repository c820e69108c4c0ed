import { chinaParts } from '@shared/domain/chinaTime'
import type { DonationView, MyDonations } from '../api/types'

/**
 * Gifts given on this phone a moment ago. 我的捐款 (GET /me/donations) reads an index that shows a
 * new gift only after a short lag (DynamoDB's global secondary indexes are eventually consistent),
 * so the page adds a gift given here until the list has it: giving and then opening 我的捐款
 * always shows the gift. Kept in memory for a minute at most.
 */
const KEEP_MS = 60_000
const recent = new Map<string, { gift: DonationView; at: number }>()

export function rememberGift(gift: DonationView, now = Date.now()): void {
  recent.set(gift.donationId, { gift, at: now })
}

/** The list with my recent gifts it does not show yet (newest first), and each year's totals with them. */
export function withRecentGifts(mine: MyDonations, now = Date.now()): MyDonations {
  const listed = new Set(mine.donations.map((d) => d.donationId))
  const missing: DonationView[] = []
  for (const [id, { gift, at }] of recent) {
    if (listed.has(id) || now - at > KEEP_MS) recent.delete(id)
    else missing.push(gift)
  }
  if (missing.length === 0) return mine
  const years = new Map(mine.years.map((y) => [y.year, { ...y }]))
  for (const g of missing) {
    if (g.status === 'rejected') continue
    const year = chinaParts(g.recordedAt).year
    const y = years.get(year) ?? { year, confirmedFen: 0, recordedFen: 0 }
    y.recordedFen += g.amountFen
    if (g.status === 'confirmed') y.confirmedFen += g.amountFen
    years.set(year, y)
  }
  const donations = [...missing, ...mine.donations].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
  return { donations, years: [...years.values()].sort((a, b) => b.year - a.year) }
}
