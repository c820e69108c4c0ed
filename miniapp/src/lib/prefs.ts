import { useSyncExternalStore } from 'react'
import { readStorage, writeStorage } from './storage'
import { readWechatFont } from './wechatFont'

const LARGE_TEXT_KEY = 'staffhome.largeText'

let largeText = readStorage<boolean>(LARGE_TEXT_KEY) === true
const listeners = new Set<() => void>()

/** 大字模式's factor: every type size of app.css is multiplied by it (at least: see wechatScale). */
export const LARGE_TEXT_SCALE = 1.25

/**
 * The member's WeChat font size as the app uses it: WeChat's fontSizeScaleFactor, never below our own
 * standard type (already WeChat's 17 px or more) and at most double. Read at start and on every app show.
 */
export const clampScale = (f: number): number => Math.min(2, Math.max(1, Number(f) || 1))
let wechatScale = clampScale(readWechatFont())

function applyToDocument() {
  // H5: also mark <html>, so that things outside a page scale too: the title bar, the tab bar, toasts and
  // the date picker (lib/h5.css). In the mini-program those are WeChat's own, drawn by the app shell:
  // no style reaches them, so their type stays WeChat's size (the title text can change, not its size).
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    const html = document.documentElement
    html.classList.toggle('large-text', largeText)
    html.classList.toggle('wx-large', wechatScale >= LARGE_TEXT_SCALE)
  }
}
applyToDocument()

export function isLargeText(): boolean {
  return largeText
}

export function setLargeText(on: boolean): void {
  largeText = on
  writeStorage(LARGE_TEXT_KEY, on)
  applyToDocument()
  listeners.forEach((l) => l())
}

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** 大字模式: true when the member asked for larger type. */
export function useLargeText(): boolean {
  return useSyncExternalStore(subscribe, isLargeText, isLargeText)
}

/** Reads WeChat's font size again (the member may have changed it while the app was away). */
export function followWechatFont(): void {
  const f = clampScale(readWechatFont())
  if (f === wechatScale) return
  wechatScale = f
  applyToDocument()
  listeners.forEach((l) => l())
}

/** WeChat's font size as the app uses it now (1 at standard size). */
export const wechatTypeScale = () => wechatScale

/**
 * The style of a page's root (components/Page): `--wx` is the type scale without 大字模式, `--wx-l` with it
 * (app.css picks one by the `large-text` class), so 大字模式 is "at least 1.25×", on top of WeChat's size.
 * Nothing at WeChat's standard size.
 */
export const typeScaleStyle = (f: number): string | undefined => (f > 1 ? `--wx:${f};--wx-l:${Math.max(f, LARGE_TEXT_SCALE)}` : undefined)

export function useTypeScaleStyle(): string | undefined {
  return typeScaleStyle(useSyncExternalStore(subscribe, wechatTypeScale, wechatTypeScale))
}
