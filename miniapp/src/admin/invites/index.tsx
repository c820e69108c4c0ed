import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import LoadingOverlay from '../../components/LoadingOverlay'
import { useConfirm } from '../../components/Confirm'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import AdminGate from '../shared/NoAccess'
import { useAdmin } from '../shared/admin'
import { loadRoster, todayStamp } from '../shared/roster'
import InviteCode from '../shared/InviteCode'
import { saveXlsxBase64 } from '../../lib/files'
import { INVITE_DAYS, fmtExpiry, inviteTargets, issueInvites, sortInvites, targetsText, type IssuedInvite } from '../shared/invites'
import type { MemberList } from '../../api/types'
import { useAsync } from '../../lib/useAsync'
import '../shared/admin.css'
import '../shared/invites.css'

type Phase = 'idle' | 'shown'

/** 微信绑定邀请码: the committee makes one 8-letter code per member not yet bound, shown once. */
export default function Invites() {
  const admin = useAdmin()
  const { orgId, allowed } = admin
  const [phase, setPhase] = useState<Phase>('idle')
  const [invites, setInvites] = useState<IssuedInvite[]>([])
  const [sheet, setSheet] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [err, setErr] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()
  const sorted = useMemo(() => sortInvites(invites), [invites])
  // who would get a code, counted before asking
  const roster = useAsync<MemberList>(() => loadRoster(orgId), [orgId], !!orgId && allowed)
  const targets = roster.data && admin.me ? inviteTargets(roster.data.members, admin.me.member.memberId) : undefined

  // Mini-program: codes on screen are lost on leaving, so ask before going back.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    try {
      if (phase === 'shown' && invites.length > 0) {
        void Taro.enableAlertBeforeUnload({ message: '离开后就看不到这些邀请码了。抄好或下载打印表了吗？' })
      } else {
        void Taro.disableAlertBeforeUnload()
      }
    } catch {
      /* older WeChat: no warning */
    }
  }, [phase, invites.length])

  if (!admin.me || !allowed) {
    return (
      <Page testId="page-invites">
        <AdminGate loading={admin.loading} error={admin.error} allowed={allowed} onRetry={() => void admin.reload()} />
      </Page>
    )
  }
  const orgName = admin.me.member.orgName

  const generate = async () => {
    if (!targets) return
    const ok = await confirm({
      title: '生成邀请码',
      content: `将为还没有绑定微信的 ${targetsText(targets)}成员，每人生成一个新的邀请码，${INVITE_DAYS} 天内有效。重新生成会让该成员之前的邀请码失效。`,
      confirmText: '生成',
    })
    if (!ok) return
    setErr(null)
    setBusy('正在生成邀请码…')
    try {
      const r = await issueInvites(orgId)
      setInvites(r.invites)
      setSheet(r.sheetBase64)
      setPhase('shown')
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  /** The sheet came with the codes (same answer): saving it issues nothing new. */
  const download = async () => {
    if (!sheet) return
    setErr(null)
    setBusy('正在保存打印表…')
    try {
      await saveXlsxBase64(sheet, `邀请码打印表-${orgName}-${todayStamp()}.xlsx`)
      void Taro.showToast({ title: '打印表已下载', icon: 'success' })
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const errorBox = err && (
    <View className="form-error" data-testid="invites-error">
      {err}
    </View>
  )

  let body: JSX.Element
  if (phase === 'idle') {
    body = (
      <>
        <Text className="section-title">怎样绑定微信</Text>
        <View className="card invites__how" data-testid="invites-how">
          <Step no={1} text="工会在这里为成员生成邀请码，每人一个 8 位码。" />
          <Step no={2} text="成员在微信里打开小程序，输入自己的 8 位邀请码即可绑定。" />
          <Step no={3} text={`每个码只能用一次，${INVITE_DAYS} 天内有效。`} />
        </View>
        <View className="notice" data-testid="invites-notice">
          邀请码只显示一次，请生成后马上抄下或下载打印表。重新生成会让该成员之前的邀请码失效。
        </View>
        {errorBox}
        <AsyncView data={targets} error={roster.error} onRetry={() => void roster.reload()} loadingText="正在统计还没绑定微信的成员…">
          {(t) => (
            <>
              <View className="card invites__who" data-testid="invites-who">
                <Text className="invites__who-line">
                  还没有绑定微信的成员：
                  <Text className="invites__who-count" data-testid="invites-count">
                    {t.count}
                  </Text>{' '}
                  位
                </Text>
                <Text className="hint">
                  {t.retired ? `其中退休教职工 ${t.retired} 位，也会拿到邀请码。` : '其中没有退休教职工。'}
                  已经绑定微信的、已停用的成员和您自己不会生成。
                </Text>
              </View>
              <View className="actions">
                {t.count > 0 ? (
                  <BigButton onClick={() => void generate()} disabled={!!busy} testId="invites-generate">
                    为这 {t.count} 位成员生成邀请码
                  </BigButton>
                ) : (
                  <View className="notice" data-testid="invites-none">
                    所有成员都已绑定微信，不用生成邀请码。
                  </View>
                )}
                <Text className="hint invites__hint">只给某一位成员生成：在花名册里点开这位成员。</Text>
              </View>
            </>
          )}
        </AsyncView>
      </>
    )
  } else if (invites.length === 0) {
    body = (
      <EmptyState
        title="所有成员都已绑定微信"
        hint="没有需要生成邀请码的成员。以后新导入的成员，再来这里生成。"
        action={
          <BigButton type="default" onClick={() => void Taro.navigateBack().catch(() => undefined)} testId="invites-back">
            返回
          </BigButton>
        }
      />
    )
  } else {
    const expiry = sorted[0] ? fmtExpiry(sorted[0].expiresAt) : ''
    body = (
      <>
        <View className="card" data-testid="invites-summary">
          <Text className="invites__summary-num">已生成 {invites.length} 个邀请码</Text>
          {expiry && <Text className="invites__summary-line">有效期至 {expiry}</Text>}
        </View>
        <View className="notice">离开本页后就看不到这些邀请码了。请现在抄下，或下载打印表打印后分发。</View>
        {errorBox}
        <View className="actions">
          <BigButton onClick={() => void download()} disabled={!!busy} testId="invites-download">
            下载打印表
          </BigButton>
        </View>
        <Text className="section-title">邀请码名单（按小组排列）</Text>
        <View className="list" data-testid="invites-list">
          {sorted.map((i) => (
            <View key={i.memberId} className="invite-row" data-testid={`invite-${i.memberId}`}>
              <View className="invite-row__who">
                <Text className="row__title">{i.name}</Text>
                <Text className="row__sub">{i.groupName ?? '未分组'}</Text>
              </View>
              <View className="invite-row__code">
                <InviteCode memberId={i.memberId} code={i.code} />
              </View>
            </View>
          ))}
        </View>
      </>
    )
  }

  return (
    <Page testId="page-invites">
      {body}
      <LoadingOverlay visible={!!busy} text={busy ?? ''} />
      {dialog}
    </Page>
  )
}

function Step({ no, text }: { no: number; text: string }) {
  return (
    <View className="invites__step">
      <Text className="invites__step-no">{no}</Text>
      <Text className="invites__step-text">{text}</Text>
    </View>
  )
}
