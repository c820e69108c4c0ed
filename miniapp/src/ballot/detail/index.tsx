import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CHOICE_LABELS, ELECTORATE_LABELS, QUESTION_KIND_LABELS, answerProblem, choicesOf } from '@shared/domain/ballots'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import ChoiceGroup from '../../components/ChoiceGroup'
import FormFooter from '../../components/FormFooter'
import NoOrphan from '../../components/NoOrphan'
import StatusTag from '../../components/StatusTag'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { ApiError, errorMessage } from '../../api/client'
import type { BallotView, QuestionInput } from '../../api/types'
import { isChair } from '../../lib/roles'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { ballotApi } from '../shared/api'
import { STATUS_TEXT, answerText, myReceipt, rememberReceipt, toggleCandidate, turnoutText, type AnswerMap } from '../shared/ballot'
import HashView from '../shared/HashView'
import { usePoll } from '../shared/usePoll'
import '../shared/ballot.css'

/**
 * One ballot: its turnout (refreshed every few seconds while open), the member's 投票 → 核对 →
 * 确认, and the chair's 开启 / 结束 (each asked first). Closed: the way to the results.
 */
export default function BallotDetail() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { me, error: meError, reload: reloadMe } = useMe()
  const data = useAsync<BallotView>(() => ballotApi.get(id), [id], !!id)
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  usePoll(() => data.reload(), data.data?.status === 'open')

  if (!id) {
    return (
      <Page testId="page-ballot">
        <EmptyState
          title="没有指定表决"
          action={
            <BigButton onClick={() => void Taro.redirectTo({ url: ROUTES.ballots })} testId="ballot-go-list">
              查看全部表决
            </BigButton>
          }
        />
      </Page>
    )
  }
  if (!me) return <Page testId="page-ballot">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  const chair = isChair(me.member.roles)
  return (
    <Page testId="page-ballot">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载表决…">
        {(b) => (
          <>
            <Head b={b} />
            {b.status === 'draft' && <Preview b={b} />}
            {b.status === 'open' && <Voting b={b} onChanged={() => void data.reload()} />}
            {b.status === 'closed' && (
              <View className="card">
                <Text className="bl-section">投票已结束</Text>
                <View className="actions">
                  <BigButton onClick={() => void Taro.navigateTo({ url: ROUTES.ballotResults(b.ballotId) })} testId="ballot-results">
                    查看结果
                  </BigButton>
                </View>
              </View>
            )}
            {chair && b.status !== 'closed' && <ChairActions b={b} onChanged={() => void data.reload()} />}
          </>
        )}
      </AsyncView>
    </Page>
  )
}

function Head({ b }: { b: BallotView }) {
  const s = STATUS_TEXT[b.status]
  return (
    <View className="card" data-testid="ballot-head">
      <View className="bl-head">
        <Text className="bl-title">
          <NoOrphan text={b.title} />
        </Text>
        <StatusTag text={s.text} tone={s.tone} testId="ballot-status" />
      </View>
      <Text className="bl-meta">选民：{ELECTORATE_LABELS[b.electorate]}</Text>
      {b.description && <Text className="bl-desc">{b.description}</Text>}
      {b.status === 'draft' ? (
        <Text className="hint">
          <NoOrphan text="还没有开始投票。主席开启投票时冻结选民名单。" />
        </Text>
      ) : (
        <Text className="bl-turnout" data-testid="ballot-turnout">
          {turnoutText(b.votedCount, b.eligibleCount)}
        </Text>
      )}
      {b.electorateHash && <HashView hash={b.electorateHash} />}
    </View>
  )
}

/** A draft: the questions as voters will see them. */
function Preview({ b }: { b: BallotView }) {
  return (
    <View className="card" data-testid="ballot-preview">
      <Text className="bl-section">共 {b.questions.length} 道题</Text>
      {b.questions.map((q, i) => (
        <View key={q.id} className="bl-review-row">
          <Text className="bl-qno">
            第 {i + 1} 题 · {QUESTION_KIND_LABELS[q.kind]}
            {q.kind === 'election' ? `（名额 ${q.seats} 人）` : ''}
          </Text>
          <Text className="bl-qtext">{q.text}</Text>
          {q.kind === 'election' && <Text className="bl-meta">候选人：{(q.candidates ?? []).map((c) => c.name).join('、')}</Text>}
        </View>
      ))}
    </View>
  )
}

/** While open: 已投票 (with my receipt), not in the electorate, or the ballot to fill in. */
function Voting({ b, onChanged }: { b: BallotView; onChanged: () => void }) {
  if (b.me.voted) {
    const mine = myReceipt(b.ballotId)
    return (
      <View className="card" data-testid="ballot-voted">
        <Text className="bl-section">您已投票，谢谢</Text>
        <Text className="hint">
          <NoOrphan text="每人只能投一次。投票结束后公布结果和全部回执，您可以核对自己的选票已计入。" />
        </Text>
        {mine && (
          <View className="actions">
            <BigButton type="default" onClick={() => void Taro.navigateTo({ url: ROUTES.ballotReceipt(b.ballotId) })} testId="ballot-my-receipt">
              查看我的回执
            </BigButton>
          </View>
        )}
      </View>
    )
  }
  if (!b.me.eligible) {
    return (
      <View className="card" data-testid="ballot-not-eligible">
        <EmptyState title="您不在这次表决的选民名单中" hint={`这次表决由${ELECTORATE_LABELS[b.electorate]}投票。`} />
      </View>
    )
  }
  return <VoteForm b={b} onChanged={onChanged} />
}

const initialAnswers = (qs: readonly QuestionInput[]): AnswerMap =>
  Object.fromEntries(qs.filter((q) => q.kind === 'election').map((q) => [q.id, [] as string[]]))

/** 投票 → 核对 (every answer listed, 提交后不可更改) → 确认 → the receipt. */
function VoteForm({ b, onChanged }: { b: BallotView; onChanged: () => void }) {
  const [answers, setAnswers] = useState<AnswerMap>(() => initialAnswers(b.questions))
  const [step, setStep] = useState<'answer' | 'review'>('answer')
  const [error, setError] = useState<string | null>(null)
  const [limit, setLimit] = useState<{ qid: string; text: string } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const set = (qid: string, a: string | string[]) => {
    setError(null)
    setLimit(null)
    setAnswers((prev) => ({ ...prev, [qid]: a }))
  }
  const top = () => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)

  const toReview = () => {
    const problem = answerProblem(b.questions, answers)
    if (problem) {
      setError(problem)
      return
    }
    setError(null)
    setStep('review')
    top()
  }
  const submit = async () => {
    const ok = await confirm({
      title: '确认投票',
      content: '投票是无记名的。提交后不可更改，也不能撤回。确定提交吗？',
      confirmText: '确认投票',
      cancelText: '再看看',
    })
    if (!ok) return
    setError(null)
    setBusy('正在提交选票…')
    try {
      const { receipt } = await ballotApi.vote(b.ballotId, answers)
      rememberReceipt(b.ballotId, receipt)
      void Taro.redirectTo({ url: ROUTES.ballotReceipt(b.ballotId) })
    } catch (e) {
      // a lost answer may hide a counted vote: trying again then says 已投票 (never counted twice)
      setError(e instanceof ApiError && e.status === 0 ? `${errorMessage(e)}。请再点一次“确认投票”，不会重复计票。` : errorMessage(e))
      if (e instanceof ApiError && e.status === 409) onChanged()
    } finally {
      setBusy(null)
    }
  }

  if (step === 'review') {
    return (
      <View className="card" data-testid="vote-review">
        <Text className="bl-section">请核对您的选票</Text>
        {b.questions.map((q, i) => (
          <View key={q.id} className="bl-review-row" data-testid={`review-${q.id}`}>
            <Text className="bl-qno">
              第 {i + 1} 题 · {QUESTION_KIND_LABELS[q.kind]}
            </Text>
            <Text className="bl-meta">{q.text}</Text>
            <Text className="bl-review-answer">{answerText(q, answers[q.id])}</Text>
          </View>
        ))}
        <Text className="bl-warn" data-testid="vote-final">
          提交后不可更改
        </Text>
        <FormFooter
          primary={{ text: '确认投票', onClick: () => void submit(), testId: 'vote-submit' }}
          secondary={[
            {
              text: '返回修改',
              onClick: () => {
                setStep('answer')
                top()
              },
              testId: 'vote-back',
            },
          ]}
          error={error}
          busy={busy}
        />
        {dialog}
      </View>
    )
  }
  return (
    <View data-testid="vote-form">
      {b.questions.map((q, i) => (
        <View key={q.id} className="card" data-testid={`vote-${q.id}`}>
          <Text className="bl-qno">
            第 {i + 1} 题 · {QUESTION_KIND_LABELS[q.kind]}
            {q.kind === 'election' ? `（最多选 ${q.seats} 人）` : ''}
          </Text>
          <Text className="bl-qtext">{q.text}</Text>
          {q.kind === 'election' ? (
            <Candidates
              q={q}
              picked={(answers[q.id] as string[] | undefined) ?? []}
              onChange={(next) => set(q.id, next)}
              onLimit={() => setLimit({ qid: q.id, text: `最多选 ${q.seats} 人。要换人，请先点掉一位。` })}
            />
          ) : (
            <ChoiceGroup
              choices={choicesOf(q).map((c) => CHOICE_LABELS[c] ?? c)}
              value={typeof answers[q.id] === 'string' ? CHOICE_LABELS[answers[q.id] as string] : undefined}
              onChange={(label) => set(q.id, choicesOf(q).find((c) => CHOICE_LABELS[c] === label)!)}
              testId={`vote-${q.id}-choice`}
            />
          )}
          {limit?.qid === q.id && (
            <Text className="bl-limit" data-testid="vote-limit">
              {limit.text}
            </Text>
          )}
        </View>
      ))}
      <View className="card">
        <FormFooter primary={{ text: '核对选票', onClick: toReview, testId: 'vote-next' }} error={error} note="无记名投票：谁投了什么，任何人都无法知道。" />
      </View>
    </View>
  )
}

/** 选举: each candidate a big row to tick, up to the seats. */
function Candidates({ q, picked, onChange, onLimit }: { q: QuestionInput; picked: string[]; onChange: (next: string[]) => void; onLimit: () => void }) {
  return (
    <View role="group">
      {(q.candidates ?? []).map((c, j) => {
        const on = picked.includes(c.id)
        return (
          <View
            key={c.id}
            className={`bl-check${on ? ' bl-check--on' : ''}`}
            role="checkbox"
            aria-checked={on}
            data-checked={on ? 'true' : 'false'}
            data-testid={`vote-${q.id}-choice-${j}`}
            onClick={() => {
              const next = toggleCandidate(picked, c.id, q.seats ?? 0)
              if (next) onChange(next)
              else onLimit()
            }}
          >
            <View className="bl-check__mark">{on ? '✓' : ''}</View>
            <Text className="bl-check__text">{c.name}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** The chair: 开启投票 (the electorate freezes) on a draft, 结束投票 (no more votes) while open. */
function ChairActions({ b, onChanged }: { b: BallotView; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const run = async (what: string, fn: () => Promise<unknown>) => {
    setError(null)
    setBusy(what)
    try {
      await fn()
      onChanged()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  const open = async () => {
    const ok = await confirm({
      title: '开启投票',
      content: `开启后选民名单将冻结（${ELECTORATE_LABELS[b.electorate]}），题目也不能再改。确定开启吗？`,
      confirmText: '开启投票',
    })
    if (ok) await run('正在开启…', () => ballotApi.open(b.ballotId))
  }
  const close = async () => {
    const ok = await confirm({
      title: '结束投票',
      content: `结束后不能再投票，结果立即公布。现在${turnoutText(b.votedCount, b.eligibleCount)}。确定结束吗？`,
      confirmText: '结束投票',
      danger: true,
    })
    if (ok) await run('正在结束…', () => ballotApi.close(b.ballotId))
  }
  return (
    <View className="card" data-testid="ballot-chair">
      <Text className="bl-section">主席操作</Text>
      <FormFooter
        primary={
          b.status === 'draft'
            ? { text: '开启投票', onClick: () => void open(), testId: 'ballot-open' }
            : { text: '结束投票', onClick: () => void close(), testId: 'ballot-close', danger: true }
        }
        error={error}
        busy={busy}
        note={b.status === 'draft' ? '开启后选民名单将冻结。' : '结束后不能再投票。'}
      />
      {dialog}
    </View>
  )
}
