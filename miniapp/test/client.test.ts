import { beforeEach, describe, expect, it, vi } from 'vitest'
import Taro from '@tarojs/taro'
import { ApiError, NETWORK_ERROR_MESSAGE, TOKEN_KEY, getToken, request, setToken, toApiError } from '../src/api/client'

const mock = Taro as unknown as {
  request: ReturnType<typeof vi.fn>
  reLaunch: ReturnType<typeof vi.fn>
  __store: Map<string, unknown>
}

beforeEach(() => {
  mock.__store.clear()
  mock.request.mockReset()
  mock.reLaunch.mockClear()
})

describe('api client', () => {
  it('calls API_BASE + path with the bearer token and returns the body', async () => {
    setToken('t-1')
    mock.request.mockResolvedValue({ statusCode: 200, data: { ok: 1 } })
    await expect(request('GET', '/me')).resolves.toEqual({ ok: 1 })
    const arg = mock.request.mock.calls[0]![0]
    expect(arg.url).toBe('/api/me')
    expect(arg.method).toBe('GET')
    expect(arg.header.Authorization).toBe('Bearer t-1')
  })

  it('sends no token to /auth and /dev routes', async () => {
    setToken('t-1')
    mock.request.mockResolvedValue({ statusCode: 200, data: { token: 'x' } })
    await request('POST', '/dev/login', { memberId: 'm-1' }, { auth: false })
    expect(mock.request.mock.calls[0]![0].header.Authorization).toBeUndefined()
    expect(mock.request.mock.calls[0]![0].data).toEqual({ memberId: 'm-1' })
  })

  it('maps {"error":{code,message}} to an ApiError with that code and Chinese message', async () => {
    mock.request.mockResolvedValue({ statusCode: 409, data: { error: { code: 'SIGNUP_CLOSED', message: '报名已截止' } } })
    const e = await request('POST', '/events/e1/registrations', {}).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({ status: 409, code: 'SIGNUP_CLOSED', message: '报名已截止' })
  })

  it('falls back to a Chinese message when the body has none (or no Chinese)', () => {
    expect(toApiError(403, { error: { code: 'FORBIDDEN', message: 'forbidden' } })).toMatchObject({ code: 'FORBIDDEN', message: '您没有权限进行此操作' })
    expect(toApiError(502, '<html>bad gateway</html>')).toMatchObject({ code: 'INTERNAL', message: '服务器开小差了，请稍后再试' })
    expect(toApiError(400, '{"error":{"code":"INVALID_INPUT","message":"姓名不能为空"}}')).toMatchObject({ code: 'INVALID_INPUT', message: '姓名不能为空' })
  })

  it('turns a network failure into 网络不给力', async () => {
    mock.request.mockRejectedValue({ errMsg: 'request:fail' })
    await expect(request('GET', '/me')).rejects.toMatchObject({ code: 'NETWORK', message: NETWORK_ERROR_MESSAGE })
  })

  it('on 401 forgets the token and goes to the login page', async () => {
    setToken('old')
    mock.request.mockResolvedValue({ statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '登录已过期' } } })
    await expect(request('GET', '/me')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    expect(getToken()).toBeUndefined()
    expect(mock.__store.has(TOKEN_KEY)).toBe(false)
    expect(mock.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })
})
