/** H5: the browser's online / offline events. Returns the unsubscribe. */
export function watchNetwork(cb: (online: boolean) => void): () => void {
  if (typeof window === 'undefined') return () => undefined
  const on = () => cb(true)
  const off = () => cb(false)
  window.addEventListener('online', on)
  window.addEventListener('offline', off)
  return () => {
    window.removeEventListener('online', on)
    window.removeEventListener('offline', off)
  }
}

/** Whether the browser believes it is online. */
export async function isOnline(): Promise<boolean> {
  return typeof navigator === 'undefined' || navigator.onLine !== false
}
