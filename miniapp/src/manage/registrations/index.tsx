import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import Page from '../../components/Page'
import NoOrphan from '../../components/NoOrphan'
import BigButton from '../../components/BigButton'
import Segmented from '../../components/Segmented'
import StatusTag from '../../components/StatusTag'
import LoadingOverlay from '../../components/LoadingOverlay'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { api } from '../../api/more'
import type { EventList, EventView, RegistrationEntry, RegistrationList } from '../../api/types'
import { exportEventRoster } from '../../lib/exportXlsx'
import { fmtDateTime, fmtTime, splitEvents } from '../../lib/events'
import { choicesText } from '../../lib/eventsMore'
import { ROUTES } from '../../lib/routes'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import Gate from '../shared/Gate'
import { useEventAccess } from '../shared/access'
import '../shared/manage.css'
import SearchBox from '../../components/SearchBox'

type Tab = 'confirmed' | 'waitlist' | 'missing'

interface Data {
  event: EventView
  list: RegistrationList
  /** The group asked for ('' = all). */
  group: string
}

/**
 * 报名名单 (?id=): committee sees everyone (or one group with ?group=), a group leader their own
 * group with the names of those not signed up yet. Without an id: pick an event first.
 */
export default function Registrations() {
  const params = useRouter().params
  const eventId = decodeURIComponent(params.id ?? '')
  const access = useEventAccess()
  const allowed = access.seesSignups

  if (!access.me || !allowed) {
    return (
      <Page testId="page-registrations">
        <Gate loading={access.loading} error={access.error} allowed={allowed} onRetry={() => void access.reload()} who="工会委员和小组长" />
      </Page>
    )
  }
  if (!eventId) return <PickEvent orgId={access.orgId} />
  return <Report eventId={eventId} committee={access.committee} />
}

function Report({ eventId, committee }: { eventId: string; committee: boolean }) {
  const [group, setGroup] = useState('')
  const data = useAsync<Data>(
    async () => {
      const [event, list] = await Promise.all([api.event(eventId), api.registrations(eventId, group || undefined)])
      return { event, list, group }
    },
    [eventId, group],
  )
  const [tab, setTab] = useState<Tab>('confirmed')
  const [query, setQuery] = useState('')
  const [groups, setGroups] = useState<{ groupId: string; groupName: string }[] | null>(null)
  useEffect(() => {
    if (data.data && !group && !groups) setGroups(data.data.list.byGroup.map((g) => ({ groupId: g.groupId, groupName: g.groupName })))
  }, [data.data, group, groups])
  const pickGroup = (g: string) => {
    setGroup(g)
    setQuery('')
    if (!g) setTab('confirmed')
  }
  const [exporting, setExporting] = useState(false)

  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => data.reload())
  useEffect(() => {
    if (!committee) void Taro.setNavigationBarTitle({ title: '本组报名' }).catch(() => undefined)
  }, [committee])
  useEffect(() => {
    if (tab === 'missing' && data.data && data.data.group === group && !data.data.list.notRegistered) setTab('confirmed')
  }, [data.data, tab, group])

  const q = query.trim()
  const filtered = useMemo(() => {
    const d = data.data
    if (!d) return { confirmed: [], waitlist: [], missing: [] as { memberId: string; name: string }[] }
    const hit = (name: string) => !q || name.includes(q)
    return {
      confirmed: d.list.confirmed.filter((r) => hit(r.name)),
      waitlist: d.list.waitlist.filter((r) => hit(r.name)),
      missing: (d.list.notRegistered ?? []).filter((r) => hit(r.name)),
    }
  }, [data.data, q])

  const exportRoster = async (e: EventView) => {
    setExporting(true)
    await exportEventRoster(e)
    setExporting(false)
  }

  return (
    <Page testId="page-registrations">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载名单…">
        {({ event, list }) => {
          const seats = list.confirmed.reduce((a, r) => a + r.seats, 0)
          const groupName = group ? list.byGroup.find((g) => g.groupId === group)?.groupName : !committee ? list.byGroup[0]?.groupName : undefined
          return (
            <>
              <View role="button" className="card mg__event" onClick={() => void Taro.navigateTo({ url: ROUTES.event(event.eventId) })}>
                <Text className="mg__event-title">
                  <NoOrphan text={event.title} />
                </Text>
                <Text className="mg__event-sub">
                  {fmtDateTime(event.startsAt)} · {event.place}
                </Text>
                {groupName && <Text className="mg__scope">{committee ? `只看：${groupName}` : `本组：${groupName}`}</Text>}
              </View>

              <View className="mg__stats" data-testid="regs-stats">
                <Stat num={list.confirmed.length} label="已报名（人）" testId="regs-count" />
                <Stat num={seats} label="占名额（含家属）" />
                <Stat num={list.waitlist.length} label="候补（人）" />
                <Stat num={`${list.participationRate}%`} label={group || !committee ? '本组参与率' : '全校参与率'} testId="regs-rate" />
              </View>

              {committee && (
                <View className="chips mg__chips">
                  <View role="button" className={`chip${group === '' ? ' chip--on' : ''}`} onClick={() => pickGroup('')} data-testid="regs-group-all">
                    全部小组
                  </View>
                  {(groups ?? list.byGroup).map((g) => (
                    <View
                      key={g.groupId}
                      className={`chip${group === g.groupId ? ' chip--on' : ''}`}
                      onClick={() => pickGroup(group === g.groupId ? '' : g.groupId)}
                      data-testid={`regs-filter-${g.groupId}`}
                    >
                      {g.groupName}
                    </View>
                  ))}
                </View>
              )}
              {committee && !group && <Text className="hint mg__below">选一个小组，还能看到这个组谁没报名。</Text>}

              <Segmented<Tab>
                testId="regs-tab"
                value={tab}
                onChange={setTab}
                items={[
                  { key: 'confirmed', label: '已报名', count: list.confirmed.length },
                  { key: 'waitlist', label: '候补', count: list.waitlist.length },
                  ...(list.notRegistered ? [{ key: 'missing' as const, label: '未报名', count: list.notRegistered.length }] : []),
                ]}
              />
              <SearchBox value={query} onChange={setQuery} placeholder="输入姓名查找" testId="regs-search" />

              {tab === 'confirmed' && <Entries rows={filtered.confirmed} event={event} empty={q ? `没有叫“${q}”的人` : '还没有人报名'} />}
              {tab === 'waitlist' && <Entries rows={filtered.waitlist} event={event} empty={q ? `候补里没有叫“${q}”的人` : '没有人在候补'} />}
              {tab === 'missing' &&
                (filtered.missing.length ? (
                  <>
                    <Text className="hint mg__below">这些同事还没报名，可以提醒一下：</Text>
                    <View className="list mg__missing" data-testid="regs-missing">
                      {filtered.missing.map((m) => (
                        <View key={m.memberId} className="row" data-testid={`missing-${m.memberId}`}>
                          <Text className="row__title">{m.name}</Text>
                        </View>
                      ))}
                    </View>
                  </>
                ) : (
                  <EmptyState title={q ? `没有叫“${q}”的人` : '全组都报名了'} />
                ))}

              {committee && !group && list.byGroup.length > 0 && (
                <>
                  <Text className="section-title">各小组人数</Text>
                  <View className="list">
                    {list.byGroup.map((g) => (
                      <View role="button" key={g.groupId} className="row row--tap" data-testid={`regs-group-${g.groupId}`} onClick={() => pickGroup(g.groupId)}>
                        <View className="row__main">
                          <Text className="row__title">{g.groupName}</Text>
                          <Text className="row__sub">
                            报名 {g.registered}/{g.members} 人 · 名额 {g.seats} · 签到 {g.checkedIn}
                          </Text>
                        </View>
                        <Text className="mg__group-rate">{g.members ? Math.round((g.registered * 1000) / g.members) / 10 : 0}%</Text>
                        <Text className="row__chevron">›</Text>
                      </View>
                    ))}
                  </View>
                </>
              )}

              {committee && (
                <View className="actions-row">
                  <BigButton type="default" onClick={() => void Taro.navigateTo({ url: ROUTES.checkin(event.eventId) })} testId="regs-checkin">
                    去签到
                  </BigButton>
                  <BigButton type="default" onClick={() => void exportRoster(event)} testId="regs-export">
                    导出名单
                  </BigButton>
                </View>
              )}
            </>
          )
        }}
      </AsyncView>
      <LoadingOverlay visible={exporting} text="正在导出…" />
    </Page>
  )
}

function Stat({ num, label, testId }: { num: number | string; label: string; testId?: string }) {
  return (
    <View className="mg__stat">
      <Text className="mg__stat-num" data-testid={testId}>
        {num}
      </Text>
      <Text className="mg__stat-label">{label}</Text>
    </View>
  )
}

function Entries({ rows, event, empty }: { rows: RegistrationEntry[]; event: EventView; empty: string }) {
  if (!rows.length) return <EmptyState title={empty} />
  return (
    <View className="list mg__entries">
      {rows.map((r) => {
        const chosen = choicesText(event.options, r.choices)
        return (
          <View key={r.memberId} className="row" data-testid={`reg-${r.memberId}`}>
            {r.position !== undefined && <Text className="mg__pos">{r.position}</Text>}
            <View className="row__main">
              <View className="mg__name-line">
                <Text className="row__title">{r.name}</Text>
                {r.checkedInAt && <StatusTag text={`已签到 ${fmtTime(r.checkedInAt)}`} tone="done" className="mg__tag" />}
              </View>
              <Text className="row__sub">
                {r.groupName ?? ''}
                {r.family ? ` · 带家属 ${r.family} 位` : ''}
              </Text>
              {chosen && <Text className="row__sub mg__chosen">{chosen}</Text>}
              <Text className="row__sub">报名于 {fmtDateTime(r.registeredAt)}</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}

/** Without an event id (小组长 from 我的): the events to choose from, upcoming first. */
function PickEvent({ orgId }: { orgId: string }) {
  const list = useAsync<EventList>(() => api.events(orgId), [orgId], !!orgId)
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  return (
    <Page testId="page-registrations">
      <AsyncView
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        isEmpty={(d) => d.events.length === 0}
        empty={<EmptyState title="还没有活动" hint="工会发布活动后，可以在这里看本组的报名。" />}
      >
        {(d) => {
          const { upcoming, past } = splitEvents(d.events)
          return (
            <>
              <Text className="section-title">选一个活动，看本组报名</Text>
              <View className="list">
                {[...upcoming, ...past.slice(0, 10)].map((e) => (
                  <View
                    key={e.eventId}
                    className="row row--tap"
                    data-testid={`pick-${e.eventId}`}
                    onClick={() => void Taro.navigateTo({ url: ROUTES.registrations(e.eventId) })}
                  >
                    <View className="row__main">
                      <Text className="row__title">{e.title}</Text>
                      <Text className="row__sub">{fmtDateTime(e.startsAt)}</Text>
                    </View>
                    <Text className="row__chevron">›</Text>
                  </View>
                ))}
              </View>
            </>
          )
        }}
      </AsyncView>
    </Page>
  )
}
