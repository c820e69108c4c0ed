import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { CATEGORY_LABELS, OUTCOMES, RATINGS, RATING_LABELS, STATUS_LABELS, step, type Outcome, type Rating } from '@shared/domain/proposals'
import { chinaDateTime } from '@shared/domain/chinaTime'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import BigSwitch from '../../components/BigSwitch'
import LoadingOverlay from '../../components/LoadingOverlay'
import ChoiceGroup from '../../components/ChoiceGroup'
import Field from '../../components/Field'
import FormFooter from '../../components/FormFooter'
import StatusTag from '../../components/StatusTag'
import TextField from '../../components/TextField'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, ErrorState, LoadingState } from '../../components/StateViews'
import { api } from '../../api/more'
import { errorMessage } from '../../api/client'
import type { Me, ProposalView } from '../../api/types'
import { fmtDate, fmtDateTime } from '../../lib/events'
import { fmtPickedDate, parseChoiceList } from '../../lib/eventsMore'
import { canManage } from '../../lib/roles'
import { PROPOSAL_ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { papi } from '../api'
import { STATUS_TONES, countdown, myActions } from '../labels'
import '../proposal.css'

const OUTCOME_LABELS: Record<Outcome, string> = { accepted: '立案', converted: '转为意见建议', rejected: '不立案', merged: '并案' }

interface Loaded {
  p: ProposalView
  /** For a delegate: whether this proposal still waits for my 附议 (GET /me/proposals → toCosign). */
  toCosign: boolean
}

/** One proposal: 案由/建议, its history, the decision, answer, 落实 and 督办; the buttons the state machine allows me. */
export default function Detail() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { me, error: meError, reload: reloadMe } = useMe()
  const delegate = !!me?.member.roles.includes('delegate')
  const data = useAsync<Loaded>(
    async () => {
      const [p, mine] = await Promise.all([papi.proposal(id), delegate ? papi.mine() : Promise.resolve(undefined)])
      return { p, toCosign: !!mine?.toCosign.some((x) => x.proposalId === id) }
    },
    [id, delegate],
    !!id && !!me,
  )
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => me && data.reload())

  if (!me) {
    return <Page testId="page-proposal">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  return (
    <Page testId="page-proposal">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载提案…">
        {(d) => <Body p={d.p} toCosign={d.toCosign} me={me.member} reload={() => void data.reload()} />}
      </AsyncView>
    </Page>
  )
}

function Body({ p, toCosign, me, reload }: { p: ProposalView; toCosign: boolean; me: Me; reload: () => void }) {
  const actions = myActions(p, me)
  const committee = canManage(me.roles)
  const late = p.dueAt && p.status === 'accepted' ? countdown(p.dueAt) : undefined
  return (
    <>
      <View className="card" data-testid="proposal-head">
        <View className="pp-head">
          <Text className="pp-title" data-testid="proposal-title">
            {p.title}
          </Text>
          <StatusTag text={STATUS_LABELS[p.status]} tone={STATUS_TONES[p.status]} testId="proposal-status" />
        </View>
        <Text className="pp-line" data-testid="proposal-number">
          {p.number ?? '草稿，提交后编号'}
        </Text>
        <Text className="pp-line">{`${CATEGORY_LABELS[p.category]} · 提案人 ${p.proposer.name}`}</Text>
        <Text className="pp-line" data-testid="proposal-cosigners">{`已有 ${p.cosigners} 位代表附议`}</Text>
        {p.unpublished && <Text className="pp-note" data-testid="proposal-unpublished">办理结果尚未发布：目前只有提案人和工会委员会能看到最新情况。</Text>}
      </View>
      <Section title="案由">
        <Text className="pp-text" data-testid="proposal-reason">
          {p.reason}
        </Text>
      </Section>
      <Section title="建议">
        <Text className="pp-text" data-testid="proposal-suggestion">
          {p.suggestion}
        </Text>
      </Section>

      <ProposerActions p={p} actions={actions} reload={reload} />
      {actions.has('cosign') && p.status === 'cosigning' && <Cosign p={p} waiting={toCosign} reload={reload} />}

      {p.decision && (
        <Section title="审查结果" testId="proposal-decision">
          <Text className="pp-line">{`结果：${OUTCOME_LABELS[p.decision.outcome]}`}</Text>
          <Text className="pp-line">{`理由：${p.decision.reason}`}</Text>
          {p.decision.office && <Text className="pp-line" data-testid="proposal-office">{`承办部门：${p.decision.office}`}</Text>}
          {p.decision.coOffices?.length ? <Text className="pp-line">{`协办部门：${p.decision.coOffices.join('、')}`}</Text> : null}
          {p.dueAt && <Text className="pp-line">{`办理期限：${fmtDate(p.dueAt)}`}</Text>}
          {late && (
            <Text className={`pp-due${late.late ? ' pp-due--late' : ''}`} data-testid="proposal-countdown">
              {late.text}
            </Text>
          )}
          {p.decision.mergedInto && (
            <Text className="pp-link" data-testid="proposal-merged-into" onClick={() => void Taro.navigateTo({ url: PROPOSAL_ROUTES.detail(p.decision!.mergedInto!) })}>
              查看并入的提案 ›
            </Text>
          )}
        </Section>
      )}
      {p.mergedFrom?.length ? (
        <Section title="并入本案的提案" testId="proposal-merged-from">
          {p.mergedFrom.map((m, i) => (
            <Text key={m} className="pp-link" data-testid={`proposal-merged-from-${i}`} onClick={() => void Taro.navigateTo({ url: PROPOSAL_ROUTES.detail(m) })}>
              {`并入的提案 ${i + 1} ›`}
            </Text>
          ))}
        </Section>
      ) : null}
      {p.answer && (
        <Section title="答复" testId="proposal-answer">
          <Text className="pp-text">{p.answer.text}</Text>
          <Text className="hint">{fmtDateTime(p.answer.at)}</Text>
        </Section>
      )}
      {p.progress?.length ? (
        <Section title="落实情况" testId="proposal-progress">
          <Timeline items={p.progress.map((n) => ({ when: fmtDateTime(n.at), text: n.done ? `${n.note}（已办结）` : n.note, done: n.done }))} />
        </Section>
      ) : null}
      {p.rating && (
        <Section title="提案人评价" testId="proposal-rating">
          <Text className="pp-line">{RATING_LABELS[p.rating.rating]}</Text>
          {p.rating.comment && <Text className="pp-text">{p.rating.comment}</Text>}
        </Section>
      )}
      {p.chases?.length ? (
        <Section title="督办记录" testId="proposal-chases">
          <Timeline items={p.chases.map((c) => ({ when: `${fmtDateTime(c.at)} · ${c.by.name}`, text: c.note }))} />
        </Section>
      ) : null}
      {actions.has('rate') && <RateForm p={p} reload={reload} />}
      {committee && <CommitteeForms p={p} actions={actions} me={me} reload={reload} />}
      <Section title="办理进程" testId="proposal-history">
        <Timeline items={p.history.map((h) => ({ when: fmtDateTime(h.at), text: STATUS_LABELS[h.status], done: h.status === 'done' }))} />
      </Section>
    </>
  )
}

function Section({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <View className="card" data-testid={testId}>
      <Text className="pp-h">{title}</Text>
      {children}
    </View>
  )
}

function Timeline({ items }: { items: { when: string; text: string; done?: boolean }[] }) {
  return (
    <View>
      {items.map((it, i) => (
        <View key={i} className="pp-tl__item">
          <View className={`pp-tl__dot${it.done || i === items.length - 1 ? ' pp-tl__dot--done' : ''}`} />
          <Text className="pp-tl__when">{it.when}</Text>
          <Text className="pp-text">{it.text}</Text>
        </View>
      ))}
    </View>
  )
}

/** Sends a command; its error in the form, a toast when it worked, then the page again. */
function useRun(reload: () => void) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = async (what: string, done: string, fn: () => Promise<unknown>) => {
    setError(null)
    setBusy(what)
    try {
      await fn()
      void Taro.showToast({ title: done, icon: 'success' })
      reload()
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setBusy(null)
    }
  }
  return { busy, error, setError, run }
}

/** The proposer: 修改 and 提交 a draft, 撤回 before a decision; each irreversible step asks first. */
function ProposerActions({ p, actions, reload }: { p: ProposalView; actions: Set<string>; reload: () => void }) {
  const { busy, error, run } = useRun(reload)
  const [dialog, confirm] = useConfirm()
  if (!actions.has('submit') && !actions.has('withdraw')) return null
  const submit = async () => {
    if (!(await confirm({ title: '提交提案', content: '提交后将编号并进入附议，不能再修改。确定提交吗？', confirmText: '确认提交' }))) return
    await run('正在提交…', '已提交', () => papi.submit(p.proposalId))
  }
  const withdraw = async () => {
    const content = p.number ? `撤回后提案不再办理，编号 ${p.number} 保留不再使用。确定撤回吗？` : '撤回后这份草稿不再提交。确定撤回吗？'
    if (!(await confirm({ title: '撤回提案', content, confirmText: '确认撤回', danger: true }))) return
    await run('正在撤回…', '已撤回', () => papi.withdraw(p.proposalId))
  }
  const edit = actions.has('edit') ? [{ text: '修改草稿', onClick: () => void Taro.navigateTo({ url: PROPOSAL_ROUTES.form({ proposalId: p.proposalId }) }), testId: 'proposal-edit' }] : []
  const back = actions.has('withdraw') ? [{ text: '撤回提案', onClick: () => void withdraw(), testId: 'proposal-withdraw', danger: true }] : []
  return (
    <View className="card" data-testid="proposer-actions">
      <Text className="pp-h">我的提案</Text>
      {actions.has('submit') ? (
        <FormFooter primary={{ text: '提交提案', onClick: () => void submit(), testId: 'proposal-submit' }} secondary={[...edit, ...back]} error={error} busy={busy} note="提交后将编号并进入附议。" />
      ) : (
        <>
          <Text className="hint">{p.status === 'cosigning' ? '正在征集其他代表附议，附议人数够了就进入审查。' : '工会委员会审查后，会通知您结果。'}</Text>
          {error && (
            <View className="form-error" data-testid="form-error">
              {error}
            </View>
          )}
          <View className="actions">
            <BigButton type="danger" onClick={() => void withdraw()} disabled={!!busy} testId="proposal-withdraw">
              撤回提案
            </BigButton>
          </View>
          <LoadingOverlay visible={!!busy} text={busy ?? ''} />
        </>
      )}
      {dialog}
    </View>
  )
}

/** 附议: another delegate supports it (once; asks first, it cannot be taken back). */
function Cosign({ p, waiting, reload }: { p: ProposalView; waiting: boolean; reload: () => void }) {
  const { busy, error, run } = useRun(reload)
  const [dialog, confirm] = useConfirm()
  if (!waiting) {
    return (
      <View className="card" data-testid="cosign-done">
        <Text className="pp-line">您已附议这件提案。</Text>
      </View>
    )
  }
  const cosign = async () => {
    if (!(await confirm({ title: '附议提案', content: `附议“${p.title}”？附议后不能取消。`, confirmText: '确认附议' }))) return
    await run('正在附议…', '已附议', () => papi.cosign(p.proposalId))
  }
  return (
    <View className="card" data-testid="cosign">
      <Text className="hint">您是教代会代表，同意这件提案可以附议。</Text>
      <FormFooter primary={{ text: '附议', onClick: () => void cosign(), testId: 'proposal-cosign' }} error={error} busy={busy} />
      {dialog}
    </View>
  )
}

/** The proposer rates the answer: 满意 / 基本满意 / 不满意 (the first 不满意 sends it back to be handled again). */
function RateForm({ p, reload }: { p: ProposalView; reload: () => void }) {
  const { busy, error, setError, run } = useRun(reload)
  const [dialog, confirm] = useConfirm()
  const [rating, setRating] = useState<Rating | undefined>()
  const [comment, setComment] = useState('')
  const send = async () => {
    if (!rating) return setError('请选择满意程度')
    const again = rating === 'unsatisfied' && step({ status: p.status, cosigners: p.cosigners, cosignersNeeded: 0, reopened: false }, { type: 'rate', rating }, 'proposer')
    const reopen = again && again.ok && again.status === 'accepted' ? '第一次“不满意”会请承办部门重新办理。' : ''
    if (!(await confirm({ title: '评价答复', content: `您的评价：${RATING_LABELS[rating]}。${reopen}`, confirmText: '提交评价' }))) return
    const ok = await run('正在提交…', '已评价', () => papi.rate(p.proposalId, comment.trim() ? { rating, comment: comment.trim() } : { rating }))
    if (ok) {
      setComment('')
      setRating(undefined)
    }
  }
  return (
    <View className="card" data-testid="rate-form">
      <Text className="pp-h">{p.rating ? '再次评价' : '评价答复'}</Text>
      <ChoiceGroup choices={RATINGS.map((r) => RATING_LABELS[r])} value={rating && RATING_LABELS[rating]} onChange={(c) => setRating(RATINGS.find((r) => RATING_LABELS[r] === c))} testId="rate" />
      <TextField label="意见（可不填）" value={comment} onChange={setComment} multiline maxLength={500} testId="rate-comment" />
      <FormFooter primary={{ text: '提交评价', onClick: () => void send(), testId: 'rate-submit' }} error={error} busy={busy} />
      {dialog}
    </View>
  )
}

/** 办理期限 as `YYYY-MM-DD` in China time, `days` from today. */
function dayFromNow(days: number): string {
  return chinaDateTime(Date.now() + days * 86_400_000).date
}
const DUE_CHOICES = [
  { label: '一个月内', days: 30 },
  { label: '两个月内', days: 60 },
  { label: '三个月内', days: 90 },
]

/** The committee: 审查 (decision), 答复, 落实 (progress, done), 督办. */
function CommitteeForms({ p, actions, me, reload }: { p: ProposalView; actions: Set<string>; me: Me; reload: () => void }) {
  return (
    <>
      {actions.has('decide') && <DecisionForm p={p} me={me} reload={reload} />}
      {actions.has('answer') && <TextForm title="答复提案人" label="答复内容" max={2000} testId="answer" button="提交答复" confirmText={`提交答复后提案状态变为“已答复”，提案人会收到通知。`} send={(t) => papi.answer(p.proposalId, t)} reload={reload} />}
      {actions.has('progress') && <ProgressForm p={p} reload={reload} />}
      {p.status === 'accepted' && <TextForm title="督办" label="督办情况" max={500} testId="chase" button="记录督办" confirmText="记录这次督办，承办部门联系人会收到提醒。" send={(t) => papi.chase(p.proposalId, t)} reload={reload} />}
    </>
  )
}

function TextForm(props: { title: string; label: string; max: number; testId: string; button: string; confirmText: string; send: (text: string) => Promise<unknown>; reload: () => void }) {
  const { busy, error, setError, run } = useRun(props.reload)
  const [dialog, confirm] = useConfirm()
  const [text, setText] = useState('')
  const go = async () => {
    if (!text.trim()) return setError(`请填写${props.label}`)
    if (!(await confirm({ title: props.title, content: props.confirmText, confirmText: props.button }))) return
    if (await run('正在提交…', '已提交', () => props.send(text.trim()))) setText('')
  }
  return (
    <View className="card" data-testid={`${props.testId}-form`}>
      <Text className="pp-h">{props.title}</Text>
      <TextField label={props.label} value={text} onChange={setText} multiline maxLength={props.max} testId={`${props.testId}-text`} />
      <FormFooter primary={{ text: props.button, onClick: () => void go(), testId: `${props.testId}-submit` }} error={error} busy={busy} />
      {dialog}
    </View>
  )
}

/** 落实: a note; 已全部落实 (done) only where the state machine allows it (after the answer). */
function ProgressForm({ p, reload }: { p: ProposalView; reload: () => void }) {
  const { busy, error, setError, run } = useRun(reload)
  const [dialog, confirm] = useConfirm()
  const [note, setNote] = useState('')
  const [done, setDone] = useState(false)
  const canFinish = step({ status: p.status, cosigners: p.cosigners, cosignersNeeded: 0, reopened: false }, { type: 'progress', done: true }, 'committee').ok
  const go = async () => {
    if (!note.trim()) return setError('请填写落实情况')
    const content = done && canFinish ? '记录落实情况并办结：提案状态变为“已落实”。' : '记录这条落实情况。'
    if (!(await confirm({ title: '落实情况', content, confirmText: '确认记录' }))) return
    if (await run('正在提交…', '已记录', () => papi.progress(p.proposalId, note.trim(), done && canFinish))) {
      setNote('')
      setDone(false)
    }
  }
  return (
    <View className="card" data-testid="progress-form">
      <Text className="pp-h">落实情况</Text>
      <TextField label="这次落实了什么" value={note} onChange={setNote} multiline maxLength={500} testId="progress-note" />
      {canFinish && (
        <View className="field field-row">
          <View>
            <Text className="field__label">已全部落实（办结）</Text>
          </View>
          <BigSwitch checked={done} onChange={setDone} testId="progress-done" label="已全部落实" />
        </View>
      )}
      <FormFooter primary={{ text: '记录落实情况', onClick: () => void go(), testId: 'progress-submit' }} error={error} busy={busy} />
      {dialog}
    </View>
  )
}

/** 审查: the outcome and its reason; 立案 names the office, its contact and the deadline; 并案 the proposal merged into. */
function DecisionForm({ p, me, reload }: { p: ProposalView; me: Me; reload: () => void }) {
  const { busy, error, setError, run } = useRun(reload)
  const [dialog, confirm] = useConfirm()
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const [reason, setReason] = useState('')
  const [office, setOffice] = useState('')
  const [coOffices, setCoOffices] = useState('')
  const [due, setDue] = useState(dayFromNow(30))
  const [contactName, setContactName] = useState('')
  const [contactId, setContactId] = useState<string | undefined>()
  const [mergedInto, setMergedInto] = useState<string | undefined>()
  const members = useAsync(async () => (await api.members(me.orgId)).members.filter((m) => m.active), [me.orgId], outcome === 'accepted')
  const others = useAsync(async () => (await papi.proposals(p.sessionId)).proposals.filter((x) => x.proposalId !== p.proposalId && x.number && x.status !== 'withdrawn'), [p.sessionId], outcome === 'merged')
  const matches = contactName.trim() ? (members.data ?? []).filter((m) => m.name.includes(contactName.trim())).slice(0, 5) : []
  const label = (m: { name: string; groupName?: string }) => (m.groupName ? `${m.name}（${m.groupName}）` : m.name)

  const go = async () => {
    if (!outcome) return setError('请选择审查结果')
    if (!reason.trim()) return setError('请填写理由')
    if (outcome === 'accepted' && !office.trim()) return setError('立案须指定承办部门')
    if (outcome === 'merged' && !mergedInto) return setError('请选择并入的提案')
    const dueAt = `${due}T23:59:00+08:00`
    const body =
      outcome === 'accepted'
        ? { outcome, reason: reason.trim(), office: office.trim(), dueAt, ...(contactId ? { officeContactId: contactId } : {}), ...(parseChoiceList(coOffices).length ? { coOffices: parseChoiceList(coOffices) } : {}) }
        : outcome === 'merged'
          ? { outcome, reason: reason.trim(), mergedInto }
          : { outcome, reason: reason.trim() }
    const what = outcome === 'accepted' ? `立案，由${office.trim()}在 ${fmtPickedDate(due)} 前办理` : OUTCOME_LABELS[outcome]
    if (!(await confirm({ title: '审查决定', content: `${what}。提案人会立即收到通知；点“发布”后全体可见。决定后不能更改。`, confirmText: '确认决定' }))) return
    await run('正在提交…', '已决定', () => papi.decide(p.proposalId, body))
  }
  return (
    <View className="card" data-testid="decision-form">
      <Text className="pp-h">审查决定</Text>
      <Field label="审查结果" required>
        <ChoiceGroup choices={OUTCOMES.map((o) => OUTCOME_LABELS[o])} value={outcome && OUTCOME_LABELS[outcome]} onChange={(c) => {
            setError(null)
            setOutcome(OUTCOMES.find((o) => OUTCOME_LABELS[o] === c))
          }} testId="decision-outcome" />
      </Field>
      <TextField label="理由" required value={reason} onChange={setReason} multiline maxLength={500} testId="decision-reason" />
      {outcome === 'accepted' && (
        <>
          <TextField label="承办部门" required value={office} onChange={setOffice} maxLength={30} placeholder="例如 总务处" testId="decision-office" />
          <TextField label="协办部门（可不填）" value={coOffices} onChange={setCoOffices} hint="几个部门用顿号或逗号隔开" testId="decision-co-offices" />
          <TextField
            label="承办联系人（可不填）"
            value={contactName}
            onChange={(v) => {
              setContactName(v)
              setContactId(undefined)
            }}
            placeholder="输入姓名查找"
            hint="到期前会提醒联系人；不填则提醒您"
            testId="decision-contact"
          />
          {matches.length > 0 && (
            <ChoiceGroup choices={matches.map(label)} value={matches.find((m) => m.memberId === contactId) && label(matches.find((m) => m.memberId === contactId)!)} onChange={(c) => setContactId(matches.find((m) => label(m) === c)?.memberId)} testId="decision-contact-pick" />
          )}
          <Field label="办理期限" required>
            <ChoiceGroup
              choices={DUE_CHOICES.map((c) => c.label)}
              value={DUE_CHOICES.find((c) => dayFromNow(c.days) === due)?.label}
              onChange={(l) => setDue(dayFromNow(DUE_CHOICES.find((c) => c.label === l)!.days))}
              testId="decision-due"
            />
            <Picker mode="date" value={due} start={dayFromNow(1)} onChange={(e) => setDue(String(e.detail.value))}>
              <View className="row row--tap" data-testid="decision-due-date">
                <Text className="row__main pp-line">{`期限：${fmtPickedDate(due)}`}</Text>
                <Text className="pp-link">改日期</Text>
              </View>
            </Picker>
          </Field>
        </>
      )}
      {outcome === 'merged' && (
        <Field label="并入的提案" required>
          {others.data ? (
            others.data.length ? (
              <ChoiceGroup choices={others.data.map((x) => `${x.number} ${x.title}`)} value={others.data.find((x) => x.proposalId === mergedInto) && `${others.data.find((x) => x.proposalId === mergedInto)!.number} ${others.data.find((x) => x.proposalId === mergedInto)!.title}`} onChange={(c) => setMergedInto(others.data!.find((x) => `${x.number} ${x.title}` === c)?.proposalId)} testId="decision-merge" />
            ) : (
              <Text className="hint">本次征集没有其他可并入的提案。</Text>
            )
          ) : others.error ? (
            <ErrorState error={others.error} onRetry={() => void others.reload()} />
          ) : (
            <LoadingState text="正在加载提案…" />
          )}
        </Field>
      )}
      <FormFooter primary={{ text: '提交决定', onClick: () => void go(), testId: 'decision-submit' }} error={error} busy={busy} />
      {dialog}
    </View>
  )
}
