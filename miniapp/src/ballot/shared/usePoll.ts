import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

/** Turnout and status refresh this often while the page is shown. */
export const POLL_MS = 5000

/** Calls `fn` every `ms` while `on` and the page is shown (stops when it is hidden or left). */
export function usePoll(fn: () => unknown, on: boolean, ms = POLL_MS): void {
  const [shown, setShown] = useState(true)
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    if (!on || !shown) return undefined
    const t = setInterval(() => void latest.current(), ms)
    return () => clearInterval(t)
  }, [on, shown, ms])
}
