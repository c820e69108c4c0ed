import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import EventCard from '../../components/EventCard'
import Segmented from '../../components/Segmented'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { api } from '../../api'
import type { EventList } from '../../api/types'
import { splitEvents } from '../../lib/events'
import { canManage } from '../../lib/roles'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import './index.css'

type Tab = 'upcoming' | 'past'

/** 活动 tab: upcoming and past events of my school; the committee can publish a new one. */
export default function Events() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const orgId = me?.member.orgId ?? ''
  const list = useAsync<EventList>(() => api.events(orgId), [orgId], !!orgId)
  const [tab, setTab] = useState<Tab>('upcoming')

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => orgId && list.reload())

  const parts = useMemo(() => splitEvents(list.data?.events ?? []), [list.data])

  if (!me) {
    return <Page testId="page-events">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  const committee = canManage(me.member.roles)
  const shown = tab === 'upcoming' ? parts.upcoming : parts.past

  return (
    <Page testId="page-events">
      {committee && (
        <View className="actions">
          <BigButton onClick={() => void Taro.navigateTo({ url: ROUTES.eventForm() })} testId="event-create">
            ＋ 发布活动
          </BigButton>
        </View>
      )}
      <Segmented<Tab>
        testId="events-seg"
        value={tab}
        onChange={setTab}
        items={[
          { key: 'upcoming', label: '即将开始', count: list.data ? parts.upcoming.length : undefined },
          { key: 'past', label: '已结束', count: list.data ? parts.past.length : undefined },
        ]}
      />
      <AsyncView
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在加载活动…"
        isEmpty={() => shown.length === 0}
        empty={
          tab === 'upcoming' ? (
            <EmptyState
              title="最近没有活动"
              hint={committee ? '点上方“发布活动”，大家就能报名了。' : '工会发布活动后，会显示在这里。'}
            />
          ) : (
            <EmptyState title="还没有已结束的活动" />
          )
        }
      >
        {() => (
          <View className="events__list" data-testid={`events-list-${tab}`}>
            {shown.map((e) => (
              <EventCard key={e.eventId} e={e} />
            ))}
            <Text className="events__tip">下拉可以刷新</Text>
          </View>
        )}
      </AsyncView>
    </Page>
  )
}
