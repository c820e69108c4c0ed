import { CHOICE_LABELS, choicesOf, formatPermille, motionPassed, permille, quorumMet, type QuestionShape } from '@shared/domain/ballots'
import type { BallotStatus, QuestionResult } from '../../api/types'
import type { Tone } from '../../lib/events'
import { readStorage, writeStorage } from '../../lib/storage'

/** 表决's own pure helpers: receipts, status words, the result explained in Chinese. */

// ------------------------------------------------------------------ 回执

/** The device remembers its own receipt per ballot (never sent anywhere): one tap to check it later. */
export const receiptKey = (ballotId: string) => `staffhome.ballotReceipt.${ballotId}`
export const rememberReceipt = (ballotId: string, receipt: string) => writeStorage(receiptKey(ballotId), receipt)
export const myReceipt = (ballotId: string): string | undefined => readStorage<string>(receiptKey(ballotId))

/** The receipt in blocks of 4 characters, for reading it aloud or checking it by eye. */
export function receiptBlocks(receipt: string): string[] {
  const out: string[] = []
  for (let i = 0; i < receipt.length; i += 4) out.push(receipt.slice(i, i + 4))
  return out
}

/** What was typed or pasted, without the spaces of the blocks (and any other white space). */
export const cleanReceipt = (typed: string) => typed.replace(/\s+/g, '')

/**
 * Whether a typed or pasted receipt is in the published list: the exact string, or, when the
 * member typed it in another case, the one receipt that matches ignoring case.
 */
export function findReceipt(receipts: readonly string[], typed: string): boolean {
  const r = cleanReceipt(typed)
  if (!r) return false
  if (receipts.includes(r)) return true
  const lower = r.toLowerCase()
  return receipts.filter((x) => x.toLowerCase() === lower).length === 1
}

// ------------------------------------------------------------------ 状态

export const STATUS_TEXT: Record<BallotStatus, { text: string; tone: Tone }> = {
  draft: { text: '未开始', tone: 'muted' },
  open: { text: '投票中', tone: 'ok' },
  closed: { text: '已结束', tone: 'done' },
}

export const turnoutText = (voted: number, eligible: number) => `已投 ${voted} 人 / 应投 ${eligible} 人`

/** The electorate hash, short: its first 8 and last 4 characters. */
export const shortHash = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash)

// ------------------------------------------------------------------ 作答

export type AnswerMap = Record<string, string | string[]>

/** The answer to one question in words, for 核对: a choice, the chosen names, or 不选任何人. */
export function answerText(q: QuestionShape, a: string | string[] | undefined): string {
  if (a === undefined) return '未作答'
  if (Array.isArray(a)) {
    if (a.length === 0) return '不选任何人'
    const names = new Map((q.candidates ?? []).map((c) => [c.id, c.name]))
    return a.map((id) => names.get(id) ?? id).join('、')
  }
  return CHOICE_LABELS[a] ?? a
}

/** Ticks or unticks a candidate; refused (null) when that would pick more than the seats. */
export function toggleCandidate(picked: readonly string[], id: string, seats: number): string[] | null {
  if (picked.includes(id)) return picked.filter((x) => x !== id)
  if (picked.length >= seats) return null
  return [...picked, id]
}

// ------------------------------------------------------------------ 结果

export interface ResultLine {
  /** The choice or candidate id. */
  key: string
  label: string
  count: number
  /** Of the ballots cast, e.g. "33.3%". */
  share: string
  /** 当选 / 票数相同 (elections). */
  mark?: 'elected' | 'tied'
}

/** One question's rows, in the order of its choices (an election: its candidates as listed). */
export function resultLines(q: QuestionShape, r: QuestionResult, ballotsCast: number): ResultLine[] {
  const names = new Map((q.candidates ?? []).map((c) => [c.id, c.name]))
  const keys = [...choicesOf(q), ...Object.keys(r.counts).filter((k) => !choicesOf(q).includes(k))]
  return keys.map((key) => {
    const count = r.counts[key] ?? 0
    const mark = r.elected?.includes(key) ? 'elected' : r.tied?.includes(key) ? 'tied' : undefined
    return { key, label: names.get(key) ?? CHOICE_LABELS[key] ?? key, count, share: formatPermille(permille(count, ballotsCast)), mark }
  })
}

/** The quorum in words: 到会 (ballots cast) against 2/3 of the electorate. */
export function quorumText(ballotsCast: number, eligible: number): string {
  const need = Math.ceil((2 * eligible) / 3)
  return quorumMet(ballotsCast, eligible)
    ? `到会投票 ${ballotsCast} 人，达到应投 ${eligible} 人的三分之二（${need} 人），表决有效。`
    : `到会投票 ${ballotsCast} 人，不到应投 ${eligible} 人的三分之二（${need} 人），未达到法定人数，表决事项均不能通过。`
}

/** Why a motion passed or not, in Chinese: 赞成 must be more than half of the whole electorate. */
export function motionText(forCount: number, ballotsCast: number, eligible: number, passed = motionPassed(forCount, ballotsCast, eligible)): string {
  const need = Math.floor(eligible / 2) + 1
  if (passed) return `赞成 ${forCount} 票，超过应投 ${eligible} 人的半数（至少 ${need} 票），通过。`
  if (!quorumMet(ballotsCast, eligible)) return '投票人数未达到应投人数的三分之二，未通过。'
  return `赞成 ${forCount} 票，没有超过应投 ${eligible} 人的半数（至少 ${need} 票），未通过。`
}

/** An election's outcome in words: who is elected, and who must stand again in a runoff. */
export function electionText(q: QuestionShape, r: QuestionResult): string {
  const names = new Map((q.candidates ?? []).map((c) => [c.id, c.name]))
  const who = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join('、')
  const parts: string[] = []
  parts.push(r.elected && r.elected.length ? `当选：${who(r.elected)}。` : '没有人当选。')
  if (r.tied && r.tied.length) parts.push(`${who(r.tied)} 票数相同，需另行选举。`)
  parts.push('得票超过实投人数一半的才能当选。')
  return parts.join('')
}

export { formatPermille }
