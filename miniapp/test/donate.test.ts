import { describe, expect, it } from 'vitest'
import { DonationId } from '@shared/schemas/donations'
import { newDonationId } from '../src/donate/give'
import { progressPercent, sortCampaigns, yuan } from '../src/lib/campaigns'
import { campaignsCard } from '../src/pages/index/campaignCard'
import type { CampaignView } from '../src/api/types'

const campaign = (id: string, over: Partial<CampaignView> = {}): CampaignView => ({
  campaignId: id,
  orgId: 'o-1',
  title: `捐款${id}`,
  kind: 'day-pay',
  closesAt: '2026-05-01T00:00:00.000Z',
  state: 'open',
  createdAt: '2026-04-01T00:00:00.000Z',
  confirmedFen: 0,
  recordedFen: 0,
  donorCount: 0,
  giftCount: 0,
  confirmedCount: 0,
  ...over,
})

describe('捐款 in the mini-program', () => {
  it('makes donation ids the server takes, a new one each time', () => {
    const ids = new Set(Array.from({ length: 200 }, newDonationId))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(DonationId.safeParse(id).success).toBe(true)
  })

  it('shows money from fen, exactly, and the progress in whole percent capped at 100', () => {
    expect(yuan(5000)).toBe('¥50.00')
    expect(yuan(5)).toBe('¥0.05')
    expect(progressPercent({ confirmedFen: 5000, goalFen: 30000 })).toBe(16)
    expect(progressPercent({ confirmedFen: 50000, goalFen: 30000 })).toBe(100)
    expect(progressPercent({ confirmedFen: 5000 })).toBeUndefined()
  })

  it('首页 lists running campaigns only, closing soonest first, linking into the donate sub-package', () => {
    const card = campaignsCard([
      campaign('a', { closesAt: '2026-06-01T00:00:00.000Z', confirmedFen: 5000, goalFen: 10000 }),
      campaign('b', { state: 'closed' }),
      campaign('c', { closesAt: '2026-04-20T00:00:00.000Z' }),
    ])
    expect(card.items.map((i) => i.id)).toEqual(['c', 'a'])
    expect(card.items[1]!.sub).toContain('已确认 ¥50.00（50%）')
    expect(card.items[0]!.url).toBe('/donate/campaign/index?id=c')
    expect(card.more).toEqual({ text: '全部捐款', url: '/pages/donate/index', tab: true })
    expect(sortCampaigns([campaign('x', { state: 'closed' }), campaign('y')]).map((c) => c.campaignId)).toEqual(['y', 'x'])
  })
})
