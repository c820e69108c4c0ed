import Taro from '@tarojs/taro'

/** Storage that never throws (a full or unavailable storage must not break the app). */
export function readStorage<T>(key: string): T | undefined {
  try {
    const v = Taro.getStorageSync(key) as T | '' | undefined
    return v === '' || v === undefined || v === null ? undefined : (v as T)
  } catch {
    return undefined
  }
}

export function writeStorage(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    /* ignore */
  }
}

export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    /* ignore */
  }
}
