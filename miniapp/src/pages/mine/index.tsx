import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import NoOrphan from '../../components/NoOrphan'
import Page from '../../components/Page'
import RoleTags from '../../components/RoleTags'
import BigSwitch from '../../components/BigSwitch'
import BigButton from '../../components/BigButton'
import { useConfirm } from '../../components/Confirm'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { logout, useMe } from '../../lib/session'
import { setLargeText, useLargeText } from '../../lib/prefs'
import { canManage, canSeeSignups, isDistrictAdmin } from '../../lib/roles'
import { PROPOSAL_ROUTES, ROUTES } from '../../lib/routes'
import { refreshUnread, useUnread } from '../../lib/messages'
import './index.css'

export default function Mine() {
  const { me, error, reload } = useMe()
  const large = useLargeText()
  const [dialog, confirm] = useConfirm()
  const unread = useUnread()
  usePullDownRefresh(() => {
    void Promise.all([reload(), refreshUnread()]).finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    void refreshUnread()
  })

  if (!me) {
    return <Page testId="page-mine">{error ? <ErrorState error={error} onRetry={reload} /> : <LoadingState />}</Page>
  }
  const m = me.member

  const onLogout = async () => {
    const ok = await confirm({ title: '退出登录', content: '退出后需要重新登录才能使用。确定退出吗？', confirmText: '退出', danger: true })
    if (ok) logout()
  }

  return (
    <Page testId="page-mine">
      <View className="card mine__profile">
        <Text className="mine__name" data-testid="mine-name">
          {m.name}
        </Text>
        <Text className="mine__line" data-testid="mine-org">
          {m.orgName}
        </Text>
        {m.groupName && (
          <Text className="mine__line" data-testid="mine-group">
            {m.groupName}
          </Text>
        )}
        {m.staffNo && <Text className="mine__line mine__line--muted">工号 {m.staffNo}</Text>}
        <RoleTags roles={m.roles} delegateTerm={m.delegateTerm} retired={m.retired} />
      </View>

      <View className="list mine__list">
        <EntryRow title="我的报名" sub="报了哪些活动、候补第几位" testId="mine-registrations" url={ROUTES.myRegistrations} />
        <EntryRow
          title="消息"
          sub={unread ? `有 ${unread} 条新消息` : '候补成功、活动变更的通知'}
          testId="mine-messages"
          url={ROUTES.messages}
          badge={unread}
        />
        <EntryRow title="通知" sub="工会发布的通知" testId="mine-notices" url={ROUTES.notices} />
        <EntryRow title="我的签到码" sub="活动当天给工会委员扫一扫" testId="mine-checkin-code" url={ROUTES.checkinCode} />
        <EntryRow title="投票表决" sub="教代会表决、民主测评、选举" testId="mine-ballots" url={ROUTES.ballots} />
        <EntryRow title="困难补助" sub="申请补助，仅主席和财务可见" testId="mine-aid" url={ROUTES.aid} />
        <EntryRow title="我的提案" sub="我提的、交给我办理的、待我附议的" testId="mine-proposals" url={PROPOSAL_ROUTES.mine} />
        {canSeeSignups(m.roles) &&
          (canManage(m.roles) ? (
            <EntryRow title="报名名单" sub="各活动谁报了名、各小组人数" testId="mine-group-signups" url={ROUTES.registrations()} />
          ) : (
            <EntryRow title="本组报名" sub="看本组谁报了名、谁还没报" testId="mine-group-signups" url={ROUTES.registrations()} />
          ))}
      </View>

      <View className="card">
        <View className="field-row">
          <View className="mine__setting">
            <Text className="field__label">大字模式</Text>
            <Text className="hint">
              <NoOrphan text="字号放大，看得更清楚" />
            </Text>
          </View>
          <BigSwitch checked={large} onChange={setLargeText} testId="large-text-switch" label="大字模式" />
        </View>
      </View>

      {isDistrictAdmin(m.roles) && (
        <View className="list mine__list">
          <EntryRow title="全区学校" sub="区教育工会：本区各学校" testId="mine-district" url={ROUTES.district} />
          <EntryRow title="全区捐款" sub="各校捐款金额和人数" testId="mine-district-donations" url={ROUTES.districtDonations} />
          <EntryRow title="各校学期汇总" sub="各校本学期工作数字，可导出Excel" testId="mine-district-report" url={ROUTES.districtReport} />
        </View>
      )}

      {canManage(m.roles) && (
        <View className="list mine__list">
          <View role="button" className="row row--tap" data-testid="admin-entry" onClick={() => void Taro.navigateTo({ url: ROUTES.admin })}>
            <View className="row__main">
              <Text className="row__title">管理</Text>
              <Text className="row__sub">花名册、学期总结、送温暖、通知</Text>
            </View>
            <Text className="row__chevron">›</Text>
          </View>
        </View>
      )}

      <View className="actions">
        <BigButton type="danger" onClick={() => void onLogout()} testId="logout">
          退出登录
        </BigButton>
      </View>
      {dialog}
    </Page>
  )
}

function EntryRow({ title, sub, testId, url, badge }: { title: string; sub: string; testId: string; url: string; badge?: number }) {
  return (
    <View role="button" className="row row--tap" data-testid={testId} onClick={() => void Taro.navigateTo({ url })}>
      <View className="row__main">
        <Text className="row__title">{title}</Text>
        <Text className={`row__sub${badge ? ' mine__sub--new' : ''}`}>{sub}</Text>
      </View>
      {!!badge && (
        <Text className="badge" data-testid={`${testId}-badge`}>
          {badge > 99 ? '99+' : badge}
        </Text>
      )}
      <Text className="row__chevron">›</Text>
    </View>
  )
}
