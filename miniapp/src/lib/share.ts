import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'

/**
 * Mini-program: the page can be forwarded to a chat (the ··· menu and any `openType="share"` button)
 * with this title and path. The page's config needs `enableShareAppMessage: true`.
 */
export function usePageShare(title: string, path: string): void {
  useShareAppMessage(() => ({ title, path }))
  useEffect(() => {
    // WeChat's own option name is `menus` (Taro's type calls it showShareItems).
    const option = { withShareTicket: true, menus: ['shareAppMessage'] } as Taro.showShareMenu.Option
    Taro.showShareMenu(option).catch(() => undefined)
  }, [])
}
