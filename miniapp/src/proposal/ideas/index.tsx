import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CATEGORY_LABELS, type ProposalCategory } from '@shared/domain/proposals'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import BigSwitch from '../../components/BigSwitch'
import ChoiceGroup from '../../components/ChoiceGroup'
import Field from '../../components/Field'
import FormFooter from '../../components/FormFooter'
import Modal from '../../components/Modal'
import StatusTag from '../../components/StatusTag'
import TextField, { TextBox } from '../../components/TextField'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import type { IdeaList, IdeaView } from '../../api/types'
import { fmtDateTime } from '../../lib/events'
import { exportXlsx } from '../../lib/exportXlsx'
import { canManage } from '../../lib/roles'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { papi } from '../api'
import { CATEGORY_CHOICES, categoryOf } from '../labels'
import '../proposal.css'

/** 金点子 (我为学校发展献一计): anyone sends one; everyone reads them; the committee replies, 采纳 and 评优. */
export default function Ideas() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const orgId = me?.member.orgId ?? ''
  const list = useAsync<IdeaList>(() => papi.ideas(orgId), [orgId], !!orgId)
  const [writing, setWriting] = useState(false)
  // What this phone just sent or changed, answered by the server: shown at once, whatever the list's index lag.
  const [fresh, setFresh] = useState<Record<string, IdeaView>>({})
  const remember = (i: IdeaView) => setFresh((f) => ({ ...f, [i.ideaId]: i }))
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => orgId && list.reload())

  if (!me) {
    return <Page testId="page-ideas">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  const committee = canManage(me.member.roles)
  return (
    <Page testId="page-ideas">
      {writing ? (
        <SendForm
          orgId={orgId}
          onClose={(sent) => {
            setWriting(false)
            if (sent) {
              remember(sent)
              void list.reload()
            }
          }}
        />
      ) : (
        <>
          <View className="actions">
            <BigButton onClick={() => setWriting(true)} testId="idea-new">
              ＋ 我为学校发展献一计
            </BigButton>
          </View>
          {committee && (
            <View className="actions">
              <BigButton type="default" onClick={() => void exportXlsx(papi.ideasXlsxPath(orgId), '金点子.xlsx', '金点子已导出')} testId="ideas-export">
                导出金点子
              </BigButton>
            </View>
          )}
        </>
      )}
      <AsyncView
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在加载金点子…"
        isEmpty={(d) => merge(d, fresh).ideas.length === 0}
        empty={<EmptyState title="还没有金点子" hint="对学校发展有好想法？点上方按钮提出来。" />}
      >
        {(all) => {
          const d = merge(all, fresh)
          return (
          <>
            <Text className="section-title" data-testid="ideas-summary">{`共 ${d.total} 条 · 已采纳 ${d.adopted} 条 · 优秀 ${d.best} 条`}</Text>
            {d.ideas.map((i) => (
              <IdeaCard
                key={i.ideaId}
                idea={i}
                committee={committee}
                onChanged={(next) => {
                  remember(next)
                  void list.reload()
                }}
              />
            ))}
          </>
          )
        }}
      </AsyncView>
    </Page>
  )
}

/** The list with what this phone knows to be newer: ideas it sent that the index does not show yet, ideas it changed. */
function merge(list: IdeaList, fresh: Record<string, IdeaView>): IdeaList {
  const listed = new Set(list.ideas.map((i) => i.ideaId))
  const added = Object.values(fresh).filter((i) => !listed.has(i.ideaId))
  const ideas = [...added.sort((a, b) => b.createdAt.localeCompare(a.createdAt)), ...list.ideas.map((i) => fresh[i.ideaId] ?? i)]
  return { ...list, ideas, total: ideas.length, adopted: ideas.filter((i) => i.adopted).length, best: ideas.filter((i) => i.best).length }
}

function SendForm({ orgId, onClose }: { orgId: string; onClose: (sent: IdeaView | null) => void }) {
  const [title, setTitle] = useState('')
  const [category, setCategory] = useState<ProposalCategory | undefined>()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const send = async () => {
    setError(null)
    if (!title.trim()) return setError('请填写金点子标题')
    if (!category) return setError('请选择类别')
    if (!text.trim()) return setError('请填写具体内容')
    if (!(await confirm({ title: '提交金点子', content: '提交后全校教职工都能看到，工会委员会会回复。', confirmText: '确认提交' }))) return
    setBusy('正在提交…')
    try {
      const sent = await papi.sendIdea(orgId, { title: title.trim(), category, text: text.trim() })
      void Taro.showToast({ title: '已提交，谢谢您', icon: 'success' })
      onClose(sent)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return (
    <View className="card" data-testid="idea-form">
      <Text className="pp-h">我为学校发展献一计</Text>
      <TextField label="标题" required value={title} onChange={setTitle} maxLength={60} testId="idea-title" />
      <Field label="类别" required>
        <ChoiceGroup choices={CATEGORY_CHOICES} value={category && CATEGORY_LABELS[category]} onChange={(c) => setCategory(categoryOf(c))} testId="idea-category" />
      </Field>
      <TextField label="具体内容" required value={text} onChange={setText} multiline maxLength={2000} testId="idea-text" />
      <FormFooter
        primary={{ text: '提交', onClick: () => void send(), testId: 'idea-submit' }}
        secondary={[{ text: '取消', onClick: () => onClose(null), testId: 'idea-cancel' }]}
        error={error}
        busy={busy}
      />
      {dialog}
    </View>
  )
}

/** One idea; the committee's 回复 (with 采纳) and 评优 open a dialog each. */
function IdeaCard({ idea, committee, onChanged }: { idea: IdeaView; committee: boolean; onChanged: (next: IdeaView) => void }) {
  const [open, setOpen] = useState<'reply' | 'best' | null>(null)
  const [text, setText] = useState('')
  const [adopted, setAdopted] = useState(idea.adopted)
  const [term, setTerm] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    setError(null)
    if (open === 'reply' && !text.trim()) return setError('请填写回复')
    if (open === 'best' && !idea.best && !term.trim()) return setError('请填写学期，例如 2026秋季学期')
    setBusy(true)
    try {
      const next = open === 'reply' ? await papi.replyIdea(idea.ideaId, text.trim(), adopted) : await papi.bestIdea(idea.ideaId, idea.best?.term ?? term.trim(), !idea.best)
      setOpen(null)
      setText('')
      onChanged(next)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card" data-testid={`idea-${idea.ideaId}`}>
      <Text className="pp-title">{idea.title}</Text>
      <Text className="hint">{`${CATEGORY_LABELS[idea.category]} · ${idea.author.name} · ${fmtDateTime(idea.createdAt)}`}</Text>
      {(idea.adopted || idea.best) && (
        <View className="pp-tags">
          {idea.adopted && <StatusTag text="已采纳" tone="ok" testId={`idea-adopted-${idea.ideaId}`} />}
          {idea.best && <StatusTag text={`优秀（${idea.best.term}）`} tone="done" testId={`idea-best-${idea.ideaId}`} />}
        </View>
      )}
      <Text className="pp-text" style={{ marginTop: '16px' }}>
        {idea.text}
      </Text>
      {idea.reply && (
        <Text className="pp-note" data-testid={`idea-reply-${idea.ideaId}`}>{`工会回复（${idea.reply.byName}）：${idea.reply.text}`}</Text>
      )}
      {committee && (
        <View className="actions-row" style={{ marginTop: '24px' }}>
          <BigButton type="default" onClick={() => setOpen('reply')} testId={`idea-reply-open-${idea.ideaId}`}>
            回复
          </BigButton>
          <BigButton type="default" onClick={() => setOpen('best')} testId={`idea-best-open-${idea.ideaId}`}>
            {idea.best ? '取消评优' : '评优'}
          </BigButton>
        </View>
      )}
      <Modal
        visible={!!open}
        title={open === 'reply' ? '回复金点子' : idea.best ? '取消评优' : '评为优秀金点子'}
        footer={
          <>
            <BigButton type="default" onClick={() => setOpen(null)} testId="idea-modal-cancel">
              取消
            </BigButton>
            <BigButton onClick={() => void send()} disabled={busy} testId="idea-modal-ok">
              确定
            </BigButton>
          </>
        }
      >
        {open === 'reply' ? (
          <>
            <Text className="modal__text">回复会告诉提出人，全校可见。</Text>
            <TextBox value={text} onChange={setText} multiline maxLength={1000} placeholder="回复内容" testId="idea-reply-text" />
            <View className="field-row" style={{ marginTop: '16px' }}>
              <Text className="field__label">采纳</Text>
              <BigSwitch checked={adopted} onChange={setAdopted} testId="idea-adopt" label="采纳" />
            </View>
          </>
        ) : idea.best ? (
          <Text className="modal__text">{`不再把它列为${idea.best.term}的优秀金点子？`}</Text>
        ) : (
          <>
            <Text className="modal__text">评为哪个学期的优秀金点子？提出人会收到通知。</Text>
            <TextBox value={term} onChange={setTerm} maxLength={30} placeholder="例如 2026秋季学期" testId="idea-term" />
          </>
        )}
        {error && (
          <Text className="field__error" data-testid="idea-modal-error">
            {error}
          </Text>
        )}
      </Modal>
    </View>
  )
}
