import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import Page from '../../components/Page'
import NoOrphan from '../../components/NoOrphan'
import BigButton from '../../components/BigButton'
import StatusTag from '../../components/StatusTag'
import { useConfirm } from '../../components/Confirm'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { api } from '../../api/more'
import { ApiError, errorMessage } from '../../api/client'
import type { RegistrationEntry } from '../../api/types'
import {
  checkinKey,
  dismissFailed,
  forgetCheckin,
  isPending,
  queueCheckin,
  readCachedRoster,
  saveCachedRoster,
  syncCheckins,
  useCheckinState,
  type CachedRoster,
  type CheckinState,
  type SyncOutcome,
} from '../../lib/checkinQueue'
import { fmtDateTime, fmtTime } from '../../lib/events'
import { beforeEventDay, parseMemberCode } from '../../lib/eventsMore'
import { isOnline, watchNetwork } from '../../lib/network'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import Gate from '../shared/Gate'
import { useEventAccess } from '../shared/access'
import '../shared/manage.css'
import SearchBox from '../../components/SearchBox'

type Loaded = CachedRoster & { fromCache: boolean }
type RowState = { kind: 'done'; at: string } | { kind: 'pending'; at: string } | { kind: 'none' }

function rowState(eventId: string, r: RegistrationEntry, s: CheckinState): RowState {
  const synced = s.synced[checkinKey(eventId, r.memberId)]
  if (r.checkedInAt || synced) return { kind: 'done', at: (r.checkedInAt ?? synced)! }
  const p = s.pending.find((x) => x.eventId === eventId && x.memberId === r.memberId)
  if (p) return { kind: 'pending', at: p.at }
  return { kind: 'none' }
}

/** 签到 (?id=): committee only. Works without signal: check-ins wait on the phone as 待同步. */
export default function Checkin() {
  const eventId = decodeURIComponent(useRouter().params.id ?? '')
  const access = useEventAccess()
  if (!access.me || !access.committee) {
    return (
      <Page testId="page-checkin">
        <Gate loading={access.loading} error={access.error} allowed={access.committee} onRetry={() => void access.reload()} who="工会委员和工会主席" />
      </Page>
    )
  }
  if (!eventId) {
    return (
      <Page testId="page-checkin">
        <EmptyState title="没有指定活动" hint="请从活动详情里进入签到。" />
      </Page>
    )
  }
  return <CheckinBody eventId={eventId} />
}

function CheckinBody({ eventId }: { eventId: string }) {
  const [data, setData] = useState<Loaded | undefined>(() => {
    const c = readCachedRoster(eventId)
    return c ? { ...c, fromCache: true } : undefined
  })
  const [loadError, setLoadError] = useState<unknown>(null)
  const [loading, setLoading] = useState(false)
  const [online, setOnline] = useState(true)
  const [query, setQuery] = useState('')
  const [dialog, confirm] = useConfirm()
  const q = useCheckinState()
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const load = useCallback(async () => {
    setLoading(true)
    setLoadError(null)
    try {
      const [event, list] = await Promise.all([api.event(eventId), api.registrations(eventId)])
      saveCachedRoster(eventId, event, list)
      if (alive.current) setData({ savedAt: Date.now(), event, list, fromCache: false })
    } catch (e) {
      const cached = readCachedRoster(eventId)
      if (alive.current) {
        if (cached) setData({ ...cached, fromCache: true })
        setLoadError(e)
      }
    } finally {
      if (alive.current) setLoading(false)
    }
  }, [eventId])

  /** Send what waits, then fetch the list again (it may have changed meanwhile). */
  const syncAndLoad = useCallback(async () => {
    await syncCheckins()
    await load()
  }, [load])

  // on entering the page (and coming back to it): send what waits, then the fresh list
  useEffect(() => {
    void isOnline().then(setOnline)
    void syncAndLoad()
  }, [syncAndLoad])
  useReloadOnShow(() => {
    void isOnline().then(setOnline)
    return syncAndLoad()
  })
  useEffect(
    () =>
      watchNetwork((on) => {
        setOnline(on)
        if (on) void syncAndLoad()
      }),
    [syncAndLoad],
  )
  const pendingHere = q.pending.filter((p) => p.eventId === eventId)
  const failedHere = q.failed.filter((f) => f.eventId === eventId)
  // While something waits, try again every 20 s (a network that comes back is not always announced).
  useEffect(() => {
    if (!pendingHere.length) return
    const t = setInterval(() => void syncCheckins(), 20000)
    return () => clearInterval(t)
  }, [pendingHere.length])

  const rows = useMemo(() => {
    if (!data) return []
    const t = query.trim()
    return data.list.confirmed.filter((r) => !t || r.name.includes(t))
  }, [data, query])

  const counts = useMemo(() => {
    if (!data) return { done: 0, due: 0, family: 0 }
    const done = data.list.confirmed.filter((r) => rowState(eventId, r, q).kind !== 'none').length
    const family = data.list.confirmed.reduce((a, r) => a + r.family, 0)
    return { done, due: data.list.confirmed.length, family }
  }, [data, q, eventId])

  const report = (name: string, memberId: string, out: SyncOutcome) => {
    const sent = out.sent.find((s) => s.eventId === eventId && s.memberId === memberId)
    const failed = out.failed.find((f) => f.eventId === eventId && f.memberId === memberId)
    if (sent) {
      void Taro.showToast({
        title: sent.alreadyCheckedIn ? `${name} 之前已签到（${fmtTime(sent.checkedInAt)}）` : `${name} 签到成功`,
        icon: sent.alreadyCheckedIn ? 'none' : 'success',
        duration: 2000,
      })
    } else if (failed) {
      void Taro.showModal({ title: `${name} 没能签到`, content: failed.message, showCancel: false, confirmText: '知道了' })
    } else if (isPending(eventId, memberId)) {
      void isOnline().then(setOnline)
      void Taro.showToast({ title: '暂时连不上，已记在手机上，稍后自动同步', icon: 'none', duration: 3000 })
    }
  }

  const checkIn = async (r: RegistrationEntry, ask: boolean) => {
    const st = rowState(eventId, r, q)
    if (st.kind !== 'none') {
      void Taro.showToast({ title: `${r.name} 已经签到过了`, icon: 'none' })
      return
    }
    const who = `${r.name}${r.groupName ? `（${r.groupName}）` : ''}${r.family ? `，带家属 ${r.family} 位` : ''}`
    // Before the event's day a check-in is most likely a slip of the finger: always ask, and say why.
    const early = data ? beforeEventDay(data.event.startsAt) : false
    if (ask || early) {
      const ok = await confirm({
        title: early ? '活动还没到当天' : '确认签到',
        content: early ? `活动在${fmtDateTime(data!.event.startsAt)}，现在就给 ${who} 签到吗？` : who,
        confirmText: '签到',
      })
      if (!ok) return
    }
    if (!queueCheckin(eventId, r.memberId, r.name)) return
    report(r.name, r.memberId, await syncCheckins())
  }

  /** 撤销签到: a check-in made by mistake (the wrong name tapped), after asking. */
  const undo = async (r: RegistrationEntry) => {
    const ok = await confirm({
      title: '撤销签到',
      content: `撤销 ${r.name} 的签到吗？撤销后可以重新签到。`,
      confirmText: '撤销签到',
      cancelText: '不撤销',
      danger: true,
    })
    if (!ok) return
    try {
      await api.undoCheckin(eventId, r.memberId)
      forgetCheckin(eventId, r.memberId)
      await load()
      void Taro.showToast({ title: `已撤销 ${r.name} 的签到`, icon: 'none', duration: 2000 })
    } catch (e) {
      void Taro.showModal({ title: '没能撤销', content: errorMessage(e), showCancel: false, confirmText: '知道了' })
    }
  }

  const scan = async () => {
    let text: string
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      text = res.result
    } catch {
      return // cancelled
    }
    const memberId = parseMemberCode(text)
    if (!memberId) {
      void Taro.showModal({ title: '不是签到码', content: '请让同事打开“我的 → 我的签到码”再扫。', showCancel: false, confirmText: '知道了' })
      return
    }
    const entry = data?.list.confirmed.find((r) => r.memberId === memberId)
    if (entry) return checkIn(entry, false)
    const waiting = data?.list.waitlist.find((r) => r.memberId === memberId)
    if (waiting) {
      void Taro.showModal({ title: `${waiting.name} 在候补中`, content: '没有报名成功，不能签到。', showCancel: false, confirmText: '知道了' })
      return
    }
    // Not on the list this phone has (it may be out of date): let the server decide.
    if (!queueCheckin(eventId, memberId, '扫码的同事')) return
    report('扫码的同事', memberId, await syncCheckins())
  }

  if (!data) {
    return (
      <Page testId="page-checkin">
        {loadError ? <ErrorState error={loadError} onRetry={() => void load()} /> : <LoadingState text="正在加载名单…" />}
      </Page>
    )
  }
  const networkDown = !online || (loadError instanceof ApiError && loadError.status === 0)

  return (
    <Page testId="page-checkin">
      <View className="card ck__head">
        <Text className="mg__event-title">
          <NoOrphan text={data.event.title} />
        </Text>
        <Text className="mg__event-sub">{fmtDateTime(data.event.startsAt)} · {data.event.place}</Text>
        <View className="ck__count" data-testid="checkin-count">
          <Text className="ck__count-label">已签到</Text>
          <Text className="ck__count-num" data-testid="checkin-done">
            {counts.done}
          </Text>
          <Text className="ck__count-label">/ 应到</Text>
          <Text className="ck__count-num ck__count-num--due" data-testid="checkin-due">
            {counts.due}
          </Text>
          <Text className="ck__count-label">人</Text>
        </View>
        {counts.family > 0 && <Text className="hint">另有家属 {counts.family} 位随行</Text>}
      </View>

      {networkDown && (
        <View className="ck__offline" data-testid="checkin-offline">
          现在没有网络。照常签到即可，签到会先记在手机上，有网后自动同步。
          {data.fromCache ? `（名单是 ${fmtDateTime(new Date(data.savedAt).toISOString())} 保存的）` : ''}
        </View>
      )}

      {pendingHere.length > 0 && (
        <View className="ck__pending" data-testid="checkin-pending">
          <Text className="ck__pending-text">
            待同步 <Text data-testid="checkin-pending-count">{pendingHere.length}</Text> 人
            {q.syncing ? '，正在同步…' : '：有网后会自动上传'}
          </Text>
          <View className="ck__sync">
            <BigButton type="primary" onClick={() => void syncAndLoad()} disabled={q.syncing} testId="checkin-sync">
              同步
            </BigButton>
          </View>
        </View>
      )}

      {failedHere.length > 0 && (
        <View className="form-error" data-testid="checkin-failed">
          <Text>下面的签到没有成功：</Text>
          {failedHere.map((f) => (
            <Text key={f.memberId} className="ck__failed-line">
              {f.name}：{f.message}
            </Text>
          ))}
          <Text className="inline-error__retry" onClick={() => dismissFailed(eventId)}>
            知道了
          </Text>
        </View>
      )}

      {process.env.TARO_ENV !== 'h5' && (
        <View className="actions">
          <BigButton onClick={() => void scan()} testId="checkin-scan" className="big-button--hero">
            扫码签到
          </BigButton>
        </View>
      )}

      <SearchBox value={query} onChange={setQuery} placeholder="输入姓名查找" testId="checkin-search" />

      {loading && !data.list.confirmed.length ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState title={query.trim() ? `名单里没有叫“${query.trim()}”的人` : '还没有人报名成功'} />
      ) : (
        <View className="list ck__list">
          {rows.map((r) => {
            const st = rowState(eventId, r, q)
            return (
              <View key={r.memberId} className={`row ck__row ck__row--${st.kind}`} data-testid={`checkin-row-${r.memberId}`} data-state={st.kind}>
                <View className="row__main">
                  <Text className="row__title">{r.name}</Text>
                  <Text className="row__sub">
                    {r.groupName ?? ''}
                    {r.family ? ` · 带家属 ${r.family} 位` : ''}
                  </Text>
                </View>
                {st.kind === 'none' ? (
                  <View className="ck__btn">
                    <BigButton onClick={() => void checkIn(r, true)} testId={`checkin-${r.memberId}`}>
                      签到
                    </BigButton>
                  </View>
                ) : st.kind === 'pending' ? (
                  <View className="ck__state">
                    <StatusTag text="待同步" tone="wait" testId={`checkin-state-${r.memberId}`} />
                    <Text className="ck__time">{fmtTime(st.at)}</Text>
                  </View>
                ) : (
                  <>
                    <View className="ck__state">
                      <StatusTag text="已签到" tone="done" testId={`checkin-state-${r.memberId}`} />
                      <Text className="ck__time">{fmtTime(st.at)}</Text>
                    </View>
                    <View className="ck__undo">
                      <BigButton type="default" onClick={() => void undo(r)} testId={`checkin-undo-${r.memberId}`}>
                        撤销
                      </BigButton>
                    </View>
                  </>
                )}
              </View>
            )
          })}
        </View>
      )}
      {dialog}
    </Page>
  )
}
