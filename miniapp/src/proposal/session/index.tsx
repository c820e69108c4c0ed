import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CATEGORY_LABELS, PROPOSAL_CATEGORIES } from '@shared/domain/proposals'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import FormFooter from '../../components/FormFooter'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, ErrorState, LoadingState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import type { ProposalSession, ProposalView, SessionStats } from '../../api/types'
import { fmtDateTime } from '../../lib/events'
import { exportXlsx } from '../../lib/exportXlsx'
import { canManage } from '../../lib/roles'
import { PROPOSAL_ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { papi } from '../api'
import { barWidths, cosignWords, percent } from '../labels'
import { ProposalList } from '../parts'
import '../proposal.css'

interface Loaded {
  session: ProposalSession
  proposals: ProposalView[]
  stats: SessionStats
}

const STATE_TEXT: Record<ProposalSession['state'], string> = { upcoming: '即将开始', open: '征集中', closed: '已截止' }

/** A 提案征集: 公示 of every proposal that left draft, my drafts, the statistics; the committee publishes and exports. */
export default function SessionPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { me, error: meError, reload: reloadMe } = useMe()
  const data = useAsync<Loaded>(
    async () => {
      const [session, list, stats] = await Promise.all([papi.session(id), papi.proposals(id), papi.stats(id)])
      return { session, proposals: list.proposals, stats }
    },
    [id],
    !!id && !!me,
  )
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => me && data.reload())

  if (!me) {
    return <Page testId="page-session">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  const m = me.member
  const committee = canManage(m.roles)
  return (
    <Page testId="page-session">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载提案…">
        {(d) => {
          const drafts = d.proposals.filter((p) => p.status === 'draft' && p.proposer.memberId === m.memberId)
          const publicList = d.proposals.filter((p) => p.status !== 'draft')
          return (
            <>
              <View className="card" data-testid="session-head">
                <Text className="pp-title">{d.session.title}</Text>
                <Text className="pp-line">{`${STATE_TEXT[d.session.state]}`}</Text>
                <Text className="pp-line">{`开始：${fmtDateTime(d.session.opensAt)}`}</Text>
                <Text className="pp-line">{`截止：${fmtDateTime(d.session.closesAt)}`}</Text>
                <Text className="pp-line">{cosignWords(d.session.cosignersNeeded)}</Text>
              </View>
              {m.roles.includes('delegate') && d.session.state === 'open' && (
                <View className="actions">
                  <BigButton onClick={() => void Taro.navigateTo({ url: PROPOSAL_ROUTES.form({ sessionId: id }) })} testId="proposal-new">
                    ＋ 写提案
                  </BigButton>
                </View>
              )}
              {committee && <CommitteeBar session={d.session} onDone={() => void data.reload()} />}
              {drafts.length > 0 && (
                <>
                  <Text className="section-title">我的草稿（仅自己可见）</Text>
                  <ProposalList items={drafts} empty="" testId="session-drafts" />
                </>
              )}
              <Text className="section-title">提案公示（{publicList.length}）</Text>
              <ProposalList items={publicList} empty="还没有提交的提案。提交后会在这里公示，大家都能看到。" testId="session-proposals" />
              <Stats stats={d.stats} />
            </>
          )
        }}
      </AsyncView>
    </Page>
  )
}

/** The committee: 发布 the decisions and answers recorded since the last publication (after a confirmation), and 提案汇总表. */
function CommitteeBar({ session, onDone }: { session: ProposalSession; onDone: () => void }) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const publish = async () => {
    setError(null)
    const ok = await confirm({
      title: '发布办理结果',
      content: '把已录入的立案决定、答复和落实情况向全体教职工公布。发布后不能撤回。',
      confirmText: '确认发布',
    })
    if (!ok) return
    setBusy('正在发布…')
    try {
      const r = await papi.publish(session.sessionId)
      void Taro.showToast({ title: r.published ? `已发布 ${r.published} 件` : '没有待发布的', icon: 'none' })
      onDone()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return (
    <View className="card" data-testid="session-committee">
      <Text className="pp-h">工会委员会</Text>
      <Text className="hint">立案决定和答复录入后，提案人立即可见；点“发布”后全体教职工才能看到。</Text>
      <FormFooter
        primary={{ text: '发布办理结果', onClick: () => void publish(), testId: 'session-publish' }}
        secondary={[
          {
            text: '导出提案汇总表',
            onClick: () => void exportXlsx(papi.proposalsXlsxPath(session.sessionId), `${session.title}-提案汇总表.xlsx`, '汇总表已导出'),
            testId: 'session-export',
          },
        ]}
        error={error}
        busy={busy}
      />
      {dialog}
    </View>
  )
}

/** 统计: received, by category and by outcome as bars (sized Views), 办复率 and 满意率. */
function Stats({ stats }: { stats: SessionStats }) {
  const cats = PROPOSAL_CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], n: stats.byCategory[c] ?? 0 }))
  const outcomes = [
    { label: '立案', n: stats.accepted },
    { label: '转为意见建议', n: stats.converted },
    { label: '不立案', n: stats.rejected },
    { label: '并案', n: stats.merged },
    { label: '已答复', n: stats.answered },
    { label: '已落实', n: stats.done },
  ]
  return (
    <View className="card" data-testid="session-stats">
      <Text className="pp-h">{`统计（共收到 ${stats.received} 件）`}</Text>
      <View className="pp-rates">
        <View className="pp-rate">
          <Text className="pp-rate__value" data-testid="stats-answer-rate">
            {percent(stats.answerRate)}
          </Text>
          <Text className="pp-rate__label">办复率（已答复 ÷ 立案）</Text>
        </View>
        <View className="pp-rate">
          <Text className="pp-rate__value" data-testid="stats-satisfaction-rate">
            {percent(stats.satisfactionRate)}
          </Text>
          <Text className="pp-rate__label">满意率（满意和基本满意 ÷ 已评价）</Text>
        </View>
      </View>
      <Bars title="按类别" rows={cats} testId="stats-cat" />
      <Bars title="按办理结果" rows={outcomes} testId="stats-outcome" ok />
    </View>
  )
}

function Bars({ title, rows, testId, ok }: { title: string; rows: { label: string; n: number }[]; testId: string; ok?: boolean }) {
  const widths = barWidths(rows.map((r) => r.n))
  return (
    <View style={{ marginTop: '32px' }}>
      <Text className="field__label">{title}</Text>
      {rows.map((r, i) => (
        <View key={r.label} className="pp-bar" data-testid={`${testId}-${i}`}>
          <View className="pp-bar__label">
            <Text>{r.label}</Text>
            <Text>{`${r.n} 件`}</Text>
          </View>
          <View className="pp-bar__track">
            <View className={`pp-bar__fill${ok ? ' pp-bar__fill--ok' : ''}`} style={{ width: `${widths[i]}%` }} />
          </View>
        </View>
      ))}
    </View>
  )
}
