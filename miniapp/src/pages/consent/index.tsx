import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import { useConfirm } from '../../components/Confirm'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { api } from '../../api'
import { errorMessage } from '../../api/client'
import { fetchMe, logout, useMe } from '../../lib/session'
import { ROUTES } from '../../lib/routes'
import './index.css'

/** 隐私说明: the server's text on what is kept, why, and who sees it; 同意并继续 records consent. */
export default function Consent() {
  const { me, error, reload } = useMe({ allowWithoutConsent: true })
  const [busy, setBusy] = useState(false)
  const [err, setErr] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()

  if (!me) {
    return <Page testId="page-consent">{error ? <ErrorState error={error} onRetry={reload} /> : <LoadingState />}</Page>
  }
  const { consent } = me

  const agree = async () => {
    setErr(null)
    setBusy(true)
    try {
      if (consent.required) await api.consent(consent.version)
      await fetchMe(true)
      await Taro.reLaunch({ url: ROUTES.home })
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const decline = async () => {
    const ok = await confirm({
      title: '暂不同意',
      content: '不同意隐私说明就无法使用教工之家，将退出登录。您可以以后再登录并同意。',
      confirmText: '退出登录',
      cancelText: '再看看',
    })
    if (ok) logout()
  }

  return (
    <Page testId="page-consent">
      <View className="card consent__card">
        <Text className="consent__title">隐私说明</Text>
        <Text className="hint">请您读完再决定。版本 {consent.version}</Text>
        <Text className="consent__text" data-testid="consent-text" userSelect>
          {consent.text}
        </Text>
      </View>
      {err && <View className="form-error">{err}</View>}
      <View className="actions">
        {consent.required ? (
          <>
            <BigButton onClick={() => void agree()} disabled={busy} testId="consent-agree">
              {busy ? '请稍候…' : '同意并继续'}
            </BigButton>
            <View className="consent__gap" />
            <BigButton type="default" onClick={() => void decline()} testId="consent-decline">
              暂不同意
            </BigButton>
          </>
        ) : (
          <BigButton type="default" onClick={() => void Taro.reLaunch({ url: ROUTES.home })} testId="consent-back">
            您已同意，返回首页
          </BigButton>
        )}
      </View>
      {dialog}
    </Page>
  )
}
