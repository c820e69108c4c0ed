import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CATEGORY_LABELS, STATUS_LABELS } from '@shared/domain/proposals'
import StatusTag from '../components/StatusTag'
import type { ProposalView } from '../api/types'
import { PROPOSAL_ROUTES } from '../lib/routes'
import { STATUS_TONES } from './labels'
import './proposal.css'

/** One proposal in a list: number and title, category, proposer, 附议, its status; a tap opens it. */
export function ProposalRow({ p, extra }: { p: ProposalView; extra?: string }) {
  return (
    <View className="row row--tap pp-row" data-testid={`proposal-${p.proposalId}`} onClick={() => void Taro.navigateTo({ url: PROPOSAL_ROUTES.detail(p.proposalId) })}>
      <View className="row__main">
        <Text className="pp-row__no">{p.number ?? '草稿（未编号）'}</Text>
        <Text className="row__title">{p.title}</Text>
        <Text className="row__sub">{[CATEGORY_LABELS[p.category], `${p.proposer.name}提出`, `附议 ${p.cosigners} 人`].join(' · ')}</Text>
        {extra && (
          <Text className="pp-row__extra" data-testid={`proposal-extra-${p.proposalId}`}>
            {extra}
          </Text>
        )}
      </View>
      <StatusTag text={STATUS_LABELS[p.status]} tone={STATUS_TONES[p.status]} testId={`proposal-status-${p.proposalId}`} />
    </View>
  )
}

/** A list of proposals, or a line saying there are none. */
export function ProposalList({ items, empty, testId, extra }: { items: ProposalView[]; empty: string; testId: string; extra?: (p: ProposalView) => string | undefined }) {
  if (!items.length) {
    return (
      <View className="card" data-testid={`${testId}-empty`}>
        <Text className="hint">{empty}</Text>
      </View>
    )
  }
  return (
    <View className="list" data-testid={testId}>
      {items.map((p) => (
        <ProposalRow key={p.proposalId} p={p} extra={extra?.(p)} />
      ))}
    </View>
  )
}
