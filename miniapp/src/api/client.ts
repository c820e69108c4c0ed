import Taro from '@tarojs/taro'
import { readStorage, writeStorage, removeStorage } from '../lib/storage'
import { ROUTES } from '../lib/routes'

/** Base URL of the API, fixed at build time (see config/index.ts). */
export const apiBase: string = typeof API_BASE === 'string' ? API_BASE.replace(/\/+$/, '') : ''

export const TOKEN_KEY = 'staffhome.token'
export const NETWORK_ERROR_MESSAGE = '网络不给力，请稍后再试'

/** An error from the API (or the network), always with a Chinese message fit to show. */
export class ApiError extends Error {
  readonly code: string
  readonly status: number
  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

export function getToken(): string | undefined {
  return readStorage<string>(TOKEN_KEY)
}
export function setToken(token: string): void {
  writeStorage(TOKEN_KEY, token)
}
export function clearToken(): void {
  removeStorage(TOKEN_KEY)
}

const FALLBACK_MESSAGES: Record<number, [string, string]> = {
  400: ['INVALID_INPUT', '填写的内容有误，请检查后再试'],
  401: ['UNAUTHENTICATED', '登录已过期，请重新登录'],
  403: ['FORBIDDEN', '您没有权限进行此操作'],
  404: ['NOT_FOUND', '找不到相关内容'],
  409: ['CONFLICT', '操作与当前状态冲突，请刷新后再试'],
  413: ['TOO_LARGE', '内容太大，请减少后再试'],
  429: ['RATE_LIMITED', '操作太频繁，请稍后再试'],
}

function hasChinese(s: string): boolean {
  return /[\u4e00-\u9fff]/.test(s)
}

/** Turns any non-2xx answer into an ApiError with a Chinese message. */
export function toApiError(status: number, body: unknown): ApiError {
  const [fallbackCode, fallbackMessage] = FALLBACK_MESSAGES[status] ??
    (status >= 500 ? ['INTERNAL', '服务器开小差了，请稍后再试'] : ['UNKNOWN', `请求失败（${status}），请稍后再试`])
  let parsed = body
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed)
    } catch {
      /* not JSON */
    }
  }
  const err = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error
  const code = typeof err?.code === 'string' && err.code ? err.code : fallbackCode
  const message = typeof err?.message === 'string' && hasChinese(err.message) ? err.message : fallbackMessage
  return new ApiError(status, code, message)
}

let redirectingToLogin = false

/** Forget the session and show the login page (once, however many requests fail together). */
export function goToLogin(): void {
  clearToken()
  if (redirectingToLogin) return
  redirectingToLogin = true
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1]?.route ?? ''
  if (current.replace(/^\//, '') === ROUTES.login.replace(/^\//, '')) {
    redirectingToLogin = false
    return
  }
  Taro.reLaunch({ url: ROUTES.login }).finally(() => {
    redirectingToLogin = false
  })
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface RequestOptions {
  /** Send the bearer token (default true). */
  auth?: boolean
  /** Milliseconds (default 20 s). */
  timeout?: number
}

export function apiUrl(path: string): string {
  return `${apiBase}${path.startsWith('/') ? path : `/${path}`}`
}

export function authHeader(): Record<string, string> {
  const token = getToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/** Calls the API; resolves with the JSON body of a 2xx answer, rejects with an ApiError. */
export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const { auth = true, timeout = 20000 } = options
  if (!apiBase && process.env.TARO_ENV !== 'h5') {
    throw new ApiError(0, 'NOT_CONFIGURED', '尚未配置服务器地址，请联系管理员')
  }
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  if (auth) Object.assign(header, authHeader())
  let res: Taro.request.SuccessCallbackResult<string | Record<string, unknown> | ArrayBuffer>
  try {
    res = await Taro.request<string | Record<string, unknown> | ArrayBuffer>({
      url: apiUrl(path),
      method,
      data: body === undefined ? undefined : (body as Record<string, unknown>),
      header,
      timeout,
      dataType: 'json',
    })
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR_MESSAGE)
  }
  const status = res.statusCode
  if (status >= 200 && status < 300) return res.data as T
  const error = toApiError(status, res.data)
  if (status === 401 && auth) goToLogin()
  throw error
}

/** A message fit to show for anything thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return NETWORK_ERROR_MESSAGE
}
