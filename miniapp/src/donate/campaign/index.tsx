import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { formatFen, parseYuan } from '@shared/domain/money'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import BigSwitch from '../../components/BigSwitch'
import CampaignCard from '../../components/CampaignCard'
import FormFooter from '../../components/FormFooter'
import Modal from '../../components/Modal'
import NoOrphan from '../../components/NoOrphan'
import StatusTag from '../../components/StatusTag'
import TextField, { TextBox } from '../../components/TextField'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { api } from '../../api/more'
import { errorMessage } from '../../api/client'
import type { CampaignView, DonationView, HonorRoll } from '../../api/types'
import { sortCampaigns, yuan } from '../../lib/campaigns'
import { STATUS_TEXT } from '../status'
import { fmtDateTime } from '../../lib/events'
import { isTreasurer } from '../../lib/roles'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { newDonationId } from '../give'
import { rememberGift } from '../recent'
import './index.css'

interface Loaded {
  campaign: CampaignView
  roll: HonorRoll
  /** The treasurer's list of every gift (undefined for anyone else). */
  gifts?: DonationView[]
}

/** A campaign: its progress, 公示 and 捐款; the treasurer also confirms or returns each gift. */
export default function Campaign() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { me, error: meError, reload: reloadMe } = useMe()
  const treasurer = isTreasurer(me?.member.roles)
  const data = useAsync<Loaded>(
    async () => {
      const [campaign, roll, gifts] = await Promise.all([
        api.campaign(id),
        api.honorRoll(id),
        treasurer ? api.campaignDonations(id).then((r) => r.donations) : Promise.resolve(undefined),
      ])
      return { campaign, roll, gifts }
    },
    [id, treasurer],
    !!id && !!me,
  )
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!me) {
    return <Page testId="page-campaign">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  if (!id) return <Pick orgId={me.member.orgId} />
  return (
    <Page testId="page-campaign">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载捐款…">
        {(d) => (
          <>
            <CampaignCard c={d.campaign} />
            {d.campaign.school && (
              <View className="card" data-testid="campaign-school-totals">
                <Text className="cp-desc">
                  全区捐款，上面是全区合计。本校已确认 {yuan(d.campaign.school.confirmedFen)}，{d.campaign.school.donorCount} 人捐款；公示为本校名单。
                </Text>
              </View>
            )}
            {d.campaign.description && (
              <View className="card">
                <Text className="cp-desc">{d.campaign.description}</Text>
              </View>
            )}
            {d.campaign.state === 'open' ? <GiveForm campaign={d.campaign} onGiven={() => void data.reload()} /> : null}
            <Roll roll={d.roll} />
            {d.gifts && <Gifts campaignId={id} gifts={d.gifts} onChanged={() => void data.reload()} />}
          </>
        )}
      </AsyncView>
    </Page>
  )
}

/** Opened without a campaign (an old or cut link): the school's campaigns to choose from. */
function Pick({ orgId }: { orgId: string }) {
  const list = useAsync(async () => sortCampaigns((await api.campaigns(orgId)).campaigns), [orgId])
  return (
    <Page testId="page-campaign">
      <AsyncView
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在加载捐款活动…"
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="现在没有捐款活动" />}
      >
        {(cs) => (
          <>
            <Text className="section-title">请选择捐款活动</Text>
            {cs.map((c) => (
              <CampaignCard key={c.campaignId} c={c} link />
            ))}
          </>
        )}
      </AsyncView>
    </Page>
  )
}

/** 捐款: the amount in yuan, 匿名, a confirmation, then 已登记 / 已确认. */
function GiveForm({ campaign, onGiven }: { campaign: CampaignView; onGiven: () => void }) {
  const [amount, setAmount] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [done, setDone] = useState<DonationView | null>(null)
  const [dialog, confirm] = useConfirm()
  // One id per attempt: kept while the amount and 匿名 stay the same, so a retry counts once.
  const attempt = useRef<{ key: string; id: string } | null>(null)

  const submit = async () => {
    setError(null)
    const parsed = parseYuan(amount)
    if (!parsed.ok) {
      setFieldError(parsed.error)
      return
    }
    setFieldError(undefined)
    const ok = await confirm({
      title: '确认捐款',
      content: `向“${campaign.title}”捐款 ¥${formatFen(parsed.fen)}${anonymous ? '，公示时显示为“匿名”' : '，公示时显示您的姓名'}。`,
      confirmText: '确认捐款',
      cancelText: '再想想',
    })
    if (!ok) return
    const key = `${parsed.fen}:${anonymous}`
    if (!attempt.current || attempt.current.key !== key) attempt.current = { key, id: newDonationId() }
    setBusy('正在登记捐款…')
    try {
      const gift = await api.donate(campaign.campaignId, { donationId: attempt.current.id, amountFen: parsed.fen, anonymous })
      attempt.current = null
      rememberGift(gift)
      setDone(gift)
      setAmount('')
      onGiven()
    } catch (e) {
      setError(`${errorMessage(e)}（再点一次“捐款”，不会重复登记）`)
    } finally {
      setBusy(null)
    }
  }

  if (done) {
    const s = STATUS_TEXT[done.status]
    return (
      <View className="card" data-testid="give-done">
        <View className="cp-done__head">
          <Text className="cp-section">谢谢您的爱心</Text>
          <StatusTag text={s.text} tone={s.tone} testId="give-status" />
        </View>
        <Text className="cp-done__amount" data-testid="give-amount-done">
          {yuan(done.amountFen)}
          {done.anonymous ? '（匿名）' : ''}
        </Text>
        <Text className="hint">
          <NoOrphan text={done.status === 'confirmed' ? '财务已确认收到。' : '已登记。财务确认收到后，会出现在公示名单中。'} />
        </Text>
        <View className="actions">
          <BigButton type="default" onClick={() => setDone(null)} testId="give-again">
            再捐一笔
          </BigButton>
        </View>
      </View>
    )
  }
  return (
    <View className="card" data-testid="give-form">
      <Text className="cp-section">我要捐款</Text>
      <TextField
        label="金额（元）"
        type="digit"
        value={amount}
        onChange={(v) => {
          setAmount(v)
          setFieldError(undefined)
        }}
        placeholder="例如 50 或 50.5"
        hint="最多两位小数"
        error={fieldError}
        testId="give-amount"
      />
      <View className="field field-row">
        <View className="cp-anon">
          <Text className="field__label">匿名</Text>
          <Text className="hint">公示时显示为“匿名”</Text>
        </View>
        <BigSwitch checked={anonymous} onChange={setAnonymous} testId="give-anonymous" label="匿名" />
      </View>
      <FormFooter primary={{ text: '捐款', onClick: () => void submit(), testId: 'give-submit' }} error={error} busy={busy} />
      {dialog}
    </View>
  )
}

/** 公示: confirmed gifts, largest first; 匿名 as is. */
function Roll({ roll }: { roll: HonorRoll }) {
  return (
    <View className="card" data-testid="honor-roll">
      <View className="cp-done__head">
        <Text className="cp-section">公示名单</Text>
        <Text className="cp-total" data-testid="honor-total">
          合计 {yuan(roll.totalFen)}
        </Text>
      </View>
      {roll.entries.length === 0 ? (
        <Text className="hint">
          <NoOrphan text="财务确认收到的捐款会公示在这里。" />
        </Text>
      ) : (
        roll.entries.map((e, i) => (
          <View key={i} className="cp-row" data-testid={`honor-${i}`}>
            <Text className="cp-row__name">{e.name}</Text>
            <Text className="cp-row__money">{yuan(e.amountFen)}</Text>
          </View>
        ))
      )}
    </View>
  )
}

/** The treasurer's list: 确认 per gift, 全部确认 for the selection, 退回 with a reason; each asks first. */
function Gifts({ campaignId, gifts, onChanged }: { campaignId: string; gifts: DonationView[]; onChanged: () => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState<DonationView | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const waiting = gifts.filter((g) => g.status === 'recorded')
  const chosen = waiting.filter((g) => selected.has(g.donationId))

  const toggle = (donationId: string) =>
    setSelected((s) => {
      const n = new Set(s)
      if (n.has(donationId)) n.delete(donationId)
      else n.add(donationId)
      return n
    })

  const run = async (what: string, fn: () => Promise<string | null>) => {
    setError(null)
    setBusy(what)
    try {
      const problem = await fn()
      if (problem) setError(problem)
      setSelected(new Set())
      onChanged()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const confirmOne = async (g: DonationView) => {
    if (!(await confirm({ title: '确认收款', content: `确认已收到 ${g.name} 的 ${yuan(g.amountFen)}？确认后计入公示。`, confirmText: '确认收到' }))) return
    await run('正在确认…', async () => {
      await api.confirmDonation(g.donationId)
      return null
    })
  }
  const confirmChosen = async () => {
    const sum = chosen.reduce((a, g) => a + g.amountFen, 0)
    if (!(await confirm({ title: '全部确认', content: `确认已收到选中的 ${chosen.length} 笔，共 ${yuan(sum)}？`, confirmText: '全部确认' }))) return
    await run('正在确认…', async () => {
      const { results } = await api.confirmDonations(campaignId, chosen.map((g) => g.donationId))
      const failed = results.filter((r) => r.error)
      return failed.length ? `有 ${failed.length} 笔没有确认：${failed[0]!.error!.message}` : null
    })
  }
  const rejectNow = async () => {
    const g = rejecting
    if (!g) return
    if (!reason.trim()) {
      setReasonError('请填写退回原因')
      return
    }
    setReasonError(null)
    setRejecting(null)
    await run('正在退回…', async () => {
      await api.rejectDonation(g.donationId, reason.trim())
      return null
    })
    setReason('')
  }

  return (
    <View className="card" data-testid="gifts">
      <Text className="cp-section">捐款登记（财务）</Text>
      <Text className="hint">
        <NoOrphan text={`待确认 ${waiting.length} 笔。点一行可以选中，再点“全部确认”。`} />
      </Text>
      {gifts.length === 0 && <EmptyState title="还没有人捐款" />}
      {gifts.map((g) => {
        const s = STATUS_TEXT[g.status]
        const on = selected.has(g.donationId)
        return (
          <View key={g.donationId} className={`cp-gift${on ? ' cp-gift--on' : ''}`} data-testid={`gift-${g.donationId}`}>
            <View role={g.status === 'recorded' ? 'button' : undefined} className="cp-gift__main" onClick={g.status === 'recorded' ? () => toggle(g.donationId) : undefined} data-testid={`gift-select-${g.donationId}`}>
              {g.status === 'recorded' && <Text className="cp-gift__check">{on ? '☑' : '☐'}</Text>}
              <View className="cp-gift__text">
                <Text className="cp-row__name">
                  {g.name}
                  {g.anonymous ? '（匿名）' : ''}
                </Text>
                <Text className="hint">
                  {fmtDateTime(g.recordedAt)}
                  {g.recordedBy ? ` · ${g.recordedBy.name}代收` : ''}
                  {g.rejectReason ? ` · 退回：${g.rejectReason}` : ''}
                </Text>
              </View>
              <View className="cp-gift__right">
                <Text className="cp-row__money">{yuan(g.amountFen)}</Text>
                <StatusTag text={s.text} tone={s.tone} testId={`gift-status-${g.donationId}`} />
              </View>
            </View>
            {g.status !== 'rejected' && (
              <View className="actions-row cp-gift__actions">
                {g.status === 'recorded' && (
                  <BigButton onClick={() => void confirmOne(g)} testId={`gift-confirm-${g.donationId}`}>
                    确认
                  </BigButton>
                )}
                <BigButton
                  type="danger"
                  onClick={() => {
                    setError(null)
                    setRejecting(g)
                  }}
                  testId={`gift-reject-${g.donationId}`}
                >
                  退回
                </BigButton>
              </View>
            )}
          </View>
        )
      })}
      <FormFooter
        primary={{ text: `全部确认（已选 ${chosen.length} 笔）`, onClick: () => void confirmChosen(), testId: 'gifts-confirm-all', disabled: chosen.length === 0 }}
        error={error}
        busy={busy}
      />
      <Modal
        visible={!!rejecting}
        title="退回这笔捐款"
        footer={
          <>
            <BigButton type="default" onClick={() => setRejecting(null)} testId="reject-cancel">
              取消
            </BigButton>
            <BigButton type="danger" onClick={() => void rejectNow()} testId="reject-ok">
              确认退回
            </BigButton>
          </>
        }
      >
        <Text className="modal__text">
          {rejecting ? `${rejecting.name} 的 ${yuan(rejecting.amountFen)}。退回原因会告诉捐款人：` : ''}
        </Text>
        <TextBox value={reason} onChange={setReason} placeholder="例如：没收到钱" label="退回原因" maxLength={200} invalid={!!reasonError} testId="reject-reason" />
        {reasonError && (
          <Text className="field__error" data-testid="reject-error">
            {reasonError}
          </Text>
        )}
      </Modal>
      {dialog}
    </View>
  )
}
