import { api } from '../../api'
import type { ProposalView } from '../../api/types'
import { PROPOSAL_ROUTES, ROUTES } from '../../lib/routes'
import { CARD_ITEMS, type HomeCard, type HomeSource } from './card'

/** 待我附议: a delegate's colleagues' proposals still collecting 附议 (GET /me/proposals → toCosign). */
export function cosignCard(list: readonly ProposalView[]): HomeCard {
  return {
    key: 'cosign',
    title: `待我附议的提案（${list.length}）`,
    items: list.slice(0, CARD_ITEMS).map((p) => ({
      id: p.proposalId,
      title: p.title,
      sub: [p.number ?? '', `${p.proposer.name}提出`, `已有 ${p.cosigners} 人附议`].filter(Boolean),
      url: PROPOSAL_ROUTES.detail(p.proposalId),
    })),
    more: { text: '全部提案', url: ROUTES.proposals, tab: true },
  }
}

export const proposalCard: HomeSource = {
  key: 'cosign',
  applies: (me) => me.roles.includes('delegate'),
  async load() {
    return [cosignCard((await api.myProposals()).toCosign)]
  },
}
