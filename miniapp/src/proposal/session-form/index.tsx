import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Page from '../../components/Page'
import DateTime from '../../components/DateTime'
import Field from '../../components/Field'
import NoOrphan from '../../components/NoOrphan'
import FormFooter from '../../components/FormFooter'
import Stepper from '../../components/Stepper'
import TextField from '../../components/TextField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import type { CreateSessionBody } from '../../api/types'
import { splitLocal } from '../../lib/eventsMore'
import { canManage } from '../../lib/roles'
import { PROPOSAL_ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { papi } from '../api'
import { cosignWords } from '../labels'
import { MAX_COSIGNERS, TITLE_MAX, checkSession, defaultSessionForm, windowWords, type SessionErrors, type SessionField, type SessionForm } from '../sessionForm'
import '../proposal.css'

/** 发起提案征集 (committee and chair, as the server's POLICY): the form, then a confirmation of what members will see, then the new session. */
export default function SessionFormPage() {
  const { me, error, reload } = useMe()
  if (!me) {
    return <Page testId="page-session-form">{error ? <ErrorState error={error} onRetry={() => void reload()} /> : <LoadingState />}</Page>
  }
  if (!canManage(me.member.roles)) {
    return (
      <Page testId="page-session-form">
        <EmptyState title="您没有这个权限" hint="只有工会委员和工会主席可以发起提案征集。" />
      </Page>
    )
  }
  return (
    <Page testId="page-session-form">
      <Form orgId={me.member.orgId} />
    </Page>
  )
}

function Form({ orgId }: { orgId: string }) {
  const [f, setF] = useState<SessionForm>(() => defaultSessionForm())
  const [errors, setErrors] = useState<SessionErrors>({})
  const [checked, setChecked] = useState<CreateSessionBody | null>(null)
  const [err, setErr] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const today = splitLocal(new Date()).date

  const set = <K extends keyof SessionForm>(k: K, v: SessionForm[K], field: SessionField) => {
    setF((s) => ({ ...s, [k]: v }))
    setErrors((e) => ({ ...e, [field]: undefined }))
    setErr(null)
  }

  const next = () => {
    const r = checkSession(f)
    if (r.errors) {
      setErrors(r.errors)
      const messages = Object.values(r.errors).filter(Boolean)
      setErr(`还有 ${messages.length} 处要改：${messages[0]}`)
      return
    }
    setErrors({})
    setErr(null)
    setChecked(r.body)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const create = async (body: CreateSessionBody) => {
    setErr(null)
    setBusy('正在发起…')
    try {
      const s = await papi.createSession(orgId, body)
      void Taro.showToast({ title: '已发起', icon: 'success' })
      await Taro.redirectTo({ url: PROPOSAL_ROUTES.session(s.sessionId) })
    } catch (x) {
      setErr(errorMessage(x))
    } finally {
      setBusy(null)
    }
  }

  if (checked) {
    const w = windowWords(checked)
    return (
      <>
        <Text className="section-title">请核对：发起后全校会员看到的是</Text>
        <View className="card" data-testid="session-confirm">
          <Text className="pp-title" data-testid="session-confirm-title">
            <NoOrphan text={checked.title} />
          </Text>
          <Text className="pp-line">{w.startsNow ? `开始：发起后立即开始（${w.from}）` : `开始：${w.from}`}</Text>
          <Text className="pp-line">{`截止：${w.to}`}</Text>
          <Text className="pp-line pp-strong" data-testid="session-confirm-window">{`征集期${w.span}`}</Text>
          <Text className="pp-line">
            <NoOrphan text={`${w.startsNow ? '发起后' : '开始后'}，教代会代表就可以写提案和附议；截止后不能再提交。`} />
          </Text>
          <Text className="pp-line">{cosignWords(checked.cosignersNeeded ?? 0)}</Text>
        </View>
        <View className="card">
          <Text className="hint">发起后，全校会员都能在“提案”页看到这次征集；发起后不能撤回。</Text>
          <FormFooter
            error={err}
            busy={busy}
            primary={{ text: '确认发起', onClick: () => void create(checked), testId: 'session-form-create' }}
            secondary={[{ text: '返回修改', onClick: () => (setChecked(null), setErr(null)), testId: 'session-form-back' }]}
          />
        </View>
      </>
    )
  }

  return (
    <>
      <View className="card">
        <TextField
          label="征集名称"
          required
          value={f.title}
          maxLength={TITLE_MAX}
          placeholder="例如：第九届教代会第三次会议提案征集"
          error={errors.title}
          onChange={(v) => set('title', v, 'title')}
          testId="session-title"
        />
        <Field label="征集开始" required hint="默认现在开始，按北京时间" error={errors.opens}>
          <DateTime
            date={f.openDate}
            time={f.openTime}
            start={today}
            testId="session-opens"
            error={!!errors.opens}
            onDate={(v) => set('openDate', v, 'opens')}
            onTime={(v) => set('openTime', v, 'opens')}
          />
        </Field>
        <Field label="征集截止" required hint="到了这个时间，代表就不能再提交提案了" error={errors.closes}>
          <DateTime
            date={f.closeDate}
            time={f.closeTime}
            start={today}
            testId="session-closes"
            error={!!errors.closes}
            onDate={(v) => set('closeDate', v, 'closes')}
            onTime={(v) => set('closeTime', v, 'closes')}
          />
        </Field>
        <Field label="每件提案需要几位代表附议" hint={f.cosigners ? `够 ${f.cosigners} 位附议后进入审查` : '0 = 提交后直接进入审查'} error={errors.cosigners}>
          <Stepper value={f.cosigners} max={MAX_COSIGNERS} onChange={(v) => set('cosigners', v, 'cosigners')} testId="session-cosigners" unit="位" />
        </Field>
      </View>
      <FormFooter error={err} primary={{ text: '下一步：核对', onClick: next, testId: 'session-form-next' }} note="下一步会显示会员看到的内容，确认后才发起。" />
    </>
  )
}
