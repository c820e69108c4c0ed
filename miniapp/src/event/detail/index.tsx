import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import ChoiceGroup from '../../components/ChoiceGroup'
import Stepper from '../../components/Stepper'
import StatusTag from '../../components/StatusTag'
import ShareButton from '../../components/ShareButton'
import NoOrphan from '../../components/NoOrphan'
import LoadingOverlay from '../../components/LoadingOverlay'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { api } from '../../api/more'
import { ApiError, errorMessage } from '../../api/client'
import type { EventView, MeResult } from '../../api/types'
import { exportEventRoster } from '../../lib/exportXlsx'
import { saveCachedRoster } from '../../lib/checkinQueue'
import { fmtDateTime, seatsText } from '../../lib/events'
import { choicesText, stateText, waitNote } from '../../lib/eventsMore'
import { canManage, canSeeSignups } from '../../lib/roles'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { usePageShare } from '../../lib/share'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import './index.css'

/** 活动详情: every fact, 报名 / 取消报名, my status, share; the committee's tools below. */
export default function EventPage() {
  const eventId = decodeURIComponent(useRouter().params.id ?? '')
  const { me, error: meError, reload: reloadMe } = useMe()
  const ev = useAsync<EventView>(() => api.event(eventId), [eventId], !!eventId && !!me)

  usePullDownRefresh(() => {
    void ev.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => me && eventId && ev.reload())
  usePageShare(ev.data ? `${ev.data.title}（${fmtDateTime(ev.data.startsAt)}）` : '教工之家 活动报名', ROUTES.event(eventId))

  if (!eventId) {
    return (
      <Page testId="page-event">
        <EmptyState title="没有指定活动" hint="请从活动列表进入。" />
      </Page>
    )
  }
  if (!me) {
    return <Page testId="page-event">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  return (
    <Page testId="page-event">
      <AsyncView data={ev.data} error={ev.error} onRetry={() => void ev.reload()} loadingText="正在加载活动…">
        {(e) => <EventBody e={e} me={me} reload={ev.reload} />}
      </AsyncView>
    </Page>
  )
}

function EventBody({ e, me, reload }: { e: EventView; me: MeResult; reload: () => Promise<void> }) {
  const [family, setFamily] = useState(0)
  const [choices, setChoices] = useState<Record<string, string>>(() => preset(e))
  const [missing, setMissing] = useState<string[]>([])
  const [err, setErr] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  // What just happened to my registration, said in the status card, which is then scrolled into view
  // (a new object each time: saying the same again scrolls again), once WeChat has drawn it.
  const [said, setSaid] = useState<{ text: string } | null>(null)
  useEffect(() => {
    if (said) Taro.nextTick(() => void Taro.pageScrollTo({ selector: `#${STATUS_CARD}`, offsetTop: -12, duration: 300 }).catch(() => undefined))
  }, [said])
  const roles = me.member.roles
  const committee = canManage(roles)
  const state = stateText(e.state)
  const seats = seatsText(e)
  // with the family chosen now: the button and the note change as the member counts
  const wait = waitNote(e, family)
  const my = e.me
  const canCancelMine = !!my && !my.checkedIn && (e.state === 'open' || e.state === 'closed')
  const [editing, setEditing] = useState(false)
  const canChangeMine = canCancelMine && (e.options.length > 0 || e.maxFamily > 0)
  const startEditing = () => {
    setFamily(my?.family ?? 0)
    setChoices({ ...preset(e), ...(my?.choices ?? {}) })
    setErr(null)
    setEditing(true)
  }

  /** 修改报名: same place in the queue, new bus stop or family count. */
  const saveChange = async () => {
    setErr(null)
    setBusy('正在保存…')
    try {
      await api.changeRegistration(e.eventId, { family, choices })
      setEditing(false)
      await reload()
      setSaid({ text: '修改已保存' })
    } catch (x) {
      setErr(errorMessage(x))
    } finally {
      setBusy(null)
    }
  }

  // The committee will check people in on the day, maybe without signal: keep the list on the phone now.
  useEffect(() => {
    if (!committee || e.state === 'cancelled' || e.state === 'past') return
    if (Date.parse(e.startsAt) - Date.now() > 2 * 86400_000) return
    api
      .registrations(e.eventId)
      .then((list) => saveCachedRoster(e.eventId, e, list))
      .catch(() => undefined)
  }, [committee, e])

  const signUp = async () => {
    setErr(null)
    const notChosen = e.options.filter((o) => !choices[o.key]).map((o) => o.key)
    setMissing(notChosen)
    if (notChosen.length) {
      setErr(`请先选择${e.options.filter((o) => notChosen.includes(o.key)).map((o) => o.label).join('、')}`)
      return
    }
    // WeChat only sends subscribe messages (候补成功, 活动变更) to users who said yes, asked on a tap.
    if (process.env.TARO_ENV === 'weapp' && SUBSCRIBE_TEMPLATE_ID) {
      // (Taro types also demand Alipay’s entityIds; WeChat takes tmplIds only.)
      await Taro.requestSubscribeMessage({ tmplIds: [SUBSCRIBE_TEMPLATE_ID] } as Taro.requestSubscribeMessage.Option).catch(() => undefined)
    }
    setBusy('正在报名…')
    try {
      const r = await api.register(e.eventId, { family, choices })
      await reload()
      setSaid({ text: r.status === 'confirmed' ? '报名成功' : '名额已满，已排进候补' })
    } catch (x) {
      setErr(errorMessage(x))
      if (x instanceof ApiError && x.status === 409) void reload()
    } finally {
      setBusy(null)
    }
  }

  const cancelMine = async () => {
    const ok = await confirm({
      title: my?.status === 'waitlisted' ? '取消候补' : '取消报名',
      content: [
        my?.status === 'waitlisted' ? '取消后，您的候补名次就没有了。' : '取消报名后名额会让给候补的同事。',
        e.state === 'closed' ? '报名已经截止，取消后不能再报名。' : '如果再报名，要重新排队。',
        '确定取消吗？',
      ]
        .filter(Boolean)
        .join(''),
      confirmText: '确定取消',
      cancelText: '不取消',
      danger: true,
    })
    if (!ok) return
    setErr(null)
    setBusy('正在取消…')
    try {
      await api.cancelRegistration(e.eventId)
      setFamily(0)
      setChoices(preset(e))
      await reload()
      setSaid({ text: my?.status === 'waitlisted' ? '已取消候补' : '已取消报名' })
    } catch (x) {
      setErr(errorMessage(x))
    } finally {
      setBusy(null)
    }
  }

  const cancelEvent = async () => {
    const people = e.confirmedSeats + e.waitlistLength
    const ok = await confirm({
      title: '取消活动',
      content: `取消后不能恢复${people ? '，已报名和候补的同事都会收到通知' : ''}。确定取消“${e.title}”吗？`,
      confirmText: '确定取消活动',
      cancelText: '不取消',
      danger: true,
    })
    if (!ok) return
    setErr(null)
    setBusy('正在取消活动…')
    try {
      await api.cancelEvent(e.eventId)
      await reload()
      void Taro.showToast({ title: '活动已取消', icon: 'success' })
    } catch (x) {
      setErr(errorMessage(x))
    } finally {
      setBusy(null)
    }
  }

  const exportRoster = async () => {
    setBusy('正在导出名单…')
    await exportEventRoster(e)
    setBusy(null)
  }

  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <>
      <View className="card ev__head">
        <Text className="ev__title" data-testid="event-title">
          <NoOrphan text={e.title} />
        </Text>
        <View className="ev__state">
          <StatusTag text={state.text} tone={state.tone} testId="event-state" />
          {e.state === 'open' && (
            <Text className={`ev__seats ev-card__seats--${seats.tone}`} data-testid="event-seats-left">
              {seats.text}
            </Text>
          )}
        </View>
      </View>

      {(my || said) && <MyStatus e={e} said={said?.text} />}

      <View className="card">
        <Fact label="活动时间" value={fmtDateTime(e.startsAt)} testId="event-time" strong />
        <Fact label="地点" value={e.place} testId="event-place" strong />
        <Fact label="报名截止" value={fmtDateTime(e.signupClosesAt)} />
        <Fact label="名额" value={seatsLine(e)} testId="event-seats" />
        {e.maxFamily > 0 && <Fact label="可带家属" value={`最多 ${e.maxFamily} 位（每位家属占 1 个名额）`} />}
        {e.costNote && <Fact label="费用" value={e.costNote} />}
        {e.description && <Fact label="活动介绍" value={e.description} />}
      </View>

      {err && (
        <View className="form-error" data-testid="event-error">
          {err}
        </View>
      )}

      {((!my && e.state === 'open') || (editing && !!my)) && (
        <View className="card" data-testid="signup-form">
          {e.options.map((o) => (
            <View key={o.key} className="field">
              <Text className="field__label">
                {o.label}
                <Text className="ev__required">（必选）</Text>
              </Text>
              <ChoiceGroup
                choices={o.choices}
                value={choices[o.key]}
                error={missing.includes(o.key)}
                testId={`choice-${o.key}`}
                onChange={(c) => {
                  setChoices((s) => ({ ...s, [o.key]: c }))
                  setMissing((m) => m.filter((k) => k !== o.key))
                }}
              />
            </View>
          ))}
          {e.maxFamily > 0 && (
            <View className="field">
              <Text className="field__label">带家属几位？</Text>
              <View className="ev__family">
                <Stepper value={family} max={e.maxFamily} onChange={setFamily} testId="family" unit="位" />
                <Text className="hint ev__family-hint">{family ? `连您共 ${family + 1} 人` : '只有您自己'}</Text>
              </View>
            </View>
          )}
          {!editing && wait && (
            <View className="ev__wait-note" data-testid="signup-wait-note">
              {wait}
            </View>
          )}
          <View className="ev__signup">
            {editing ? (
              <>
                <BigButton onClick={() => void saveChange()} disabled={!!busy} testId="signup-save" className="big-button--hero">
                  保存修改
                </BigButton>
                <Text className="hint">修改不影响您的报名顺序；多带家属要有空余名额。</Text>
                <BigButton type="default" onClick={() => setEditing(false)} disabled={!!busy} testId="signup-edit-cancel">
                  不改了
                </BigButton>
              </>
            ) : (
              <BigButton onClick={() => void signUp()} disabled={!!busy} testId="signup" className="big-button--hero">
                {wait ? '报名（排候补）' : '报名'}
              </BigButton>
            )}
          </View>
        </View>
      )}

      {!my && e.state === 'closed' && <View className="notice">报名已截止，不能再报名了。</View>}
      {e.state === 'cancelled' && <View className="notice notice--bad">这个活动已取消。</View>}

      {canChangeMine && !editing && (
        <View className="actions">
          <BigButton type="default" onClick={startEditing} disabled={!!busy} testId="signup-edit">
            修改报名（{[e.options.length ? e.options.map((o) => o.label).join('、') : '', e.maxFamily > 0 ? '家属人数' : ''].filter(Boolean).join('、')}）
          </BigButton>
        </View>
      )}

      {canCancelMine && !editing && (
        <View className="actions">
          <BigButton type="danger" onClick={() => void cancelMine()} disabled={!!busy} testId="signup-cancel">
            {my?.status === 'waitlisted' ? '取消候补' : '取消报名'}
          </BigButton>
        </View>
      )}

      {e.state !== 'cancelled' && e.state !== 'past' && (
        <View className="actions">
          <ShareButton title={`${e.title}（${fmtDateTime(e.startsAt)}）`} path={ROUTES.event(e.eventId)} testId="event-share" />
          <Text className="hint ev__share-hint">把活动转给同事，大家点开就能报名</Text>
        </View>
      )}

      {canSeeSignups(roles) && (
        <>
          <Text className="section-title">{committee ? '管理（工会委员）' : '小组长'}</Text>
          <View className="list">
            {committee ? (
              <>
                <ToolRow title="管理报名" sub="已报名、候补、各小组人数" testId="event-manage" onTap={() => go(ROUTES.registrations(e.eventId))} />
                {e.state !== 'cancelled' && <ToolRow title="签到" sub="活动当天逐个签到，没信号也能用" testId="event-checkin" onTap={() => go(ROUTES.checkin(e.eventId))} />}
                {e.state !== 'cancelled' && <ToolRow title="编辑活动" sub="改时间、地点、名额等，会通知已报名的人" testId="event-edit" onTap={() => go(ROUTES.eventForm(e.eventId))} />}
                <ToolRow title="导出名单" sub="Excel 表格：分小组名单、汇总、候补" testId="event-export" onTap={() => void exportRoster()} />
              </>
            ) : (
              <ToolRow title="本组报名" sub="看本组谁报了名、谁还没报" testId="event-group" onTap={() => go(ROUTES.registrations(e.eventId))} />
            )}
          </View>
          {committee && e.state !== 'cancelled' && e.state !== 'past' && (
            <View className="actions">
              <BigButton type="danger" onClick={() => void cancelEvent()} disabled={!!busy} testId="event-cancel">
                取消活动
              </BigButton>
            </View>
          )}
        </>
      )}
      <LoadingOverlay visible={!!busy} text={busy ?? ''} />
      {dialog}
    </>
  )
}

/** The status card's id: after 报名, 修改 or 取消 the page scrolls to it. */
const STATUS_CARD = 'my-status-card'

/**
 * My registration, large: 已报名 / 候补第 N 位 / 已签到, and what I chose; `said` on top tells
 * what just happened (报名成功, 修改已保存, 已取消报名: then the card stays, saying 未报名).
 */
function MyStatus({ e, said }: { e: EventView; said?: string }) {
  const my = e.me
  const waiting = my?.status === 'waitlisted'
  const detail = my ? [my.family ? `带家属 ${my.family} 位` : '', choicesText(e.options, my.choices)].filter(Boolean).join('　') : ''
  const tone = !my ? 'off' : my.checkedIn ? 'done' : waiting ? 'wait' : 'ok'
  return (
    <View id={STATUS_CARD} className={`ev__mine ev__mine--${tone}`} data-testid={STATUS_CARD}>
      {said && (
        <Text className="ev__mine-said" data-testid="my-status-said">
          {said}
        </Text>
      )}
      <Text className="ev__mine-label">我的报名</Text>
      <Text className="ev__mine-status" data-testid="my-status">
        {!my ? '未报名' : waiting ? `候补第 ${my.position ?? '?'} 位` : my.checkedIn ? '已签到' : '已报名'}
      </Text>
      {!my && e.state === 'open' && <Text className="ev__mine-hint">想参加的话，可以在下面重新报名。</Text>}
      {waiting && <Text className="ev__mine-hint">前面有人取消时会按顺序递补，递补成功会通知您。</Text>}
      {detail && <Text className="ev__mine-detail">{detail}</Text>}
      {my && !waiting && !my.checkedIn && e.state !== 'cancelled' && e.state !== 'past' && (
        <View role="button" className="ev__mine-code" data-testid="event-my-code" onClick={() => void Taro.navigateTo({ url: ROUTES.checkinCode })}>
          <Text>活动当天出示签到码</Text>
          <Text className="ev__mine-code-go">打开 ›</Text>
        </View>
      )}
    </View>
  )
}

function Fact({ label, value, testId, strong }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <View className="facts__row">
      <Text className="facts__label">{label}</Text>
      <Text className={`facts__value${strong ? ' facts__value--strong' : ''}`} data-testid={testId}>
        {value}
      </Text>
    </View>
  )
}

function ToolRow({ title, sub, testId, onTap }: { title: string; sub: string; testId: string; onTap: () => void }) {
  return (
    <View role="button" className="row row--tap" data-testid={testId} onClick={onTap}>
      <View className="row__main">
        <Text className="row__title">{title}</Text>
        <Text className="row__sub">{sub}</Text>
      </View>
      <Text className="row__chevron">›</Text>
    </View>
  )
}

function seatsLine(e: EventView): string {
  const line = `共 ${e.capacity} 个，还剩 ${e.seatsLeft} 个`
  return e.waitlistLength ? `${line}\n${e.waitlistLength} 人在候补` : line
}

/** An option with a single choice is chosen already; others wait for the member. */
function preset(e: EventView): Record<string, string> {
  const out: Record<string, string> = {}
  for (const o of e.options) if (o.choices.length === 1) out[o.key] = o.choices[0]!
  return out
}
