import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { CARE_KIND_LABELS, CARE_KINDS, careDateProblem, type CareKind } from '@shared/domain/care'
import { chinaDateTime } from '@shared/domain/chinaTime'
import { formatFen } from '@shared/domain/money'
import Page from '../../components/Page'
import Field from '../../components/Field'
import TextField from '../../components/TextField'
import ChoiceGroup from '../../components/ChoiceGroup'
import FormFooter from '../../components/FormFooter'
import { useConfirm } from '../../components/Confirm'
import { AsyncView } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import { useAsync } from '../../lib/useAsync'
import type { MeResult as Me } from '../../api/types'
import MemberPick from '../shared/MemberPick'
import { CommitteeGate } from '../shared/Gate'
import { reportApi, type CareVisitView, type RosterMember } from '../shared/api'
import { REPORT_ROUTES } from '../shared/routes'
import { fmtDay, giftFenOf, yuanText } from '../shared/term'
import '../shared/report.css'

interface Draft {
  memberId: string[]
  kind: CareKind | undefined
  date: string
  yuan: string
  gifts: string
  visitors: string[]
  note: string
}

const draftOf = (v: CareVisitView | undefined): Draft =>
  v
    ? { memberId: [v.memberId], kind: v.kind, date: v.date, yuan: v.giftFen ? formatFen(v.giftFen) : '', gifts: v.gifts ?? '', visitors: v.visitors.map((p) => p.memberId), note: v.note ?? '' }
    : { memberId: [], kind: undefined, date: chinaDateTime(Date.now()).date, yuan: '', gifts: '', visitors: [], note: '' }

/** 登记 or 修改 a care visit (committee): who, why, when, 慰问金 in yuan, gifts, who went, a note; confirmed before saving. */
export default function CareFormPage() {
  return <Page testId="page-care-form">{<CommitteeGate>{(me) => <CareForm me={me} />}</CommitteeGate>}</Page>
}

function CareForm({ me }: { me: Me }) {
  const visitId = decodeURIComponent(useRouter().params.id ?? '')
  const saved = useRouter().params.saved === '1'
  const data = useAsync(
    async () => {
      const [roster, visit] = await Promise.all([reportApi.members(me.member.orgId), visitId ? reportApi.visit(visitId) : Promise.resolve(undefined)])
      return { members: roster.members, visit }
    },
    [visitId],
  )
  useEffect(() => {
    if (visitId) void Taro.setNavigationBarTitle({ title: '走访记录' })
  }, [visitId])
  return (
    <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载…">
      {(d) => <Form key={d.visit?.updatedAt ?? d.visit?.visitId ?? 'new'} members={d.members} visit={d.visit} saved={saved} orgId={me.member.orgId} />}
    </AsyncView>
  )
}

function Form({ members, visit, saved, orgId }: { members: RosterMember[]; visit?: CareVisitView; saved: boolean; orgId: string }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(visit))
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setErrors((e) => ({ ...e, [k]: undefined }))
  }
  const nameOf = (id: string) => members.find((m) => m.memberId === id)?.name ?? ''

  const submit = async () => {
    setFormError(null)
    const money = giftFenOf(draft.yuan)
    const problems: Partial<Record<keyof Draft, string>> = {
      memberId: draft.memberId.length ? undefined : '请选择慰问对象',
      kind: draft.kind ? undefined : '请选择慰问类别',
      date: careDateProblem(draft.date),
      yuan: money.ok ? undefined : money.error,
    }
    setErrors(problems)
    if (Object.values(problems).some(Boolean) || !money.ok || !draft.kind) return
    const body = {
      memberId: draft.memberId[0]!,
      kind: draft.kind,
      date: draft.date,
      giftFen: money.fen,
      gifts: draft.gifts.trim(),
      visitors: draft.visitors,
      note: draft.note.trim(),
    }
    let patch: Partial<typeof body> = body
    if (visit) {
      const before = { memberId: visit.memberId, kind: visit.kind, date: visit.date, giftFen: visit.giftFen, gifts: visit.gifts ?? '', visitors: visit.visitors.map((p) => p.memberId), note: visit.note ?? '' }
      patch = Object.fromEntries(Object.entries(body).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before])))
      if (Object.keys(patch).length === 0) {
        setFormError('没有修改任何内容')
        return
      }
    }
    const ok = await confirm({
      title: visit ? '保存修改' : '登记走访慰问',
      content: `${nameOf(body.memberId)} · ${CARE_KIND_LABELS[body.kind]} · ${fmtDay(body.date)}，慰问金 ${yuanText(body.giftFen)}${body.gifts ? `，${body.gifts}` : ''}。${visit ? '修改会记入操作记录。' : ''}确定保存吗？`,
      confirmText: '保存',
    })
    if (!ok) return
    setBusy('正在保存…')
    try {
      const v = visit ? await reportApi.editVisit(visit.visitId, patch) : await reportApi.addVisit(orgId, body)
      setBusy(null)
      // opened again by id: a new visit may not be in the list's index yet
      void Taro.redirectTo({ url: `${REPORT_ROUTES.careForm(v.visitId)}&saved=1` })
    } catch (e) {
      setBusy(null)
      setFormError(errorMessage(e))
    }
  }

  return (
    <>
      {saved && (
        <View className="card" data-testid="care-saved">
          <Text className="rp-section">已保存</Text>
          <Text className="hint">可以继续修改；修改会记入操作记录。</Text>
        </View>
      )}
      <View className="card">
        <Field label="慰问对象" required error={errors.memberId}>
          <MemberPick members={members} picked={draft.memberId} onChange={(ids) => set('memberId', ids)} single testId="care-member" placeholder="姓名或工号" />
        </Field>
        <Field label="慰问类别" required error={errors.kind}>
          <ChoiceGroup
            choices={CARE_KINDS.map((k) => CARE_KIND_LABELS[k])}
            value={draft.kind ? CARE_KIND_LABELS[draft.kind] : undefined}
            onChange={(label) => set('kind', CARE_KINDS.find((k) => CARE_KIND_LABELS[k] === label))}
            testId="care-kind"
            error={!!errors.kind}
          />
        </Field>
        <Field label="走访日期" required hint="可以登记计划走访的日期（最多 90 天以后）" error={errors.date}>
          <Picker mode="date" value={draft.date} onChange={(e) => set('date', String(e.detail.value))}>
            <View className="rp-pick" data-testid="care-date">
              <Text>{fmtDay(draft.date)}</Text>
              <Text className="rp-pick__change">改</Text>
            </View>
          </Picker>
        </Field>
        <TextField label="慰问金（元）" value={draft.yuan} onChange={(v) => set('yuan', v)} type="digit" placeholder="例如 500" hint="精确到分；没有慰问金可不填" error={errors.yuan} testId="care-yuan" />
        <TextField label="慰问品" value={draft.gifts} onChange={(v) => set('gifts', v)} maxLength={200} placeholder="例如 水果、牛奶" testId="care-gifts" />
        <Field label="走访人" hint="一起去看望的工会委员或同事">
          <MemberPick members={members} picked={draft.visitors} onChange={(ids) => set('visitors', ids)} testId="care-visitors" placeholder="输入姓名" />
        </Field>
        <TextField label="备注" value={draft.note} onChange={(v) => set('note', v)} multiline maxLength={500} placeholder="只有工会委员能看到" testId="care-note" />
      </View>
      <FormFooter
        primary={{ text: visit ? '保存修改' : '登记', onClick: () => void submit(), testId: 'care-submit' }}
        error={formError}
        busy={busy}
        note="走访记录只有工会委员和主席能看到。"
      />
      {dialog}
    </>
  )
}
