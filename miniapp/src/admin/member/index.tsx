import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import Page from '../../components/Page'
import BigSwitch from '../../components/BigSwitch'
import RoleTags from '../../components/RoleTags'
import Field from '../../components/Field'
import FormFooter from '../../components/FormFooter'
import TextField from '../../components/TextField'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { api } from '../../api/more'
import type { Me, Member, MemberList } from '../../api/types'
import { errorMessage } from '../../api/client'
import { useAsync } from '../../lib/useAsync'
import AdminGate from '../shared/NoAccess'
import { useAdmin } from '../shared/admin'
import { cachedRoster, findMember, loadRoster, markRosterDirty } from '../shared/roster'
import { PHONE_RE, changes, formOf, type Form } from '../shared/memberForm'
import { canReactivate, deactivation } from '../shared/memberActions'
import InviteDialog from '../shared/InviteDialog'
import { INVITE_DAYS, issueInvites, type IssuedInvite } from '../shared/invites'
import '../shared/admin.css'

export default function MemberEdit() {
  const admin = useAdmin()
  const { orgId, allowed } = admin
  const memberId = decodeURIComponent(useRouter().params.id ?? '')
  const roster = useAsync<MemberList>(
    async () => cachedRoster(orgId) ?? (await loadRoster(orgId)),
    [orgId],
    !!orgId && allowed,
  )

  if (!admin.me || !allowed) {
    return (
      <Page testId="page-member">
        <AdminGate loading={admin.loading} error={admin.error} allowed={allowed} onRetry={() => void admin.reload()} />
      </Page>
    )
  }
  return (
    <Page testId="page-member">
      <AsyncView
        data={roster.data}
        loading={roster.loading}
        error={roster.error}
        onRetry={() => void roster.reload()}
        isEmpty={(d) => !findMember(d, memberId)}
        empty={<EmptyState title="找不到这位会员" hint="可能已被删除，请返回花名册刷新。" />}
      >
        {(d) => <MemberForm key={memberId} list={d} member={findMember(d, memberId) as Member} actor={admin.me!.member} />}
      </AsyncView>
    </Page>
  )
}

function MemberForm({ list, member: listed, actor }: { list: MemberList; member: Member; actor: Me }) {
  // as the server last said: 恢复 changes it in place
  const [member, setMember] = useState(listed)
  const [reactivated, setReactivated] = useState(false)
  const initial = useMemo(() => formOf(listed), [listed])
  const [form, setForm] = useState<Form>(initial)
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [err, setErr] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const [invite, setInvite] = useState<IssuedInvite | null>(null)
  useEffect(() => setForm(initial), [initial])

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }))
    setErrors((e) => ({ ...e, [k]: undefined }))
  }
  const body = changes(initial, form)
  const stop = deactivation(actor, member)
  const dirty = Object.keys(body).length > 0

  const validate = (): boolean => {
    const e: Partial<Record<keyof Form, string>> = {}
    if (!form.name.trim()) e.name = '请填写姓名'
    else if (form.name.trim().length > 32) e.name = '姓名太长了'
    if (form.phone.trim() && !PHONE_RE.test(form.phone.trim())) e.phone = '手机号应为 11 位数字，例如 13812345678'
    if (form.isDelegate && form.delegateTerm.trim().length > 16) e.delegateTerm = '届次太长了，例如“第九届”'
    setErrors(e)
    return Object.keys(e).length === 0
  }

  const save = async () => {
    setErr(null)
    if (!validate()) return
    if (!dirty) {
      void Taro.showToast({ title: '没有需要保存的修改', icon: 'none' })
      return
    }
    setBusy('正在保存…')
    try {
      await api.updateMember(member.memberId, body)
      markRosterDirty()
      await Taro.showToast({ title: '已保存', icon: 'success' })
      setTimeout(() => void Taro.navigateBack().catch(() => undefined), 800)
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const deactivate = async () => {
    const ok = await confirm({
      title: '停用会员',
      content: `停用后，${member.name}将不能再登录，也不能报名、捐款和投票。已有的记录会保留。确定停用吗？`,
      confirmText: '确定停用',
      danger: true,
    })
    if (!ok) return
    setErr(null)
    setBusy('正在停用…')
    try {
      await api.deactivateMember(member.memberId)
      markRosterDirty()
      await Taro.showToast({ title: '已停用', icon: 'success' })
      setTimeout(() => void Taro.navigateBack().catch(() => undefined), 800)
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const reactivate = async () => {
    const ok = await confirm({
      title: '恢复会员',
      content: `恢复后，${member.name}可以重新登录，也能报名、捐款和投票。确定恢复吗？`,
      confirmText: '确定恢复',
    })
    if (!ok) return
    setErr(null)
    setBusy('正在恢复…')
    try {
      const r = await api.reactivateMember(member.memberId)
      markRosterDirty()
      setMember({ ...member, ...r.member })
      setReactivated(true)
      void Taro.showToast({ title: '已恢复', icon: 'success' })
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const makeInvite = async () => {
    const ok = await confirm({
      title: '生成邀请码',
      content: `将为${member.name}生成一个微信绑定邀请码，${INVITE_DAYS} 天内有效，只显示这一次。重新生成会让该成员之前的邀请码失效。`,
      confirmText: '生成',
    })
    if (!ok) return
    setErr(null)
    setBusy('正在生成邀请码…')
    try {
      const r = await issueInvites(member.orgId, [member.memberId])
      const mine = r.invites.find((i) => i.memberId === member.memberId)
      if (mine) setInvite(mine)
      else setErr('没有生成邀请码：这位会员可能已停用，请返回花名册刷新。')
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      {!member.active && (
        <View className="member__inactive" data-testid="member-inactive">
          这位会员已停用，不能登录。{canReactivate(actor, member) ? '' : '只有工会主席可以恢复。'}
        </View>
      )}
      {reactivated && member.active && (
        <View className="notice notice--ok" data-testid="member-reactivated">
          已恢复：{member.name}可以重新登录了。
        </View>
      )}
      <View className="card">
        <Text className="row__title">{member.name}</Text>
        <Text className="row__sub">{member.staffNo ? `工号 ${member.staffNo}` : '没有工号'}</Text>
        <RoleTags roles={member.roles} delegateTerm={member.delegateTerm} retired={member.retired} />
      </View>

      <View className="card">
        <TextField label="姓名" required value={form.name} maxLength={32} error={errors.name} onChange={(v) => set('name', v)} testId="member-name-input" />

        <Field label="工会小组">
          <View className="chips">
            {list.groups.map((g) => (
              <View
                key={g.groupId}
                className={`chip${form.groupId === g.groupId ? ' chip--on' : ''}`}
                onClick={() => set('groupId', g.groupId)}
                data-testid={`member-group-${g.groupId}`}
              >
                {g.name}
              </View>
            ))}
          </View>
        </Field>

        <TextField
          label="手机号（只有工会委员能看到）"
          type="number"
          value={form.phone}
          maxLength={11}
          placeholder="可以不填"
          error={errors.phone}
          onChange={(v) => set('phone', v)}
          testId="member-phone-input"
        />

        <View className="field field-row">
          <Text className="field__label">退休教职工</Text>
          <BigSwitch checked={form.retired} onChange={(v) => set('retired', v)} testId="member-retired-switch" label="退休教职工" />
        </View>

        <View className="field field-row">
          <Text className="field__label">教代会代表</Text>
          <BigSwitch checked={form.isDelegate} onChange={(v) => set('isDelegate', v)} testId="member-delegate-switch" label="教代会代表" />
        </View>
        {form.isDelegate && (
          <TextField
            label="代表届次"
            value={form.delegateTerm}
            maxLength={16}
            placeholder="例如 第九届"
            error={errors.delegateTerm}
            onChange={(v) => set('delegateTerm', v)}
            testId="member-term-input"
          />
        )}
      </View>

      <FormFooter
        error={err}
        busy={busy}
        primary={{ text: dirty ? '保存修改' : '没有修改', onClick: () => void save(), disabled: !dirty, testId: 'member-save' }}
        secondary={
          member.active
            ? [
                { text: '生成微信绑定邀请码', onClick: () => void makeInvite(), testId: 'member-invite' },
                ...(stop.allowed ? [{ text: '停用这位会员', onClick: () => void deactivate(), testId: 'member-deactivate', danger: true }] : []),
              ]
            : canReactivate(actor, member)
              ? [{ text: '恢复这位会员', onClick: () => void reactivate(), testId: 'member-reactivate' }]
              : []
        }
        note={member.active && !stop.allowed ? stop.why : undefined}
      />
      {dialog}
      <InviteDialog invite={invite} onClose={() => setInvite(null)} />
    </>
  )
}
