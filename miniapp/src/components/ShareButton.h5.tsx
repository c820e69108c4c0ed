import Taro from '@tarojs/taro'
import BigButton from './BigButton'

interface Props {
  title: string
  /** The page to open, e.g. /event/detail/index?id=… */
  path: string
  testId?: string
}

/** H5: copies 「title」 and a link to the page, to paste into a group chat. */
export default function ShareButton({ title, path, testId }: Props) {
  const copy = async () => {
    const url = `${window.location.origin}${window.location.pathname}#${path}`
    try {
      await Taro.setClipboardData({ data: `${title}\n${url}` })
      void Taro.showToast({ title: '链接已复制，可粘贴到微信群', icon: 'none', duration: 2500 })
    } catch {
      void Taro.showModal({ title: '请手动复制链接', content: url, showCancel: false, confirmText: '知道了' })
    }
  }
  return (
    <BigButton type="default" onClick={() => void copy()} testId={testId}>
      分享（复制链接）
    </BigButton>
  )
}
