import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useRef } from 'react'
import Page from '../../components/Page'
import QrCode from '../../components/QrCode'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { memberCode } from '../../lib/eventsMore'
import { useMe } from '../../lib/session'
import './index.css'

/** 我的签到码: a large QR code of my member id, for 扫码签到 at the event. */
export default function CheckinCode() {
  const { me, error, reload } = useMe()
  const size = useMemo(() => {
    try {
      return Math.min(Taro.getSystemInfoSync().windowWidth, 480) * 0.8
    } catch {
      return 300
    }
  }, [])
  useBrightScreen()

  if (!me) {
    return <Page testId="page-checkin-code">{error ? <ErrorState error={error} onRetry={() => void reload()} /> : <LoadingState />}</Page>
  }
  const m = me.member
  return (
    <Page testId="page-checkin-code">
      <View className="card code__card">
        <Text className="code__name" data-testid="checkin-code-name">
          {m.name}
        </Text>
        <Text className="code__org">
          {m.orgName}
          {m.groupName ? ` · ${m.groupName}` : ''}
        </Text>
        <View className="code__qr">
          <QrCode text={memberCode(m.memberId)} size={size} testId="checkin-qr" />
        </View>
        <Text className="code__tip">活动当天，把这个码给工会委员扫一下就签到了。</Text>
        <Text className="hint code__hint">扫不上时，把手机亮度调高，或直接报姓名签到。</Text>
      </View>
    </Page>
  )
}

/** Mini-program: full brightness while the code is shown, the member's own brightness back afterwards. */
function useBrightScreen() {
  const before = useRef<number | null>(null)
  useDidShow(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    Taro.getScreenBrightness()
      .then((r) => {
        before.current = r.value
        return Taro.setScreenBrightness({ value: 1 })
      })
      .catch(() => undefined)
  })
  useDidHide(() => {
    if (process.env.TARO_ENV !== 'weapp' || before.current === null) return
    void Taro.setScreenBrightness({ value: before.current }).catch(() => undefined)
  })
}
