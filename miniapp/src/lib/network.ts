import Taro from '@tarojs/taro'

/** Mini-program: calls `cb(online)` whenever the phone's network comes or goes. Returns the unsubscribe. */
export function watchNetwork(cb: (online: boolean) => void): () => void {
  const handler = (r: { isConnected: boolean }) => cb(!!r.isConnected)
  try {
    Taro.onNetworkStatusChange(handler)
  } catch {
    return () => undefined
  }
  return () => {
    try {
      Taro.offNetworkStatusChange(handler)
    } catch {
      /* old base library: nothing to remove */
    }
  }
}

/** Whether the phone has a network now (true when it cannot tell). */
export async function isOnline(): Promise<boolean> {
  try {
    const r = await Taro.getNetworkType()
    return r.networkType !== 'none'
  } catch {
    return true
  }
}
