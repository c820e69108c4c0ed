import { useSyncExternalStore } from 'react'
import { readStorage, writeStorage } from './storage'

const LARGE_TEXT_KEY = 'staffhome.largeText'

let largeText = readStorage<boolean>(LARGE_TEXT_KEY) === true
const listeners = new Set<() => void>()

function applyToDocument() {
  // H5: also mark <html>, so that things outside a page scale too: the title bar, the tab bar, toasts and
  // the date picker (lib/h5.css). In the mini-program those are WeChat's own, drawn by the app shell:
  // no style reaches them, so their type stays WeChat's size (the title text can change, not its size).
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.documentElement.classList.toggle('large-text', largeText)
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
