/**
 * 签到 that keeps working without signal.
 *
 * Every check-in is first written to the phone (Taro storage) with a nonce and the time it
 * happened, then sent. What could not be sent stays as 待同步 and is sent later: when the network
 * comes back, when the check-in page opens, or when the organiser taps 同步. The server keeps the
 * first check-in of a member, so sending one twice never counts anyone twice; here a member is
 * queued at most once per event, too.
 */
import { useSyncExternalStore } from 'react'
import { api } from '../api'
import { ApiError, errorMessage, getToken } from '../api/client'
import type { CheckinBody, CheckinResult, EventView, RegistrationList } from '../api/types'
import { readStorage, removeStorage, writeStorage } from './storage'
import { chinaIso as isoWithOffset } from '@shared/domain/chinaTime'

export interface PendingCheckin {
  eventId: string
  memberId: string
  name: string
  nonce: string
  /** When the check-in happened on this phone (ISO with offset). */
  at: string
}

export interface FailedCheckin {
  eventId: string
  memberId: string
  name: string
  message: string
}

export interface CheckinState {
  pending: PendingCheckin[]
  failed: FailedCheckin[]
  /** Sent during this run of the app: `${eventId}|${memberId}` → checkedInAt. */
  synced: Record<string, string>
  syncing: boolean
  /** When the last attempt stopped for want of a network. */
  offlineSince: number | null
}

const PENDING_KEY = 'staffhome.checkins.pending'
const FAILED_KEY = 'staffhome.checkins.failed'
const ROSTER_KEY = (eventId: string) => `staffhome.checkins.roster.${eventId}`

let state: CheckinState = {
  pending: readStorage<PendingCheckin[]>(PENDING_KEY) ?? [],
  failed: readStorage<FailedCheckin[]>(FAILED_KEY) ?? [],
  synced: {},
  syncing: false,
  offlineSince: null,
}
const listeners = new Set<() => void>()

function set(next: Partial<CheckinState>) {
  state = { ...state, ...next }
  if (next.pending) writeStorage(PENDING_KEY, state.pending)
  if (next.failed) writeStorage(FAILED_KEY, state.failed)
  listeners.forEach((l) => l())
}

export function getCheckinState(): CheckinState {
  return state
}

export function subscribeCheckins(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function useCheckinState(): CheckinState {
  return useSyncExternalStore(subscribeCheckins, getCheckinState, getCheckinState)
}

export const checkinKey = (eventId: string, memberId: string) => `${eventId}|${memberId}`

/** 8–64 characters of [A-Za-z0-9_-], unique enough per phone and moment. */
export function makeNonce(now = Date.now()): string {
  let rnd = ''
  while (rnd.length < 12) rnd += Math.random().toString(36).slice(2)
  return `${now.toString(36)}-${rnd.slice(0, 12)}`
}

export function isPending(eventId: string, memberId: string, s: CheckinState = state): boolean {
  return s.pending.some((p) => p.eventId === eventId && p.memberId === memberId)
}

/** Writes a check-in to the phone; null when this member is already waiting to be sent. */
export function queueCheckin(eventId: string, memberId: string, name: string, now: Date = new Date()): PendingCheckin | null {
  if (isPending(eventId, memberId)) return null
  const item: PendingCheckin = { eventId, memberId, name, nonce: makeNonce(now.getTime()), at: isoWithOffset(now) }
  set({ pending: [...state.pending, item], failed: state.failed.filter((f) => !(f.eventId === eventId && f.memberId === memberId)) })
  return item
}

export interface SyncOutcome {
  sent: (CheckinResult & { eventId: string })[]
  failed: FailedCheckin[]
  /** Stopped because there is no network (or the server is unreachable / busy); the rest stays queued. */
  stopped: boolean
}

type Sender = (eventId: string, body: CheckinBody) => Promise<CheckinResult>

let running: Promise<SyncOutcome> | null = null

/** A refusal that will not change by trying again (the person is not confirmed, no permission ...). */
function isFinal(e: unknown): boolean {
  return e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 408 && e.status !== 429
}

/** Sends everything queued, oldest first; one run at a time (a second caller shares it). */
export function syncCheckins(send: Sender = (eventId, body) => api.checkin(eventId, body)): Promise<SyncOutcome> {
  if (running) return running
  if (!state.pending.length || !getToken()) return Promise.resolve({ sent: [], failed: [], stopped: false })
  running = (async () => {
    const outcome: SyncOutcome = { sent: [], failed: [], stopped: false }
    const tried = new Set<string>()
    set({ syncing: true })
    try {
      for (;;) {
        const next = state.pending.find((p) => !tried.has(p.nonce))
        if (!next) break
        tried.add(next.nonce)
        try {
          const r = await send(next.eventId, { memberId: next.memberId, nonce: next.nonce, at: next.at })
          outcome.sent.push({ ...r, eventId: next.eventId })
          markRosterCheckedIn(next.eventId, next.memberId, r.checkedInAt)
          set({
            pending: state.pending.filter((p) => p.nonce !== next.nonce),
            synced: { ...state.synced, [checkinKey(next.eventId, next.memberId)]: r.checkedInAt },
            offlineSince: null,
          })
        } catch (e) {
          if (!isFinal(e)) {
            outcome.stopped = true
            set({ offlineSince: state.offlineSince ?? Date.now() })
            break
          }
          const f: FailedCheckin = { eventId: next.eventId, memberId: next.memberId, name: next.name, message: errorMessage(e) }
          outcome.failed.push(f)
          set({ pending: state.pending.filter((p) => p.nonce !== next.nonce), failed: [...state.failed, f] })
        }
      }
    } finally {
      set({ syncing: false })
      running = null
    }
    return outcome
  })()
  return running
}

export function dismissFailed(eventId: string): void {
  set({ failed: state.failed.filter((f) => f.eventId !== eventId) })
}

// ---------------------------------------------------------------- the list, kept for offline use

export interface CachedRoster {
  savedAt: number
  event: EventView
  list: RegistrationList
}

export function readCachedRoster(eventId: string): CachedRoster | undefined {
  return readStorage<CachedRoster>(ROSTER_KEY(eventId))
}

export function saveCachedRoster(eventId: string, event: EventView, list: RegistrationList, now = Date.now()): void {
  writeStorage(ROSTER_KEY(eventId), { savedAt: now, event, list } satisfies CachedRoster)
}

export function forgetCachedRoster(eventId: string): void {
  removeStorage(ROSTER_KEY(eventId))
}

function markRosterCheckedIn(eventId: string, memberId: string, checkedInAt: string) {
  const c = readCachedRoster(eventId)
  if (!c) return
  const confirmed = c.list.confirmed.map((r) => (r.memberId === memberId && !r.checkedInAt ? { ...r, checkedInAt } : r))
  writeStorage(ROSTER_KEY(eventId), { ...c, list: { ...c.list, confirmed } })
}

/** After the server undid a check-in: this phone forgets it too, in the list kept for offline use as well. */
export function forgetCheckin(eventId: string, memberId: string): void {
  const c = readCachedRoster(eventId)
  if (c) {
    const confirmed = c.list.confirmed.map((r) => (r.memberId === memberId ? { ...r, checkedInAt: undefined } : r))
    writeStorage(ROSTER_KEY(eventId), { ...c, list: { ...c.list, confirmed } })
  }
  const { [checkinKey(eventId, memberId)]: _undone, ...synced } = state.synced
  set({ synced })
}

/** For tests: forget everything in memory (storage is the caller's). */
export function __resetCheckins(): void {
  state = {
    pending: readStorage<PendingCheckin[]>(PENDING_KEY) ?? [],
    failed: readStorage<FailedCheckin[]>(FAILED_KEY) ?? [],
    synced: {},
    syncing: false,
    offlineSince: null,
  }
  running = null
}
