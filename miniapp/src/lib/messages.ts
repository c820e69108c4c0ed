import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { api } from '../api'

/** The number of unread messages, shared by 我的 and the tab bar's red badge on 我的. */
let unread = 0
const listeners = new Set<() => void>()
const MINE_TAB = 4

/** Shows `n` as the unread count (我的, and the red badge on the 我的 tab). */
export function showUnread(n: number): void {
  unread = n
  listeners.forEach((l) => l())
  try {
    if (n > 0) void Taro.setTabBarBadge({ index: MINE_TAB, text: n > 99 ? '99+' : String(n) }).catch(() => undefined)
    else void Taro.removeTabBarBadge({ index: MINE_TAB }).catch(() => undefined)
  } catch {
    /* not on a tab page */
  }
}

export function useUnread(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => unread,
    () => unread,
  )
}

/** Asks the server how many messages are unread (quietly: a failure keeps the old number). */
export async function refreshUnread(): Promise<void> {
  try {
    const r = await api.messages()
    showUnread(r.unread)
  } catch {
    /* keep the badge as it was */
  }
}

export function clearUnread(): void {
  showUnread(0)
}
