/**
 * H5 (browser tests, `npm start`): simulates the member's WeChat font size, which the browser has not got.
 *   ?wxfont=standard|plus1|plus2|plus3|plus4|plus5|care   one of WeChat's steps (README: 跟随微信字体大小)
 *   ?fontScale=1.4                                        any factor
 * put before the `#` of the address (http://127.0.0.1:8080/?wxfont=care#/pages/index/index). The choice is
 * kept for the browser tab (sessionStorage), so links inside the app keep it; `?wxfont=standard` ends it.
 */
export const WECHAT_FONT_STEPS: Record<string, number> = {
  standard: 1,
  plus1: 1.05,
  plus2: 1.1,
  plus3: 1.2,
  plus4: 1.3,
  plus5: 1.4,
  care: 1.4,
}

const KEY = 'staffhome.wxfont'

export function readWechatFont(): number {
  try {
    const q = new URLSearchParams(window.location.search)
    const step = q.get('wxfont')
    const given = q.get('fontScale') ?? (step !== null ? String(WECHAT_FONT_STEPS[step] ?? 1) : null)
    if (given !== null) window.sessionStorage.setItem(KEY, given)
    return Number(window.sessionStorage.getItem(KEY)) || 1
  } catch {
    return 1
  }
}
