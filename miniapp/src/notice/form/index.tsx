import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import Page from '../../components/Page'
import BigSwitch from '../../components/BigSwitch'
import TextField from '../../components/TextField'
import FormFooter from '../../components/FormFooter'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import { useAsync } from '../../lib/useAsync'
import { useMe } from '../../lib/session'
import { canManage } from '../../lib/roles'
import { ROUTES } from '../../lib/routes'
import { noticeApi, type NoticeView } from '../shared'
import '../notice.css'

/** 发布 or 修改 a notice (committee): title (≤60), body (≤5000), 置顶; confirmed before it reaches every member. */
export default function NoticeFormPage() {
  const { me, error, reload } = useMe()
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const data = useAsync(async () => (id ? noticeApi.get(id) : null), [id], !!me && canManage(me.member.roles))
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '修改通知' })
  }, [id])
  let body
  if (!me) body = error ? <ErrorState error={error} onRetry={() => void reload()} /> : <LoadingState />
  else if (!canManage(me.member.roles)) body = <EmptyState title="只有工会委员和主席可以发布通知" />
  else
    body = (
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()}>
        {(n) => <Form notice={n ?? undefined} orgId={me.member.orgId} />}
      </AsyncView>
    )
  return <Page testId="page-notice-form">{body}</Page>
}

function Form({ notice, orgId }: { notice?: NoticeView; orgId: string }) {
  const [title, setTitle] = useState(notice?.title ?? '')
  const [text, setText] = useState(notice?.body ?? '')
  const [pinned, setPinned] = useState(notice?.pinned ?? false)
  const [errors, setErrors] = useState<{ title?: string; body?: string }>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()

  const submit = async () => {
    setFormError(null)
    const problems = {
      title: !title.trim() ? '请填写通知标题' : title.trim().length > 60 ? '标题最多 60 个字' : undefined,
      body: !text.trim() ? '请填写通知内容' : text.trim().length > 5000 ? '内容最多 5000 个字' : undefined,
    }
    setErrors(problems)
    if (problems.title || problems.body) return
    const all = { title: title.trim(), body: text.trim(), pinned }
    const patch = notice ? Object.fromEntries(Object.entries(all).filter(([k, v]) => v !== notice[k as keyof typeof all])) : all
    if (notice && Object.keys(patch).length === 0) {
      setFormError('没有修改任何内容')
      return
    }
    const ok = await confirm({
      title: notice ? '保存修改' : '发布通知',
      content: notice ? `修改后全校会员看到的是新内容。确定保存“${all.title}”吗？` : `发布后全校会员都能看到“${all.title}”${pinned ? '（置顶）' : ''}。确定发布吗？`,
      confirmText: notice ? '保存' : '发布',
    })
    if (!ok) return
    setBusy(notice ? '正在保存…' : '正在发布…')
    try {
      const n = notice ? await noticeApi.edit(notice.noticeId, patch) : await noticeApi.create(orgId, all)
      setBusy(null)
      void Taro.showToast({ title: notice ? '已保存' : '已发布', icon: 'success' })
      // opened by id: a new notice may not be in the list's index yet
      if (notice) void Taro.navigateBack()
      else void Taro.redirectTo({ url: `${ROUTES.notice(n.noticeId)}&posted=1` })
    } catch (e) {
      setBusy(null)
      setFormError(errorMessage(e))
    }
  }

  return (
    <>
      <View className="card">
        <TextField label="标题" required value={title} onChange={(v) => (setTitle(v), setErrors((e) => ({ ...e, title: undefined })))} maxLength={60} placeholder="例如 关于开展教职工体检的通知" error={errors.title} testId="notice-title-input" />
        <TextField label="内容" required value={text} onChange={(v) => (setText(v), setErrors((e) => ({ ...e, body: undefined })))} multiline maxLength={5000} placeholder="时间、地点、要做什么" error={errors.body} testId="notice-body-input" />
        <View className="field-row nt-pin">
          <View>
            <Text className="field__label">置顶</Text>
            <Text className="hint">置顶的通知排在最前面</Text>
          </View>
          <BigSwitch checked={pinned} onChange={setPinned} testId="notice-pinned" label="置顶" />
        </View>
      </View>
      <FormFooter primary={{ text: notice ? '保存修改' : '发布', onClick: () => void submit(), testId: 'notice-submit' }} error={formError} busy={busy} note="通知发布后全校会员都能看到，首页会提示未读的通知。" />
      {dialog}
    </>
  )
}
