import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import StatusTag from '../../components/StatusTag'
import NoOrphan from '../../components/NoOrphan'
import { AsyncView, ErrorState, InlineError, LoadingState } from '../../components/StateViews'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { useMe } from '../../lib/session'
import { canManage } from '../../lib/roles'
import { fmtDateTime } from '../../lib/events'
import type { MeResult as Me } from '../../api/types'
import { NOTICE_FORM, noticeApi } from '../shared'
import '../notice.css'

/** One notice: opening it marks it read; the committee sees 已读 n / m 人, who has not read it, and 修改. */
export default function NoticePage() {
  const { me, error, reload } = useMe()
  return (
    <Page testId="page-notice">
      {me ? <Notice me={me} /> : error ? <ErrorState error={error} onRetry={() => void reload()} /> : <LoadingState />}
    </Page>
  )
}

function Notice({ me }: { me: Me }) {
  const params = useRouter().params
  const id = decodeURIComponent(params.id ?? '')
  // just posted (the form opens it so): the author's own look does not count as a member's reading
  const posted = params.posted === '1'
  const committee = canManage(me.member.roles)
  const data = useAsync(() => noticeApi.get(id), [id])
  const reads = useAsync(() => noticeApi.reads(id), [id], committee)
  const [showUnread, setShowUnread] = useState(false)
  usePullDownRefresh(() => {
    void Promise.all([data.reload(), committee ? reads.reload() : null]).finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => Promise.all([data.reload(), committee ? reads.reload() : null]))

  // reading it marks it read (once; again changes nothing on the server)
  const unread = data.data && !data.data.read && !posted
  useEffect(() => {
    if (!unread) return
    void noticeApi.read(id).then(
      () => (committee ? reads.reload() : undefined),
      () => undefined,
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, unread])

  return (
    <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在打开通知…">
      {(n) => (
        <>
          <View className="card" data-testid="notice-detail">
            {n.pinned && (
              <View className="tags">
                <StatusTag text="置顶" tone="done" />
              </View>
            )}
            <Text className="nt-title" data-testid="notice-title">
              {n.title}
            </Text>
            <Text className="hint nt-meta">
              {n.createdByName} · {fmtDateTime(n.createdAt)}
              {n.updatedAt ? ` · ${fmtDateTime(n.updatedAt)}修改` : ''}
            </Text>
            <Text className="nt-body" data-testid="notice-body">
              {n.body}
            </Text>
          </View>
          {posted && (
            <View className="card" data-testid="notice-posted">
              <Text className="nt-reads">已发布</Text>
              <Text className="hint">
                <NoOrphan text="全校会员打开小程序首页就能看到这条通知。" />
              </Text>
            </View>
          )}
          {committee && (
            <View className="card" data-testid="notice-reads">
              {reads.data ? (
                <>
                  <Text className="nt-reads" data-testid="notice-read-count">
                    已读 {reads.data.readCount} / {reads.data.memberCount} 人
                  </Text>
                  {reads.data.unread.length > 0 && (
                    <>
                      <View role="button" className="chip" onClick={() => setShowUnread((s) => !s)} data-testid="notice-show-unread">
                        {showUnread ? '收起' : `看看谁还没读（${reads.data.unread.length}人）`}
                      </View>
                      {showUnread && <Text className="nt-names">{reads.data.unread.map((u) => u.name).join('、')}</Text>}
                    </>
                  )}
                </>
              ) : reads.error ? (
                <InlineError error={reads.error} onRetry={() => void reads.reload()} />
              ) : (
                <Text className="hint">正在统计已读人数…</Text>
              )}
            </View>
          )}
          {committee && (
            <View className="actions">
              <BigButton type="default" onClick={() => void Taro.navigateTo({ url: NOTICE_FORM(n.noticeId) })} testId="notice-edit">
                修改通知
              </BigButton>
            </View>
          )}
        </>
      )}
    </AsyncView>
  )
}
