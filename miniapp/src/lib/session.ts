import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { api } from '../api'
import { clearToken, getToken, setToken } from '../api/client'
import type { MeResult } from '../api/types'
import { ROUTES } from './routes'

let me: MeResult | null = null
let inflight: Promise<MeResult> | null = null
const listeners = new Set<() => void>()

function emit() {
  listeners.forEach((l) => l())
}

export function subscribeMe(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function getMe(): MeResult | null {
  return me
}

export function setMe(next: MeResult | null): void {
  me = next
  emit()
}

/** GET /me, shared by every page that asks at the same time. */
export function fetchMe(force = false): Promise<MeResult> {
  if (me && !force) return Promise.resolve(me)
  if (!inflight) {
    inflight = api
      .me()
      .then((r) => {
        setMe(r)
        return r
      })
      .finally(() => {
        inflight = null
      })
  }
  return inflight
}

export function logout(): void {
  clearToken()
  setMe(null)
  Taro.reLaunch({ url: ROUTES.login })
}

/** After any login: keep the token, load /me, then the privacy notice or the home page. */
export async function startSession(token: string): Promise<void> {
  setToken(token)
  const r = await fetchMe(true)
  if (r.consent.required) await Taro.reLaunch({ url: ROUTES.consent })
  else await Taro.reLaunch({ url: ROUTES.home })
}

export interface MeState {
  me: MeResult | null
  loading: boolean
  error: unknown
  reload: () => Promise<void>
}

/**
 * The signed-in member for a page: sends to login without a token, to the privacy notice while
 * consent is still required (unless `allowWithoutConsent`).
 */
export function useMe(options: { allowWithoutConsent?: boolean } = {}): MeState {
  const current = useSyncExternalStore(subscribeMe, getMe, getMe)
  const [loading, setLoading] = useState(!current)
  const [error, setError] = useState<unknown>(null)

  const load = useCallback(
    async (force: boolean) => {
      if (!getToken()) {
        Taro.reLaunch({ url: ROUTES.login })
        return
      }
      setLoading(true)
      setError(null)
      try {
        const r = await fetchMe(force)
        if (r.consent.required && !options.allowWithoutConsent) {
          Taro.reLaunch({ url: ROUTES.consent })
        }
      } catch (e) {
        setError(e)
      } finally {
        setLoading(false)
      }
    },
    [options.allowWithoutConsent],
  )

  useEffect(() => {
    void load(false)
  }, [load])

  const reload = useCallback(() => load(true), [load])
  return { me: current, loading: loading && !current, error: current ? null : error, reload }
}
