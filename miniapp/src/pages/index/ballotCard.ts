import { request } from '../../api/client'
import type { BallotSummary } from '../../api/types'
import { ROUTES } from '../../lib/routes'
import { CARD_ITEMS, type HomeCard, type HomeSource } from './card'

/** 等我投票: open ballots I may vote in and have not yet (thin: the ballot pages are their own sub-package). */
export function ballotsCard(list: readonly BallotSummary[]): HomeCard {
  const waiting = list.filter((b) => b.status === 'open' && !b.me.voted && b.me.eligible !== false)
  return {
    key: 'ballots',
    title: `等我投票（${waiting.length}）`,
    items: waiting.slice(0, CARD_ITEMS).map((b) => ({
      id: b.ballotId,
      title: b.title,
      sub: [`已投 ${b.votedCount} / 应投 ${b.eligibleCount} 人`],
      tag: { text: '待投票', tone: 'wait' },
      url: ROUTES.ballot(b.ballotId),
    })),
    more: { text: '全部表决', url: ROUTES.ballots },
  }
}

export const ballotCard: HomeSource = {
  key: 'ballots',
  async load(me) {
    const { ballots } = await request<{ ballots: BallotSummary[] }>('GET', `/orgs/${encodeURIComponent(me.orgId)}/ballots`)
    return [ballotsCard(ballots)]
  },
}
