import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import StatusTag from '../../components/StatusTag'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { api } from '../../api'
import type { ProposalSession } from '../../api/types'
import { fmtDateTime, type Tone } from '../../lib/events'
import { canManage } from '../../lib/roles'
import { PROPOSAL_ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'

const STATE: Record<ProposalSession['state'], { text: string; tone: Tone }> = {
  upcoming: { text: '即将开始', tone: 'wait' },
  open: { text: '征集中', tone: 'ok' },
  closed: { text: '已截止', tone: 'muted' },
}

const go = (url: string) => void Taro.navigateTo({ url })

/** 提案 tab (thin: everything else is the `proposal` sub-package): the school's 提案征集, 我的提案, 金点子. */
export default function Proposals() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const orgId = me?.member.orgId ?? ''
  const list = useAsync(async () => (await api.proposalSessions(orgId)).sessions, [orgId], !!orgId)
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => orgId && list.reload())

  if (!me) {
    return <Page testId="page-proposals">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  const committee = canManage(me.member.roles)
  return (
    <Page testId="page-proposals">
      <View className="list" style={{ marginTop: '24px' }}>
        <Entry title="我的提案" sub="我提的、交给我办理的、待我附议的" testId="proposals-mine" url={PROPOSAL_ROUTES.mine} />
        <Entry title="金点子" sub="我为学校发展献一计，人人可提" testId="proposals-ideas" url={PROPOSAL_ROUTES.ideas} />
        {committee && <Entry title="超期督办" sub="过了办理期限还没答复的提案" testId="proposals-overdue" url={PROPOSAL_ROUTES.overdue} />}
        {committee && <Entry title="发起提案征集" sub="定好名称和起止时间，代表就能写提案" testId="proposals-new-session" url={PROPOSAL_ROUTES.sessionForm} />}
      </View>
      <Text className="section-title">教代会提案征集</Text>
      <AsyncView
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在加载提案征集…"
        isEmpty={(d) => d.length === 0}
        empty={
          committee ? (
            <EmptyState
              title="还没有提案征集"
              hint="发起后，全校会员都能看到，教代会代表就可以写提案了。"
              action={
                <BigButton onClick={() => go(PROPOSAL_ROUTES.sessionForm)} testId="sessions-empty-new">
                  发起提案征集
                </BigButton>
              }
            />
          ) : (
            <EmptyState title="暂无提案征集" hint="工会发起教代会提案征集后，会显示在这里。" />
          )
        }
      >
        {(ss) => (
          <View className="list" data-testid="session-list">
            {ss.map((s) => (
              <View key={s.sessionId} className="row row--tap" data-testid={`session-${s.sessionId}`} onClick={() => go(PROPOSAL_ROUTES.session(s.sessionId))}>
                <View className="row__main">
                  <Text className="row__title">{s.title}</Text>
                  <Text className="row__sub">{`${fmtDateTime(s.closesAt)} 截止`}</Text>
                </View>
                <StatusTag text={STATE[s.state].text} tone={STATE[s.state].tone} testId={`session-state-${s.sessionId}`} />
                <Text className="row__chevron">›</Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </Page>
  )
}

function Entry({ title, sub, testId, url }: { title: string; sub: string; testId: string; url: string }) {
  return (
    <View className="row row--tap" data-testid={testId} onClick={() => go(url)}>
      <View className="row__main">
        <Text className="row__title">{title}</Text>
        <Text className="row__sub">{sub}</Text>
      </View>
      <Text className="row__chevron">›</Text>
    </View>
  )
}
