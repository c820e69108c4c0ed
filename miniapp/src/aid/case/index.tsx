import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AID_CATEGORY_LABELS, AID_STATUS_LABELS } from '@shared/domain/aid'
import { formatFen, parseYuan } from '@shared/domain/money'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import FormFooter from '../../components/FormFooter'
import StatusTag from '../../components/StatusTag'
import TextField from '../../components/TextField'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import { yuan } from '../../lib/campaigns'
import { fmtDateTime } from '../../lib/events'
import { useAsync } from '../../lib/useAsync'
import { aidApi, AID_ROUTES, STATUS_TONE, type AidCase } from '../api'
import '../aid.css'

/** One aid case: what was asked and why, its decision and payment; the committee decides, the treasurer pays. */
export default function AidCasePage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const data = useAsync<AidCase>(() => aidApi.get(id), [id], !!id)
  // A committee member who is not the chair no longer sees a case once decided: they read what they did instead.
  const [decided, setDecided] = useState<AidCase | null>(null)
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  if (!id) {
    return (
      <Page testId="page-aid-case">
        <EmptyState title="没有找到这份申请" hint="请从“困难补助”页面进入" />
      </Page>
    )
  }
  if (decided) {
    return (
      <Page testId="page-aid-case">
        <View className="card" data-testid="aid-decided">
          <Text className="aid-section">{decided.status === 'declined' ? '已不予批准' : '已批准'}</Text>
          {decided.approvedFen !== undefined && <Text className="aid-big">{yuan(decided.approvedFen)}</Text>}
          <Text className="hint">{decided.status === 'declined' ? '原因已告知申请人。' : '交由财务发放。'}此后这份申请仅工会主席和财务可见。</Text>
          <View className="actions">
            <BigButton type="default" onClick={() => void Taro.navigateBack()} testId="aid-decided-back">
              返回
            </BigButton>
          </View>
        </View>
      </Page>
    )
  }
  return (
    <Page testId="page-aid-case">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载申请…">
        {(c) => (
          <>
            <View className="card" data-testid="aid-case">
              <View className="aid-case__head">
                <View className="aid-case__text">
                  <Text className="aid-section" data-testid="aid-case-name">
                    {c.name}
                  </Text>
                  <Text className="hint">
                    {AID_CATEGORY_LABELS[c.category]} · {fmtDateTime(c.createdAt)}
                    {c.selfApplied ? ' · 本人申请' : ` · ${c.proposedByName}提出`}
                  </Text>
                </View>
                <StatusTag text={AID_STATUS_LABELS[c.status]} tone={STATUS_TONE[c.status]} testId="aid-case-status" />
              </View>
              <View className="aid-row">
                <Text className="aid-row__name">申请金额</Text>
                <Text className="aid-row__money">{yuan(c.requestedFen)}</Text>
              </View>
              {c.approvedFen !== undefined && (
                <View className="aid-row">
                  <Text className="aid-row__name">批准金额{c.decidedByName ? `（${c.decidedByName}）` : ''}</Text>
                  <Text className="aid-row__money aid-row__money--out" data-testid="aid-case-approved">
                    {yuan(c.approvedFen)}
                  </Text>
                </View>
              )}
              {c.paidAt && (
                <View className="aid-row">
                  <Text className="aid-row__name">发放时间</Text>
                  <Text className="aid-row__money">{fmtDateTime(c.paidAt)}</Text>
                </View>
              )}
              <Text className="aid-reason">{c.reason}</Text>
              {c.status === 'declined' && (
                <Text className="field__error" data-testid="aid-case-decline-reason">
                  未批准原因：{c.declineReason ?? '未说明'}
                </Text>
              )}
              <Text className="hint aid-note">仅工会主席和财务可见，不会出现在任何公开名单里。</Text>
            </View>
            {c.canDecide && <Decide c={c} onDone={setDecided} />}
            {c.canPay && <Pay c={c} onDone={() => void data.reload()} />}
          </>
        )}
      </AsyncView>
    </Page>
  )
}

/** The committee: approve an amount (by default the amount asked), or decline with a reason. */
function Decide({ c, onDone }: { c: AidCase; onDone: (c: AidCase) => void }) {
  const [amount, setAmount] = useState(formatFen(c.requestedFen))
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()

  const run = async (what: string, call: () => Promise<AidCase>) => {
    setError(null)
    setBusy(what)
    try {
      onDone(await call())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  const approve = async () => {
    const parsed = parseYuan(amount)
    setErrors({ amount: parsed.ok ? undefined : parsed.error })
    if (!parsed.ok) return
    const ok = await confirm({ title: '批准补助', content: `批准给 ${c.name} ${AID_CATEGORY_LABELS[c.category]}补助 ¥${formatFen(parsed.fen)}。批准后由财务发放，不能撤回。`, confirmText: '批准', cancelText: '再想想' })
    if (ok) await run('正在批准…', () => aidApi.approve(c.caseId, parsed.fen))
  }
  const decline = async () => {
    setErrors({ reason: reason.trim() ? undefined : '请写明不予批准的原因' })
    if (!reason.trim()) return
    const ok = await confirm({ title: '不予批准', content: `不批准 ${c.name} 的申请，原因会告诉申请人。确定吗？`, confirmText: '不予批准', cancelText: '再想想', danger: true })
    if (ok) await run('正在提交…', () => aidApi.decline(c.caseId, reason.trim()))
  }
  return (
    <View className="card" data-testid="aid-decide">
      <Text className="aid-section">委员会审批</Text>
      <TextField label="批准金额（元）" required value={amount} onChange={setAmount} type="digit" testId="aid-approve-amount" error={errors.amount} short />
      <TextField label="不予批准的原因（不批准时填写）" value={reason} onChange={setReason} multiline maxLength={200} testId="aid-decline-reason" error={errors.reason} />
      <FormFooter
        primary={{ text: '批准', onClick: () => void approve(), testId: 'aid-approve' }}
        secondary={[{ text: '不予批准', onClick: () => void decline(), testId: 'aid-decline', danger: true }]}
        error={error}
        busy={busy}
        note="提出申请的人和申请人本人不能审批。"
      />
      {dialog}
    </View>
  )
}

/** The treasurer: pays the amount approved out of the fund (confirmed first). */
function Pay({ c, onDone }: { c: AidCase; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const pay = async () => {
    const ok = await confirm({ title: '确认发放', content: `从互助金发放 ¥${formatFen(c.approvedFen ?? 0)} 给 ${c.name}。发放后记入账目，不能撤回。`, confirmText: '确认发放', cancelText: '再想想' })
    if (!ok) return
    setError(null)
    setBusy('正在发放…')
    try {
      await aidApi.pay(c.caseId)
      onDone()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return (
    <View className="card" data-testid="aid-pay-card">
      <Text className="aid-section">财务发放</Text>
      <FormFooter
        primary={{ text: `发放 ${yuan(c.approvedFen ?? 0)}`, onClick: () => void pay(), testId: 'aid-pay' }}
        secondary={[{ text: '查看互助金账目', onClick: () => void Taro.navigateTo({ url: AID_ROUTES.fund }), testId: 'aid-pay-ledger' }]}
        error={error}
        busy={busy}
      />
      {dialog}
    </View>
  )
}
