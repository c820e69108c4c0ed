import { afterEach, describe, expect, it, vi } from 'vitest'
import Taro from '@tarojs/taro'
import { readWechatFont as readH5, WECHAT_FONT_STEPS } from '../src/lib/wechatFont.h5'
import { readWechatFont as readWeapp } from '../src/lib/wechatFont'
import { clampScale, followWechatFont, typeScaleStyle, wechatTypeScale } from '../src/lib/prefs'

afterEach(() => {
  window.sessionStorage.clear()
  window.history.replaceState(null, '', '/')
  delete (Taro as unknown as Record<string, unknown>).getAppBaseInfo
})

describe('WeChat font size', () => {
  it('weapp: reads fontSizeScaleFactor; 1 without getAppBaseInfo, without the field, or when it throws', () => {
    expect(readWeapp()).toBe(1)
    Object.assign(Taro, { getAppBaseInfo: vi.fn(() => ({ fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 })) })
    expect(readWeapp()).toBe(1.4)
    Object.assign(Taro, { getAppBaseInfo: vi.fn(() => ({ fontSizeSetting: 17 })) })
    expect(readWeapp()).toBe(1)
    Object.assign(Taro, { getAppBaseInfo: vi.fn(() => { throw new Error('not supported') }) })
    expect(readWeapp()).toBe(1)
  })

  it('H5: ?wxfont= picks a WeChat step, ?fontScale= any factor; kept for the tab until ?wxfont=standard', () => {
    expect(readH5()).toBe(1)
    window.history.replaceState(null, '', '/?wxfont=care#/pages/index/index')
    expect(readH5()).toBe(1.4)
    window.history.replaceState(null, '', '/#/pages/mine/index') // a link inside the app: still 关怀模式
    expect(readH5()).toBe(1.4)
    window.history.replaceState(null, '', '/?wxfont=plus3')
    expect(readH5()).toBe(WECHAT_FONT_STEPS.plus3)
    window.history.replaceState(null, '', '/?fontScale=1.15')
    expect(readH5()).toBe(1.15)
    window.history.replaceState(null, '', '/?wxfont=standard')
    expect(readH5()).toBe(1)
    window.history.replaceState(null, '', '/?wxfont=nonsense')
    expect(readH5()).toBe(1)
  })

  it('the app never goes below its standard type and at most doubles it', () => {
    expect(clampScale(0.85)).toBe(1)
    expect(clampScale(Number.NaN)).toBe(1)
    expect(clampScale(1.4)).toBe(1.4)
    expect(clampScale(3)).toBe(2)
  })

  it('is read again when the app is shown (app.ts useDidShow): a change made in WeChat meanwhile is followed', () => {
    Object.assign(Taro, { getAppBaseInfo: vi.fn(() => ({ fontSizeScaleFactor: 1.4 })) })
    followWechatFont()
    expect(wechatTypeScale()).toBe(1.4)
    Object.assign(Taro, { getAppBaseInfo: vi.fn(() => ({ fontSizeScaleFactor: 1 })) })
    followWechatFont()
    expect(wechatTypeScale()).toBe(1)
  })

  it("the page root's style: WeChat's factor, and 大字模式 at least 1.25× on top of it; nothing at standard size", () => {
    expect(typeScaleStyle(1)).toBeUndefined()
    expect(typeScaleStyle(1.4)).toBe('--wx:1.4;--wx-l:1.4')
    expect(typeScaleStyle(1.1)).toBe('--wx:1.1;--wx-l:1.25')
  })
})
