import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import LoadingOverlay from '../../components/LoadingOverlay'
import { api } from '../../api'
import { errorMessage } from '../../api/client'
import { startSession } from '../../lib/session'
import './login.css'

const INVITE_RE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/

/** Mini-program login: Taro.login → /auth/wechat-login → token, or a binding step with the invite code. */
export default function LoginPanel() {
  const [step, setStep] = useState<'start' | 'bind'>('start')
  const [bindingToken, setBindingToken] = useState('')
  const [invite, setInvite] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const [err, setErr] = useState<string | null>(null)
  usePullDownRefresh(() => void Taro.stopPullDownRefresh())

  const wechatLogin = async () => {
    setErr(null)
    setBusy('正在登录…')
    try {
      const { code } = await Taro.login()
      const r = await api.wechatLogin(code)
      if ('token' in r) {
        await startSession(r.token)
      } else {
        setBindingToken(r.bindingToken)
        setStep('bind')
      }
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const bind = async () => {
    const code = invite.replace(/\s+/g, '').toUpperCase()
    if (!INVITE_RE.test(code)) {
      setErr('邀请码是 8 位字母或数字，请对照工会发的邀请码再输入一次')
      return
    }
    setErr(null)
    setBusy('正在绑定…')
    try {
      const { token } = await api.bind(bindingToken, code)
      await startSession(token)
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Page testId="page-login">
      <View className="login__head">
        <Text className="login__title">教工之家</Text>
        <Text className="login__sub">学校工会的活动、捐款、提案，都在这里</Text>
      </View>

      {step === 'start' ? (
        <View className="card">
          <Text className="login__lead">请用微信登录</Text>
          <Text className="hint">第一次登录时，需要输入工会发给您的邀请码。</Text>
          <View className="login__action">
            <BigButton onClick={() => void wechatLogin()} testId="wechat-login" disabled={!!busy}>
              微信一键登录
            </BigButton>
          </View>
        </View>
      ) : (
        <View className="card" data-testid="bind-step">
          <Text className="login__lead">绑定会员身份</Text>
          <Text className="hint">请输入工会发给您的 8 位邀请码（不区分大小写）。</Text>
          <View className="field">
            <Text className="field__label">邀请码</Text>
            <Input
              className={`field__input login__invite${err ? ' field__input--error' : ''}`}
              value={invite}
              maxlength={12}
              placeholder="例如 AB3CD4EF"
              nativeProps={{ 'aria-label': '邀请码' }}
              placeholderClass="login__placeholder"
              onInput={(e) => setInvite(e.detail.value)}
              onConfirm={() => void bind()}
              data-testid="invite-input"
            />
          </View>
          <View className="login__action">
            <BigButton onClick={() => void bind()} testId="bind-submit" disabled={!!busy}>
              绑定并登录
            </BigButton>
          </View>
          <View className="login__back" role="button" onClick={() => { setStep('start'); setErr(null) }}>
            <Text>重新开始</Text>
          </View>
        </View>
      )}
      {err && (
        <View className="form-error" data-testid="login-error">
          {err}
        </View>
      )}
      <LoadingOverlay visible={!!busy} text={busy ?? ''} />
    </Page>
  )
}
