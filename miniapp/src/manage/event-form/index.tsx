import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import Page from '../../components/Page'
import DateTime from '../../components/DateTime'
import BigButton from '../../components/BigButton'
import Stepper from '../../components/Stepper'
import Field from '../../components/Field'
import FormFooter from '../../components/FormFooter'
import TextField, { TextBox } from '../../components/TextField'
import { useConfirm } from '../../components/Confirm'
import { AsyncView } from '../../components/StateViews'
import { api } from '../../api/more'
import { errorMessage } from '../../api/client'
import type { EventView } from '../../api/types'
import { splitLocal } from '../../lib/eventsMore'
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
        <TextField
          label="活动名称"
          required
          value={f.title}
          maxLength={60}
          placeholder="例如：春游、体检"
          error={errors.title}
          onChange={(v) => set('title', v, 'title')}
          testId="form-title"
        />
        <TextField
          label="地点"
          required
          value={f.place}
          maxLength={100}
          placeholder="例如：学校东门集合"
          error={errors.place}
          onChange={(v) => set('place', v, 'place')}
          testId="form-place"
        />
        <Field label="活动时间" required error={errors.start}>
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
        <Field label="报名截止" required hint="到了这个时间就不能再报名了" error={errors.close}>
          <DateTime
            date={f.closeDate}
            time={f.closeTime}
            start={today}
            testId="form-close"
            error={!!errors.close}
            onDate={(v) => set('closeDate', v, 'close')}
            onTime={(v) => set('closeTime', v, 'close')}
          />
        </Field>
        <TextField
          label="名额（人）"
          required
          type="number"
          short
          value={f.capacity}
          maxLength={6}
          placeholder="例如 45"
          hint="比如大巴的座位数。带的家属也各占一个名额；报满后再报名的人排候补。"
          error={errors.capacity}
          onChange={(v) => set('capacity', v.replace(/\D/g, ''), 'capacity')}
          testId="form-capacity"
        />
        <Field label="每人最多带家属" hint={editing ? '已有人带了家属时，不能改得比他们带的少。' : undefined}>
          <View className="mg__family">
            <Stepper value={f.maxFamily} max={MAX_FAMILY} onChange={(v) => set('maxFamily', v)} testId="form-family" unit="位" />
            <Text className="hint mg__family-hint">{f.maxFamily ? '' : '0 = 不能带家属'}</Text>
          </View>
        </Field>
      </View>

      <Text className="section-title">报名时要选的（可不填）</Text>
      <View className="card">
        {editing ? (
          <Text className="hint" data-testid="form-options-hint">
            可以改名称、加可选项、再加一项（最多 {MAX_OPTIONS} 项）。已有人选了的可选项不能删掉或改字。
          </Text>
        ) : (
          <Text className="hint">例如“乘车点”，可选：东门，西门，地铁站（用逗号隔开）。最多 {MAX_OPTIONS} 项，每人报名时都要选。</Text>
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
              <Field error={errors[`option${i}`]}>
                <TextBox
                  value={o.label}
                  maxLength={32}
                  placeholder="名称，例如：乘车点"
                  label={`选项 ${i + 1} 的名称`}
                  invalid={!!errors[`option${i}`]}
                  onChange={(v) => setOption(i, 'label', v)}
                  testId={`form-option-label-${i}`}
                />
                <View className="mg__gap" />
                <TextBox
                  value={o.choices}
                  placeholder="例如：东门，西门"
                  label={`选项 ${i + 1} 的可选项`}
                  invalid={!!errors[`option${i}`]}
                  onChange={(v) => setOption(i, 'choices', v)}
                  testId={`form-option-choices-${i}`}
                />
              </Field>
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
        <TextField
          label="费用说明"
          value={f.costNote}
          maxLength={200}
          placeholder="例如：个人不用交钱"
          error={errors.costNote}
          onChange={(v) => set('costNote', v, 'costNote')}
          testId="form-cost"
        />
        <TextField
          label="活动介绍"
          multiline
          value={f.description}
          maxLength={2000}
          placeholder="集合时间、带什么东西、注意事项……"
          error={errors.description}
          onChange={(v) => set('description', v, 'description')}
          testId="form-description"
        />
      </View>

      <FormFooter
        error={err}
        busy={busy}
        primary={{ text: editing ? '保存修改' : '发布活动', onClick: () => void submit(), testId: 'form-submit' }}
        note={editing ? undefined : '发布后全校会员都能在“活动”里看到并报名。'}
      />
      {dialog}
    </>
  )
}
