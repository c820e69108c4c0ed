import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import EventCard from '../../components/EventCard'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { api } from '../../api/more'
import { splitEvents, type Tone } from '../../lib/events'
import { joinMyEvents, myRowStatus, type MyEventRow } from '../../lib/myEvents'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'

type Row = MyEventRow

/** My registrations joined with their events; a waitlisted one asks its event for the position. */
async function loadMine(orgId: string): Promise<Row[]> {
  const [{ registrations }, { events }] = await Promise.all([api.myRegistrations(), api.events(orgId)])
  return joinMyEvents(registrations, events)
}

/** A line about my place in the event (not the event's free seats, which are not my concern any more). */
function note(r: Row): { text: string; tone: Tone } {
  if (r.state === 'cancelled') return { text: '活动已取消', tone: 'bad' }
  if (r.reg.checkedIn) return { text: '已签到', tone: 'muted' }
  if (r.state === 'past') return { text: '已结束', tone: 'muted' }
  if (r.reg.status === 'waitlisted') return { text: '有人取消时按顺序递补', tone: 'wait' }
  return { text: '已报上，当天请签到', tone: 'ok' }
}

export default function MyRegistrations() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const orgId = me?.member.orgId ?? ''
  const data = useAsync<Row[]>(() => loadMine(orgId), [orgId], !!orgId)
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => orgId && data.reload())

  if (!me) {
    return <Page testId="page-my-registrations">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  return (
    <Page testId="page-my-registrations">
      <AsyncView
        data={data.data}
        error={data.error}
        onRetry={() => void data.reload()}
        loadingText="正在加载我的报名…"
        isEmpty={(d) => d.length === 0}
        empty={
          <EmptyState
            title="您还没有报名任何活动"
            hint="到“活动”里看看最近有什么活动。"
            action={
              <BigButton onClick={() => void Taro.switchTab({ url: ROUTES.events })} testId="myreg-go-events">
                去看活动
              </BigButton>
            }
          />
        }
      >
        {(rows) => {
          const { upcoming, past } = splitEvents(rows)
          const card = (r: Row) => (
            <View key={r.eventId} data-testid={`myreg-${r.eventId}`}>
              <EventCard
                e={{ ...r, me: myRowStatus(r) }}
                extra={r.reg.family ? `带家属 ${r.reg.family} 位` : undefined}
                foot={note(r)}
              />
            </View>
          )
          return (
            <>
              {upcoming.length > 0 && <Text className="section-title">即将开始（{upcoming.length}）</Text>}
              {upcoming.map(card)}
              {past.length > 0 && <Text className="section-title">已结束（{past.length}）</Text>}
              {past.map(card)}
            </>
          )
        }}
      </AsyncView>
    </Page>
  )
}
