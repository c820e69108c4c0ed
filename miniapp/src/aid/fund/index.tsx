import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AID_CATEGORY_LABELS, FUND_ENTRY_LABELS } from '@shared/domain/aid'
import { formatFen, parseYuan } from '@shared/domain/money'
import Page from '../../components/Page'
import ChoiceGroup from '../../components/ChoiceGroup'
import Field from '../../components/Field'
import FormFooter from '../../components/FormFooter'
import TextField from '../../components/TextField'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import { yuan } from '../../lib/campaigns'
import { fmtDateTime } from '../../lib/events'
import { isTreasurer } from '../../lib/roles'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { aidApi, type Ledger } from '../api'
import '../aid.css'

/** 互助金账目 (chair, treasurer): the balance, every entry newest first; the treasurer enters money in. */
export default function FundPage() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const orgId = me?.member.orgId ?? ''
  const data = useAsync<Ledger>(() => aidApi.ledger(orgId), [orgId], !!orgId)
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  if (!me) return <Page testId="page-aid-fund">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  return (
    <Page testId="page-aid-fund">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载账目…">
        {(l) => (
          <>
            <View className="card" data-testid="fund-balance">
              <Text className="aid-section">互助金余额</Text>
              <Text className="aid-big" data-testid="fund-balance-amount">
                {yuan(l.balanceFen)}
              </Text>
              <Text className="hint">
                共 {l.entryCount} 笔 · 拨入 {yuan(l.inFen)} · 补助 {yuan(l.outFen)}
                {l.sumFen === l.balanceFen ? ' · 与逐笔合计相符' : ` · 逐笔合计 ${yuan(l.sumFen)}，请联系管理员`}
              </Text>
            </View>
            {isTreasurer(me.member.roles) && <AddEntry orgId={orgId} first={l.entryCount === 0} onDone={() => void data.reload()} />}
            <View className="card" data-testid="fund-entries">
              <Text className="aid-section">账目明细</Text>
              {l.entries.length === 0 ? (
                <EmptyState title="还没有账目" hint="财务先登记期初余额" />
              ) : (
                l.entries.map((e) => (
                  <View key={e.entryId} className="aid-row" data-testid={`fund-entry-${e.entryId}`}>
                    <View className="aid-case__text">
                      <Text className="aid-row__name">
                        {FUND_ENTRY_LABELS[e.kind]}
                        {e.memberName ? ` · ${e.memberName}` : ''}
                        {e.category ? `（${AID_CATEGORY_LABELS[e.category]}）` : ''}
                      </Text>
                      <Text className="hint">
                        {fmtDateTime(e.at)} · {e.byName}
                        {e.note ? ` · ${e.note}` : ''}
                      </Text>
                    </View>
                    <Text className={`aid-row__money${e.deltaFen < 0 ? ' aid-row__money--out' : ''}`}>
                      {e.deltaFen < 0 ? '-' : '+'}
                      {yuan(e.amountFen)}
                    </Text>
                  </View>
                ))
              )}
            </View>
          </>
        )}
      </AsyncView>
    </Page>
  )
}

const KINDS = ['期初余额', '拨入'] as const

/** The treasurer's entry: the opening balance (only as the first entry) or an allocation in. */
function AddEntry({ orgId, first, onDone }: { orgId: string; first: boolean; onDone: () => void }) {
  const [kind, setKind] = useState<string>(first ? KINDS[0] : KINDS[1])
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const submit = async () => {
    setError(null)
    const parsed = parseYuan(amount)
    setFieldError(parsed.ok ? undefined : parsed.error)
    if (!parsed.ok) return
    const ok = await confirm({ title: '登记入账', content: `${kind} ¥${formatFen(parsed.fen)}。账目登记后不能修改。`, confirmText: '登记', cancelText: '再想想' })
    if (!ok) return
    setBusy('正在登记…')
    try {
      await aidApi.addEntry(orgId, { kind: kind === KINDS[0] ? 'opening' : 'allocation', amountFen: parsed.fen, ...(note.trim() ? { note: note.trim() } : {}) })
      setAmount('')
      setNote('')
      onDone()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return (
    <View className="card" data-testid="fund-add">
      <Text className="aid-section">登记入账</Text>
      {first && (
        <Field label="类别" required>
          <ChoiceGroup choices={KINDS} value={kind} onChange={setKind} testId="fund-kind" />
        </Field>
      )}
      <TextField label="金额（元）" required value={amount} onChange={setAmount} type="digit" testId="fund-amount" error={fieldError} short />
      <TextField label="说明" value={note} onChange={setNote} maxLength={200} placeholder="例如：工会经费拨入" testId="fund-note" />
      <FormFooter primary={{ text: '登记', onClick: () => void submit(), testId: 'fund-submit' }} error={error} busy={busy} />
      {dialog}
    </View>
  )
}
