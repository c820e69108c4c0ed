import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ELECTORATE_LABELS } from '@shared/domain/ballots'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import StatusTag from '../../components/StatusTag'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import type { BallotSummary } from '../../api/types'
import { isChair } from '../../lib/roles'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { ballotApi } from '../shared/api'
import { STATUS_TEXT, turnoutText } from '../shared/ballot'
import '../shared/ballot.css'

const ORDER = { open: 0, draft: 1, closed: 2 } as const

/** 投票表决: open ballots first (待投票 marked), then drafts (chair, committee), then closed ones. */
export default function BallotList() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const orgId = me?.member.orgId
  const chair = isChair(me?.member.roles)
  const list = useAsync(
    async () => [...(await ballotApi.list(orgId!)).ballots].sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.createdAt.localeCompare(a.createdAt)),
    [orgId],
    !!orgId,
  )
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => list.reload())

  if (!me) return <Page testId="page-ballots">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  const create = chair ? (
    <View className="actions">
      <BigButton onClick={() => void Taro.navigateTo({ url: ROUTES.ballotCreate })} testId="ballot-create">
        发起表决
      </BigButton>
    </View>
  ) : null
  return (
    <Page testId="page-ballots">
      <AsyncView
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在加载表决…"
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="现在没有表决" hint="工会发起表决、民主测评或选举后，会在这里投票。" action={create} />}
      >
        {(ballots) => (
          <>
            {create}
            {ballots.map((b) => (
              <Row key={b.ballotId} b={b} />
            ))}
          </>
        )}
      </AsyncView>
    </Page>
  )
}

function Row({ b }: { b: BallotSummary }) {
  const s = STATUS_TEXT[b.status]
  const waiting = b.status === 'open' && !b.me.voted && b.me.eligible !== false
  return (
    <View className="card" data-testid={`ballot-row-${b.ballotId}`} onClick={() => void Taro.navigateTo({ url: b.status === 'closed' ? ROUTES.ballotResults(b.ballotId) : ROUTES.ballot(b.ballotId) })}
    >
      <View className="bl-head">
        <Text className="bl-section">{b.title}</Text>
        <StatusTag text={s.text} tone={s.tone} />
      </View>
      <Text className="bl-meta">{ELECTORATE_LABELS[b.electorate]}</Text>
      {b.status !== 'draft' && <Text className="bl-meta">{turnoutText(b.votedCount, b.eligibleCount)}</Text>}
      <View className="bl-row-foot">
        {waiting && <StatusTag text="待投票" tone="wait" testId={`ballot-waiting-${b.ballotId}`} />}
        {b.status !== 'draft' && b.me.voted && <StatusTag text="我已投票" tone="ok" />}
        <Text className="bl-go">{waiting ? '去投票' : b.status === 'closed' ? '看结果' : '查看'} ›</Text>
      </View>
    </View>
  )
}
