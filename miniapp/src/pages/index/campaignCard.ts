import { api } from '../../api'
import type { CampaignView } from '../../api/types'
import { KIND_LABELS, progressPercent, sortCampaigns, yuan } from '../../lib/campaigns'
import { fmtDateTime } from '../../lib/events'
import { ROUTES } from '../../lib/routes'
import { CARD_ITEMS, type HomeCard, type HomeSource } from './card'

/** 正在进行的捐款: running campaigns, closing soonest first, each with its confirmed total. */
export function campaignsCard(list: readonly CampaignView[]): HomeCard {
  const running = sortCampaigns(list).filter((c) => c.state === 'open')
  return {
    key: 'campaigns',
    title: `正在进行的捐款（${running.length}）`,
    items: running.slice(0, CARD_ITEMS).map((c) => {
      const pct = progressPercent(c)
      return {
        id: c.campaignId,
        title: c.districtWide ? `【全区】${c.title}` : c.title,
        sub: [KIND_LABELS[c.kind], `已确认 ${yuan(c.confirmedFen)}${pct === undefined ? '' : `（${pct}%）`}`, `${fmtDateTime(c.closesAt)} 截止`],
        url: ROUTES.campaign(c.campaignId),
      }
    }),
    more: { text: '全部捐款', url: ROUTES.donate, tab: true },
  }
}

export const campaignCard: HomeSource = {
  key: 'campaigns',
  async load(me) {
    return [campaignsCard((await api.campaigns(me.orgId)).campaigns)]
  },
}
