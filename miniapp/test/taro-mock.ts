// The few Taro APIs the tested modules touch, as spies over an in-memory storage.
import { vi } from 'vitest'

const store = new Map<string, unknown>()

const Taro = {
  request: vi.fn(),
  getStorageSync: vi.fn((k: string) => (store.has(k) ? store.get(k) : '')),
  setStorageSync: vi.fn((k: string, v: unknown) => void store.set(k, v)),
  removeStorageSync: vi.fn((k: string) => void store.delete(k)),
  reLaunch: vi.fn(() => Promise.resolve()),
  getCurrentPages: vi.fn(() => [] as { route: string }[]),
  showToast: vi.fn(() => Promise.resolve()),
  showModal: vi.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  __store: store,
}

export default Taro
