import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import StatusTag from '../../components/StatusTag'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { useMe } from '../../lib/session'
import { canManage } from '../../lib/roles'
import { fmtDateTime } from '../../lib/events'
import { ROUTES } from '../../lib/routes'
import type { MeResult as Me } from '../../api/types'
import { NOTICE_FORM, noticeApi } from '../shared'
import '../notice.css'

/** 通知: the school's notices, pinned first, then newest; 未读 marked; the committee posts and sees how many read each. */
export default function NoticesPage() {
  const { me, error, reload } = useMe()
  return (
    <Page testId="page-notices">
      {me ? <Notices me={me} /> : error ? <ErrorState error={error} onRetry={() => void reload()} /> : <LoadingState />}
    </Page>
  )
}

function Notices({ me }: { me: Me }) {
  const committee = canManage(me.member.roles)
  const data = useAsync(() => noticeApi.list(me.member.orgId), [me.member.orgId])
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => data.reload())
  return (
    <>
      {committee && (
        <View className="actions">
          <BigButton onClick={() => void Taro.navigateTo({ url: NOTICE_FORM() })} testId="notice-new" className="big-button--hero">
            发布通知
          </BigButton>
        </View>
      )}
      <AsyncView
        data={data.data}
        error={data.error}
        onRetry={() => void data.reload()}
        loadingText="正在加载通知…"
        isEmpty={(d) => d.notices.length === 0}
        empty={<EmptyState title="还没有通知" hint={committee ? '点上面的“发布通知”告诉全校会员' : '工会发布的通知会显示在这里'} />}
      >
        {(d) => (
          <View className="list nt-list" data-testid="notice-list">
            {d.notices.map((n) => (
              <View key={n.noticeId} role="button" className="row row--tap" data-testid={`notice-${n.noticeId}`} onClick={() => void Taro.navigateTo({ url: ROUTES.notice(n.noticeId) })}>
                <View className="row__main">
                  <Text className="row__title nt-row-title">{n.title}</Text>
                  <Text className="row__sub">
                    {fmtDateTime(n.createdAt)}
                    {committee && n.readCount !== undefined ? ` · 已读 ${n.readCount} 人` : ''}
                  </Text>
                  {(n.pinned || !n.read) && (
                    <View className="tags">
                      {n.pinned && <StatusTag text="置顶" tone="done" />}
                      {!n.read && <StatusTag text="未读" tone="wait" testId={`notice-unread-${n.noticeId}`} />}
                    </View>
                  )}
                </View>
                <Text className="row__chevron">›</Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </>
  )
}
