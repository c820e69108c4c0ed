import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { AID_CATEGORIES, AID_CATEGORY_LABELS, type AidCategory } from '@shared/domain/aid'
import { formatFen, parseYuan } from '@shared/domain/money'
import Page from '../../components/Page'
import ChoiceGroup from '../../components/ChoiceGroup'
import Field from '../../components/Field'
import FormFooter from '../../components/FormFooter'
import SearchBox from '../../components/SearchBox'
import TextField from '../../components/TextField'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, ErrorState, LoadingState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import { canManage } from '../../lib/roles'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { aidApi, AID_ROUTES, type MemberBrief } from '../api'
import '../aid.css'

const LABELS = AID_CATEGORIES.map((c) => AID_CATEGORY_LABELS[c])

/**
 * 申请困难补助: for myself, or (group leader: a member of my group; committee: anyone) put forward
 * for a colleague. Category, amount in yuan, reason; a confirmation; then to the case.
 */
export default function AidApply() {
  const forOther = useRouter().params.for === 'other'
  const { me, error: meError, reload: reloadMe } = useMe()
  const [who, setWho] = useState<MemberBrief | null>(null)
  const [category, setCategory] = useState<AidCategory | undefined>()
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()

  if (!me) return <Page testId="page-aid-apply">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  const orgId = me.member.orgId

  const submit = async () => {
    setError(null)
    const parsed = parseYuan(amount)
    const next = {
      who: forOther && !who ? '请选择为哪位会员申请' : undefined,
      category: category ? undefined : '请选择困难类别',
      amount: parsed.ok ? undefined : parsed.error,
      reason: reason.trim() ? undefined : '请写明困难情况',
    }
    setErrors(next)
    if (Object.values(next).some(Boolean) || !parsed.ok || !category) return
    const ok = await confirm({
      title: '确认提交',
      content: `${forOther ? `为 ${who!.name} ` : ''}申请${AID_CATEGORY_LABELS[category]}补助 ¥${formatFen(parsed.fen)}。提交后由工会委员会审批，仅工会主席和财务可见。`,
      confirmText: '提交申请',
      cancelText: '再想想',
    })
    if (!ok) return
    setBusy('正在提交申请…')
    try {
      const c = await aidApi.open(orgId, { category, requestedFen: parsed.fen, reason: reason.trim(), ...(forOther ? { memberId: who!.memberId } : {}) })
      void Taro.redirectTo({ url: AID_ROUTES.case(c.caseId) })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Page testId="page-aid-apply">
      <View className="card">
        <Text className="aid-privacy" data-testid="aid-privacy">
          仅工会主席和财务可见：您的申请不会出现在任何公开名单里，其他会员只看得到各类补助的人次和总金额
        </Text>
      </View>
      <View className="card">
        {forOther && <PickMember orgId={orgId} groupOnly={!canManage(me.member.roles)} groupId={me.member.groupId} value={who} onChange={setWho} error={errors.who} />}
        <Field label="困难类别" required error={errors.category}>
          <ChoiceGroup
            choices={LABELS}
            value={category ? AID_CATEGORY_LABELS[category] : undefined}
            onChange={(l) => setCategory(AID_CATEGORIES[LABELS.indexOf(l)])}
            testId="aid-category"
            error={!!errors.category}
          />
        </Field>
        <TextField label="申请金额（元）" required value={amount} onChange={setAmount} type="digit" placeholder="例如 3000" testId="aid-amount" error={errors.amount} short />
        <TextField label="困难情况" required value={reason} onChange={setReason} multiline maxLength={1000} placeholder="例如：家人住院手术，自付费用较多" testId="aid-reason" error={errors.reason} />
      </View>
      <FormFooter primary={{ text: '提交申请', onClick: () => void submit(), testId: 'aid-submit' }} error={error} busy={busy} note="工会委员会审批后，由财务发放。" />
      {dialog}
    </Page>
  )
}

/** 为谁申请: the school's members (a group leader: their group), searched by name. */
function PickMember({ orgId, groupOnly, groupId, value, onChange, error }: { orgId: string; groupOnly: boolean; groupId?: string; value: MemberBrief | null; onChange: (m: MemberBrief) => void; error?: string }) {
  const list = useAsync(async () => (await aidApi.members(orgId)).members.filter((m) => m.active !== false && (!groupOnly || m.groupId === groupId)), [orgId, groupOnly, groupId])
  const [q, setQ] = useState('')
  const shown = useMemo(() => (list.data ?? []).filter((m) => !q.trim() || m.name.includes(q.trim())).slice(0, 8), [list.data, q])
  return (
    <Field label="为哪位会员申请" required error={error}>
      {value && (
        <Text className="aid-big" data-testid="aid-who">
          {value.name}
        </Text>
      )}
      <SearchBox value={q} onChange={setQ} placeholder="输入姓名查找" testId="aid-who-search" />
      <AsyncView data={list.data} error={list.error} onRetry={() => void list.reload()} loadingText="正在加载会员…">
        {() => (
          <View>
            {shown.map((m) => (
              <View key={m.memberId} className="row row--tap" data-testid={`aid-who-${m.memberId}`} onClick={() => onChange(m)}>
                <View className="row__main">
                  <Text className="row__title">{m.name}</Text>
                </View>
                {value?.memberId === m.memberId && <Text className="row__chevron">✓</Text>}
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </Field>
  )
}
