import Taro, { useRouter } from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import Stepper from '../../components/Stepper'
import LoadingOverlay from '../../components/LoadingOverlay'
import { useConfirm } from '../../components/Confirm'
import { AsyncView } from '../../components/StateViews'
import { api } from '../../api'
import { errorMessage } from '../../api/client'
import type { EventView } from '../../api/types'
import { fmtPickedDate, splitLocal } from '../../lib/events'
import { ROUTES } from '../../lib/routes'
import { useAsync } from '../../lib/useAsync'
import Gate from '../shared/Gate'
import { useEventAccess } from '../shared/access'
import { MAX_FAMILY, MAX_OPTIONS, createBody, defaultForm, formFromEvent, updateBody, validate, type EventForm, type FieldKey, type FormErrors } from '../shared/eventForm'
import '../shared/manage.css'

/** 发布活动 (no id) or 编辑活动 (?id=): committee only. */
export default function EventFormPage() {
  const eventId = decodeURIComponent(useRouter().params.id ?? '')
  const access = useEventAccess()
  const existing = useAsync<EventView>(() => api.event(eventId), [eventId], !!eventId && access.committee)

  useEffect(() => {
    if (eventId) void Taro.setNavigationBarTitle({ title: '编辑活动' }).catch(() => undefined)
  }, [eventId])

  if (!access.me || !access.committee) {
    return (
      <Page testId="page-event-form">
        <Gate loading={access.loading} error={access.error} allowed={access.committee} onRetry={() => void access.reload()} who="工会委员和工会主席" />
      </Page>
    )
  }
  if (!eventId) {
    return (
      <Page testId="page-event-form">
        <Form orgId={access.orgId} />
      </Page>
    )
  }
  return (
    <Page testId="page-event-form">
      <AsyncView data={existing.data} error={existing.error} onRetry={() => void existing.reload()}>
        {(e) => <Form orgId={access.orgId} existing={e} />}
      </AsyncView>
    </Page>
  )
}

function Form({ orgId, existing }: { orgId: string; existing?: EventView }) {
  const [f, setF] = useState<EventForm>(() => (existing ? formFromEvent(existing) : defaultForm()))
  const [errors, setErrors] = useState<FormErrors>({})
  const [err, setErr] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const today = splitLocal(new Date()).date
  const editing = !!existing

  const set = <K extends keyof EventForm>(k: K, v: EventForm[K], field?: FieldKey) => {
    setF((s) => ({ ...s, [k]: v }))
    if (field) setErrors((e) => ({ ...e, [field]: undefined }))
    setErr(null)
  }
  const setOption = (i: number, k: 'label' | 'choices', v: string) => {
    setF((s) => ({ ...s, options: s.options.map((o, j) => (j === i ? { ...o, [k]: v } : o)) }))
    setErrors((e) => ({ ...e, [`option${i}`]: undefined }))
    setErr(null)
  }

  const submit = async () => {
    setErr(null)
    const found = validate(f, new Date(), existing)
    setErrors(found)
    const messages = Object.values(found).filter(Boolean)
    if (messages.length) {
      setErr(`还有 ${messages.length} 处要改：${messages[0]}`)
      return
    }
    if (!existing) {
      setBusy('正在发布…')
      try {
        const e = await api.createEvent(orgId, createBody(f))
        await Taro.showToast({ title: '发布成功', icon: 'success' })
        setTimeout(() => void Taro.redirectTo({ url: ROUTES.event(e.eventId) }), 600)
      } catch (x) {
        setErr(errorMessage(x))
      } finally {
        setBusy(null)
      }
      return
    }
    const body = updateBody(existing, f)
    if (!Object.keys(body).length) {
      void Taro.showToast({ title: '没有需要保存的修改', icon: 'none' })
      return
    }
    const people = existing.confirmedSeats > 0 || existing.waitlistLength > 0
    if (people) {
      const ok = await confirm({
        title: '保存修改',
        content: '已报名和候补的同事都会收到“活动变更”的通知。确定保存吗？',
        confirmText: '保存并通知',
      })
      if (!ok) return
    }
    setBusy('正在保存…')
    try {
      await api.updateEvent(existing.eventId, body)
      await Taro.showToast({ title: '已保存', icon: 'success' })
      setTimeout(() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.event(existing.eventId) })), 600)
    } catch (x) {
      setErr(errorMessage(x))
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <View className="card">
        <Field label="活动名称" error={errors.title}>
          <Input
            className={`field__input mg__input${errors.title ? ' field__input--error' : ''}`}
            value={f.title}
            maxlength={60}
            placeholder="例如：春游、体检、趣味运动会"
            placeholderClass="search__placeholder"
            onInput={(e) => set('title', e.detail.value, 'title')}
            data-testid="form-title"
          />
        </Field>
        <Field label="地点" error={errors.place}>
          <Input
            className={`field__input mg__input${errors.place ? ' field__input--error' : ''}`}
            value={f.place}
            maxlength={100}
            placeholder="例如：学校东门集合"
            placeholderClass="search__placeholder"
            onInput={(e) => set('place', e.detail.value, 'place')}
            data-testid="form-place"
          />
        </Field>
        <Field label="活动时间" error={errors.start}>
          <DateTime
            date={f.startDate}
            time={f.startTime}
            start={today}
            testId="form-start"
            error={!!errors.start}
            onDate={(v) => set('startDate', v, 'start')}
            onTime={(v) => set('startTime', v, 'start')}
          />
        </Field>
        <Field label="报名截止" error={errors.close}>
          <DateTime
            date={f.closeDate}
            time={f.closeTime}
            start={today}
            testId="form-close"
            error={!!errors.close}
            onDate={(v) => set('closeDate', v, 'close')}
            onTime={(v) => set('closeTime', v, 'close')}
          />
          <Text className="hint mg__hint">到了这个时间就不能再报名了</Text>
        </Field>
        <Field label="名额（人）" error={errors.capacity}>
          <Input
            className={`field__input mg__input mg__input--short${errors.capacity ? ' field__input--error' : ''}`}
            type="number"
            value={f.capacity}
            maxlength={6}
            placeholder="例如 45"
            placeholderClass="search__placeholder"
            onInput={(e) => set('capacity', e.detail.value.replace(/\D/g, ''), 'capacity')}
            data-testid="form-capacity"
          />
          <Text className="hint mg__hint">比如大巴的座位数。带的家属也各占一个名额；报满后再报名的人排候补。</Text>
        </Field>
        <Field label="每人最多带家属">
          <View className="mg__family">
            <Stepper value={f.maxFamily} max={MAX_FAMILY} onChange={(v) => set('maxFamily', v)} testId="form-family" unit="位" />
            <Text className="hint mg__family-hint">{f.maxFamily ? '' : '0 = 不能带家属'}</Text>
          </View>
          {editing && <Text className="hint mg__hint">已有人带了家属时，不能改得比他们带的少。</Text>}
        </Field>
      </View>

      <Text className="section-title">报名时要选的（可不填）</Text>
      <View className="card">
        {editing ? (
          <Text className="hint" data-testid="form-options-hint">
            可以改名称、加可选项、再加一项（最多 {MAX_OPTIONS} 项）。已有人选了的可选项不能删掉或改字。
          </Text>
        ) : (
          <Text className="hint">例如“乘车点”，可选：东门，西门，地铁站。最多 {MAX_OPTIONS} 项，每人报名时都要选。</Text>
        )}
        {f.options.map((o, i) => {
          const published = !!o.key && !!existing?.options.some((p) => p.key === o.key)
          return (
            <View key={o.key ?? `new-${i}`} className="mg__option" data-testid={`form-option-${i}`} data-key={o.key ?? ''}>
              <View className="mg__option-head">
                <Text className="field__label">第 {i + 1} 项</Text>
                {published ? (
                  <Text className="mg__option-note">已发布</Text>
                ) : (
                  <Text
                    className="mg__link mg__link--danger"
                    data-testid={`form-option-remove-${i}`}
                    onClick={() => {
                      setF((s) => ({ ...s, options: s.options.filter((_, j) => j !== i) }))
                      setErrors({})
                      setErr(null)
                    }}
                  >
                    删除这一项
                  </Text>
                )}
              </View>
              <Input
                className={`field__input mg__input${errors[`option${i}`] ? ' field__input--error' : ''}`}
                value={o.label}
                maxlength={32}
                placeholder="名称，例如：乘车点"
                placeholderClass="search__placeholder"
                onInput={(e) => setOption(i, 'label', e.detail.value)}
                data-testid={`form-option-label-${i}`}
              />
              <Input
                className={`field__input mg__input mg__input--gap${errors[`option${i}`] ? ' field__input--error' : ''}`}
                value={o.choices}
                placeholder="可选：东门，西门（用逗号隔开）"
                placeholderClass="search__placeholder"
                onInput={(e) => setOption(i, 'choices', e.detail.value)}
                data-testid={`form-option-choices-${i}`}
              />
              {errors[`option${i}`] && <Text className="field__error">{errors[`option${i}`]}</Text>}
            </View>
          )
        })}
        {f.options.length < MAX_OPTIONS && (
          <View className="mg__add">
            <BigButton
              type="default"
              onClick={() => setF((s) => ({ ...s, options: [...s.options, { label: '', choices: '' }] }))}
              testId="form-option-add"
            >
              ＋ 添加一项（如乘车点）
            </BigButton>
          </View>
        )}
      </View>

      <Text className="section-title">其他（可不填）</Text>
      <View className="card">
        <Field label="费用说明" error={errors.costNote}>
          <Input
            className={`field__input mg__input${errors.costNote ? ' field__input--error' : ''}`}
            value={f.costNote}
            maxlength={200}
            placeholder="例如：工会承担，个人不用交钱"
            placeholderClass="search__placeholder"
            onInput={(e) => set('costNote', e.detail.value, 'costNote')}
            data-testid="form-cost"
          />
        </Field>
        <Field label="活动介绍" error={errors.description}>
          <Textarea
            className={`mg__textarea${errors.description ? ' field__input--error' : ''}`}
            value={f.description}
            maxlength={2000}
            placeholder="集合时间、带什么东西、注意事项……"
            placeholderClass="search__placeholder"
            onInput={(e) => set('description', e.detail.value, 'description')}
            data-testid="form-description"
          />
        </Field>
      </View>

      {err && (
        <View className="form-error" data-testid="form-error">
          {err}
        </View>
      )}
      <View className="actions">
        <BigButton onClick={() => void submit()} disabled={!!busy} testId="form-submit" className="big-button--hero">
          {editing ? '保存修改' : '发布活动'}
        </BigButton>
      </View>
      {!editing && <Text className="hint mg__bottom-hint">发布后全校会员都能在“活动”里看到并报名。</Text>}
      <LoadingOverlay visible={!!busy} text={busy ?? ''} />
      {dialog}
    </>
  )
}

function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      {children}
      {error && <Text className="field__error">{error}</Text>}
    </View>
  )
}

/** A date and a time, each a big box that opens the phone's own wheel picker. */
function DateTime(props: {
  date: string
  time: string
  start: string
  testId: string
  error: boolean
  onDate: (v: string) => void
  onTime: (v: string) => void
}) {
  return (
    <View className="mg__datetime">
      <Picker mode="date" value={props.date} start={props.start} onChange={(e) => props.onDate(String(e.detail.value))} className="mg__picker mg__picker--date">
        <View className={`mg__pick${props.error ? ' field__input--error' : ''}`} data-testid={`${props.testId}-date`}>
          <Text className="mg__pick-value">{fmtPickedDate(props.date)}</Text>
          <Text className="mg__pick-change">改</Text>
        </View>
      </Picker>
      <Picker mode="time" value={props.time} onChange={(e) => props.onTime(String(e.detail.value))} className="mg__picker mg__picker--time">
        <View className={`mg__pick${props.error ? ' field__input--error' : ''}`} data-testid={`${props.testId}-time`}>
          <Text className="mg__pick-value">{props.time}</Text>
          <Text className="mg__pick-change">改</Text>
        </View>
      </Picker>
    </View>
  )
}
