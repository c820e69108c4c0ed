import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/** Calls `reload` whenever the page shows again (coming back from another page), not on its first show. */
export function useReloadOnShow(reload: () => unknown): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
