import Taro, { useDidShow } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import './app.css'
import './lib/platform'
import { syncCheckins } from './lib/checkinQueue'
import { watchNetwork } from './lib/network'
import { followWechatFont } from './lib/prefs'
import { ROUTES, movedUrl } from './lib/routes'

// A link to a page that moved (an old notice, a chat it was forwarded to) opens the page at its new
// place; any other missing page lands on 首页. WeChat wants the redirect within this call.
Taro.onPageNotFound(({ path, query }) => {
  const url = movedUrl(path, query)
  if (url) void Taro.redirectTo({ url })
  else void Taro.switchTab({ url: ROUTES.home })
})

// Check-ins made without signal are sent as soon as the phone is online again, whatever page is open.
watchNetwork((online) => {
  if (online) void syncCheckins()
})
// ... and when the app starts again with some still waiting.
setTimeout(() => void syncCheckins(), 3000)

function App({ children }: PropsWithChildren) {
  // WeChat's font size, read again whenever the app is shown (it may have been changed in WeChat meanwhile)
  useDidShow(followWechatFont)
  // children: the page being shown
  return children
}

export default App
