import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { CATEGORY_LABELS, type ProposalCategory } from '@shared/domain/proposals'
import Page from '../../components/Page'
import ChoiceGroup from '../../components/ChoiceGroup'
import Field from '../../components/Field'
import FormFooter from '../../components/FormFooter'
import TextField from '../../components/TextField'
import { useConfirm } from '../../components/Confirm'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import type { DraftBody } from '../../api/types'
import { PROPOSAL_ROUTES } from '../../lib/routes'
import { useAsync } from '../../lib/useAsync'
import { papi } from '../api'
import { CATEGORY_CHOICES, categoryOf, draftErrors, type DraftErrors } from '../labels'
import '../proposal.css'

/** 写提案 / 修改草稿: 标题, 类别, 案由, 建议; 保存草稿, or 保存并提交 (asks first: 提交后将编号并进入附议). */
export default function DraftForm() {
  const params = useRouter().params
  const proposalId = params.id ? decodeURIComponent(params.id) : undefined
  const sessionId = params.session ? decodeURIComponent(params.session) : undefined
  const existing = useAsync(() => papi.proposal(proposalId!), [proposalId], !!proposalId)
  const [title, setTitle] = useState('')
  const [category, setCategory] = useState<ProposalCategory | undefined>()
  const [reason, setReason] = useState('')
  const [suggestion, setSuggestion] = useState('')
  const [errors, setErrors] = useState<DraftErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()

  useEffect(() => {
    const p = existing.data
    if (!p) return
    setTitle(p.title)
    setCategory(p.category)
    setReason(p.reason)
    setSuggestion(p.suggestion)
    void Taro.setNavigationBarTitle({ title: '修改草稿' })
  }, [existing.data])

  if (proposalId && !existing.data) {
    return <Page testId="page-proposal-form">{existing.error ? <ErrorState error={existing.error} onRetry={() => void existing.reload()} /> : <LoadingState />}</Page>
  }
  if (!proposalId && !sessionId) {
    return (
      <Page testId="page-proposal-form">
        <ErrorState error={new Error('missing')} />
      </Page>
    )
  }

  const save = async (andSubmit: boolean) => {
    setError(null)
    const e = draftErrors({ title, category, reason, suggestion })
    setErrors(e)
    if (Object.keys(e).length) return
    if (andSubmit && !(await confirm({ title: '提交提案', content: '提交后将编号并进入附议，不能再修改。确定提交吗？', confirmText: '确认提交' }))) return
    const body: DraftBody = { title: title.trim(), category: category!, reason: reason.trim(), suggestion: suggestion.trim() }
    setBusy(andSubmit ? '正在提交…' : '正在保存…')
    try {
      const id = proposalId ?? (await papi.create(sessionId!, body)).proposalId
      if (proposalId) await papi.edit(proposalId, body)
      if (andSubmit) await papi.submit(id)
      void Taro.showToast({ title: andSubmit ? '已提交' : '草稿已保存', icon: 'success' })
      // editing from the proposal's page: back to it (it reloads on show); else the proposal replaces the form
      if (proposalId && Taro.getCurrentPages().length > 1) await Taro.navigateBack()
      else await Taro.redirectTo({ url: PROPOSAL_ROUTES.detail(id) })
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Page testId="page-proposal-form">
      <View className="card">
        <Text className="hint">提案要一事一案：写清楚问题（案由）和可行的办法（建议）。草稿只有您自己看得到。</Text>
        <TextField label="标题" required value={title} onChange={setTitle} maxLength={60} placeholder="例如 改善教师午餐" error={errors.title} testId="draft-title" />
        <Field label="类别" required error={errors.category}>
          <ChoiceGroup choices={CATEGORY_CHOICES} value={category && CATEGORY_LABELS[category]} onChange={(c) => setCategory(categoryOf(c))} testId="draft-category" error={!!errors.category} />
        </Field>
        <TextField label="案由" required value={reason} onChange={setReason} multiline maxLength={2000} hint="存在什么问题、为什么要解决" error={errors.reason} testId="draft-reason" />
        <TextField label="建议" required value={suggestion} onChange={setSuggestion} multiline maxLength={2000} hint="具体怎么做" error={errors.suggestion} testId="draft-suggestion" />
        <FormFooter
          primary={{ text: '保存并提交', onClick: () => void save(true), testId: 'draft-submit' }}
          secondary={[{ text: '保存草稿', onClick: () => void save(false), testId: 'draft-save' }]}
          error={error}
          busy={busy}
          note="提交后将编号并进入附议。"
        />
      </View>
      {dialog}
    </Page>
  )
}
