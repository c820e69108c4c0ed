import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AID_CATEGORY_LABELS, AID_STATUS_LABELS, termLabel } from '@shared/domain/aid'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import NoOrphan from '../../components/NoOrphan'
import StatusTag from '../../components/StatusTag'
import { AsyncView, ErrorState, LoadingState } from '../../components/StateViews'
import { yuan } from '../../lib/campaigns'
import { fmtDateTime } from '../../lib/events'
import { canManage, canSeeSignups, isChair, isTreasurer } from '../../lib/roles'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { aidApi, AID_ROUTES, STATUS_TONE, type AidCase, type FundOverview, type TermSummary } from '../api'
import '../aid.css'

/**
 * 困难补助 (互助储金): what the fund paid this term and before, per category (counts and sums,
 * never who); my applications; the committee's cases to decide; the chair's and the treasurer's
 * balance and ledger.
 */
export default function AidHome() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const orgId = me?.member.orgId ?? ''
  const data = useAsync<{ fund: FundOverview; cases: AidCase[] }>(
    async () => {
      const [fund, list] = await Promise.all([aidApi.fund(orgId), aidApi.cases(orgId)])
      return { fund, cases: list.cases }
    },
    [orgId],
    !!orgId,
  )
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => data.reload())

  if (!me) return <Page testId="page-aid">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  const roles = me.member.roles
  const keeper = isChair(roles) || isTreasurer(roles)
  const mine = (d: { cases: AidCase[] }) => d.cases.filter((c) => c.memberId === me.member.memberId)
  const others = (d: { cases: AidCase[] }) => d.cases.filter((c) => c.memberId !== me.member.memberId)

  return (
    <Page testId="page-aid">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载困难补助…">
        {(d) => (
          <>
            {d.fund.balance && (
              <View className="card" data-testid="aid-balance">
                <Text className="aid-section">互助金余额</Text>
                <Text className="aid-big" data-testid="aid-balance-amount">
                  {yuan(d.fund.balance.balanceFen)}
                </Text>
                <Text className="hint">
                  累计拨入 {yuan(d.fund.balance.inFen)}，累计补助 {yuan(d.fund.balance.outFen)}
                </Text>
                {keeper && (
                  <View className="actions">
                    <BigButton type="default" onClick={() => void Taro.navigateTo({ url: AID_ROUTES.fund })} testId="aid-ledger">
                      查看账目
                    </BigButton>
                  </View>
                )}
              </View>
            )}

            <View className="card">
              <Text className="aid-privacy">困难补助为会员排忧解难。谁申请、谁得到补助，仅工会主席和财务可见；大家看到的只是各类补助的人次和金额。</Text>
              <View className="actions aid-actions">
                <BigButton onClick={() => void Taro.navigateTo({ url: AID_ROUTES.apply() })} testId="aid-apply">
                  申请困难补助
                </BigButton>
                {(canManage(roles) || canSeeSignups(roles)) && (
                  <BigButton type="default" onClick={() => void Taro.navigateTo({ url: AID_ROUTES.apply(true) })} testId="aid-propose">
                    为会员提出申请
                  </BigButton>
                )}
              </View>
            </View>

            {mine(d).length > 0 && <CaseList title="我的申请" cases={mine(d)} testId="aid-mine" />}
            {others(d).length > 0 && <CaseList title={keeper ? '全部申请' : '需要我处理或我提出的申请'} cases={others(d)} testId="aid-cases" />}

            <Terms current={d.fund.currentTerm} terms={d.fund.terms} />
          </>
        )}
      </AsyncView>
    </Page>
  )
}

function CaseList({ title, cases, testId }: { title: string; cases: AidCase[]; testId: string }) {
  return (
    <View className="card" data-testid={testId}>
      <Text className="aid-section">{title}</Text>
      {cases.map((c) => (
        <View key={c.caseId} className="aid-case row--tap" data-testid={`aid-case-${c.caseId}`} onClick={() => void Taro.navigateTo({ url: AID_ROUTES.case(c.caseId) })}>
          <View className="aid-case__head">
            <View className="aid-case__text">
              <Text className="aid-row__name">
                <NoOrphan text={`${c.name} · ${AID_CATEGORY_LABELS[c.category]}`} />
              </Text>
              <Text className="hint">
                {fmtDateTime(c.createdAt)} · 申请 {yuan(c.requestedFen)}
                {c.approvedFen !== undefined ? ` · 批准 ${yuan(c.approvedFen)}` : ''}
              </Text>
            </View>
            <StatusTag text={AID_STATUS_LABELS[c.status]} tone={STATUS_TONE[c.status]} testId={`aid-status-${c.caseId}`} />
          </View>
        </View>
      ))}
    </View>
  )
}

/** Counts and sums per category: this term first (even when nothing was paid), then earlier terms. */
function Terms({ current, terms }: { current: string; terms: TermSummary[] }) {
  const list = terms.some((t) => t.term === current) ? terms : [{ term: current, label: termLabel(current), categories: [], count: 0, totalFen: 0 } as TermSummary, ...terms]
  return (
    <View className="card" data-testid="aid-terms">
      <Text className="aid-section">补助发放情况</Text>
      {list.map((t) => (
        <View key={t.term} data-testid={`aid-term-${t.term}`}>
          <View className="aid-row">
            <Text className="aid-row__name">{t.term === current ? `${t.label}（本学期）` : t.label}</Text>
            <Text className="aid-row__money" data-testid={`aid-term-total-${t.term}`}>
              {t.count} 人次 {yuan(t.totalFen)}
            </Text>
          </View>
          {t.categories
            .filter((c) => c.count > 0)
            .map((c) => (
              <View key={c.category} className="aid-row">
                <Text className="aid-row__name hint">{c.label}</Text>
                <Text className="hint">
                  {c.count} 人次 {yuan(c.totalFen)}
                </Text>
              </View>
            ))}
        </View>
      ))}
    </View>
  )
}
