import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ELECTORATE_LABELS, ELECTORATES, QUESTION_KIND_LABELS } from '@shared/domain/ballots'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import ChoiceGroup from '../../components/ChoiceGroup'
import Field from '../../components/Field'
import FormFooter from '../../components/FormFooter'
import TextField from '../../components/TextField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import { isChair } from '../../lib/roles'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { ballotApi } from '../shared/api'
import { draftBody, newQuestion, ratingText, type Draft, type DraftErrors, type DraftKind, type DraftQuestion } from '../shared/draft'
import '../shared/ballot.css'

/** 发起表决 (chair): title, electorate, questions (表决事项 / 民主测评 / 选举); saved as a draft, opened later. */
export default function CreateBallot() {
  const { me, error: meError, reload: reloadMe } = useMe()
  if (!me) return <Page testId="page-ballot-create">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  if (!isChair(me.member.roles)) {
    return (
      <Page testId="page-ballot-create">
        <EmptyState title="您没有这个权限" hint="只有工会主席可以发起表决。" />
      </Page>
    )
  }
  return <Form orgId={me.member.orgId} />
}

const ADD: { kind: DraftKind; text: string }[] = [
  { kind: 'motion', text: '添加表决事项' },
  { kind: 'rating', text: '添加民主测评' },
  { kind: 'election', text: '添加选举' },
]

function Form({ orgId }: { orgId: string }) {
  const nextKey = useRef(2)
  const [d, setD] = useState<Draft>({ title: '', electorate: 'delegates', description: '', questions: [newQuestion('motion', 1)] })
  const [errors, setErrors] = useState<DraftErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  // One ballot per form: a retry after a lost answer opens the one already made instead of a second.
  const made = useRef<string | null>(null)

  const patch = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }))
  const patchQ = (key: number, p: Partial<DraftQuestion>) => setD((x) => ({ ...x, questions: x.questions.map((q) => (q.key === key ? { ...q, ...p } : q)) }))
  const add = (kind: DraftKind) => {
    const key = nextKey.current++
    setD((x) => ({ ...x, questions: [...x.questions, newQuestion(kind, key)] }))
  }
  const remove = (key: number) => setD((x) => ({ ...x, questions: x.questions.filter((q) => q.key !== key) }))

  const save = async () => {
    setError(null)
    const r = draftBody(d)
    if ('errors' in r) {
      setErrors(r.errors)
      setError('有几处需要修改，请看红字提示')
      return
    }
    setErrors({})
    if (made.current) {
      void Taro.redirectTo({ url: ROUTES.ballot(made.current) })
      return
    }
    setBusy('正在保存…')
    try {
      const { ballotId } = await ballotApi.create(orgId, r.body)
      made.current = ballotId
      // by its id (a consistent read), not through the list, which may lag a moment
      void Taro.redirectTo({ url: ROUTES.ballot(ballotId) })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Page testId="page-ballot-create">
      <View className="card">
        <TextField
          label="表决名称"
          required
          value={d.title}
          onChange={(title) => patch({ title })}
          placeholder="例如：第五届教代会第三次会议表决"
          maxLength={60}
          error={errors.title}
          testId="create-title"
        />
        <Field label="谁来投票" required>
          <ChoiceGroup
            choices={ELECTORATES.map((e) => ELECTORATE_LABELS[e])}
            value={ELECTORATE_LABELS[d.electorate]}
            onChange={(label) => patch({ electorate: ELECTORATES.find((e) => ELECTORATE_LABELS[e] === label)! })}
            testId="create-electorate"
          />
        </Field>
        <TextField
          label="说明（可不填）"
          value={d.description}
          onChange={(description) => patch({ description })}
          placeholder="投票前大家需要知道的事"
          maxLength={500}
          multiline
          testId="create-description"
        />
      </View>
      {d.questions.map((q, i) => (
        <QuestionEditor key={q.key} n={i + 1} q={q} errors={errors} onChange={(p) => patchQ(q.key, p)} onRemove={() => remove(q.key)} />
      ))}
      {errors.questions && <Text className="form-error">{errors.questions}</Text>}
      <View className="card">
        <Text className="bl-section">添加题目</Text>
        <View className="actions bl-stack">
          {ADD.map((a) => (
            <BigButton key={a.kind} type="default" onClick={() => add(a.kind)} testId={`create-add-${a.kind}`}>
              {a.text}
            </BigButton>
          ))}
        </View>
      </View>
      <View className="card">
        <FormFooter
          primary={{ text: '保存', onClick: () => void save(), testId: 'create-save' }}
          error={error}
          busy={busy}
          note="保存后还没有开始投票；核对无误后，在表决页点“开启投票”。"
        />
      </View>
    </Page>
  )
}

function QuestionEditor({
  n,
  q,
  errors,
  onChange,
  onRemove,
}: {
  n: number
  q: DraftQuestion
  errors: DraftErrors
  onChange: (p: Partial<DraftQuestion>) => void
  onRemove: () => void
}) {
  const tid = `create-q${n}`
  return (
    <View className="card" data-testid={tid}>
      <View className="bl-q-edit__head">
        <Text className="bl-section">
          第 {n} 题 · {QUESTION_KIND_LABELS[q.kind]}
        </Text>
      </View>
      {q.kind === 'rating' ? (
        <TextField
          label="被测评人姓名"
          required
          value={q.text}
          onChange={(text) => onChange({ text })}
          placeholder="例如：张三"
          maxLength={30}
          hint={q.text.trim() ? `题目：${ratingText(q.text)}` : '题目为“对某某同志的评价”，选项：优秀、称职、基本称职、不称职'}
          error={errors[`q${q.key}`]}
          testId={`${tid}-text`}
        />
      ) : (
        <TextField
          label={q.kind === 'election' ? '选举什么' : '表决事项'}
          required
          value={q.text}
          onChange={(text) => onChange({ text })}
          placeholder={q.kind === 'election' ? '例如：选举工会委员' : '例如：通过《学校绩效工资分配方案》'}
          maxLength={200}
          multiline={q.kind === 'motion'}
          hint={q.kind === 'motion' ? '选项：赞成、反对、弃权' : undefined}
          error={errors[`q${q.key}`]}
          testId={`${tid}-text`}
        />
      )}
      {q.kind === 'election' && (
        <>
          <TextField
            label="候选人"
            required
            value={q.candidates}
            onChange={(candidates) => onChange({ candidates })}
            placeholder="例如：李明、王芳、赵强"
            multiline
            hint="用顿号、逗号或换行隔开"
            error={errors[`q${q.key}-candidates`]}
            testId={`${tid}-candidates`}
          />
          <TextField
            label="名额（选几人）"
            required
            type="number"
            short
            value={q.seats}
            onChange={(seats) => onChange({ seats })}
            maxLength={2}
            error={errors[`q${q.key}-seats`]}
            testId={`${tid}-seats`}
          />
        </>
      )}
      <View className="actions">
        <BigButton type="danger" onClick={onRemove} testId={`${tid}-remove`}>
          删除这道题
        </BigButton>
      </View>
    </View>
  )
}
