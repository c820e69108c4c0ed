import { allowedActions, CATEGORY_LABELS, PROPOSAL_CATEGORIES, type ActorKind, type ProposalAction, type ProposalCategory, type ProposalStatus } from '@shared/domain/proposals'
import type { Role } from '../api/types'
import type { Tone } from '../lib/events'

/** The proposal sub-package's words and small rules of display (the lifecycle itself is shared/domain/proposals.ts). */

export const STATUS_TONES: Record<ProposalStatus, Tone> = {
  draft: 'muted',
  cosigning: 'wait',
  review: 'wait',
  accepted: 'ok',
  converted: 'done',
  rejected: 'bad',
  merged: 'done',
  answered: 'ok',
  done: 'done',
  withdrawn: 'muted',
}

export const CATEGORY_CHOICES = PROPOSAL_CATEGORIES.map((c) => CATEGORY_LABELS[c])
export const categoryOf = (label: string | undefined) => PROPOSAL_CATEGORIES.find((c) => CATEGORY_LABELS[c] === label)

const DAY = 86_400_000

/** 办理期限的倒计时: 还有 N 天, 今天到期, 已超期 N 天 (whole days, as the overdue list counts them). */
export function countdown(dueAt: string, now: number = Date.now()): { text: string; late: boolean } {
  const diff = Date.parse(dueAt) - now
  if (diff >= 0) {
    const days = Math.floor(diff / DAY)
    return { text: days === 0 ? '今天到期' : `还有 ${days} 天`, late: false }
  }
  const days = Math.floor(-diff / DAY)
  return { text: days === 0 ? '已到期' : `已超期 ${days} 天`, late: true }
}

/** 办复率 / 满意率 as a whole percent, or 暂无 with a zero denominator. */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '暂无' : `${Math.round(rate * 100)}%`)

/** Bar widths for the stats chart: each value as a share of the largest, at least a sliver when not zero. */
export function barWidths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values)
  return values.map((v) => (max === 0 || v === 0 ? 0 : Math.max(4, Math.round((v * 100) / max))))
}

/**
 * Who I am to this proposal, for each kind the server might see me as (a committee member who is
 * also its proposer acts as both), and the buttons the shared state machine allows them.
 */
export function myActions(
  p: { status: ProposalStatus; cosigners: number; proposer: { memberId: string } },
  me: { memberId: string; roles: readonly Role[] },
  cosignersNeeded = 0,
): Set<ProposalAction['type']> {
  const kinds: ActorKind[] = []
  if (me.roles.includes('committee') || me.roles.includes('chair')) kinds.push('committee')
  if (p.proposer.memberId === me.memberId) kinds.push('proposer')
  else if (me.roles.includes('delegate')) kinds.push('delegate')
  if (!kinds.length) kinds.push('member')
  const state = { status: p.status, cosigners: p.cosigners, cosignersNeeded, reopened: false }
  return new Set(kinds.flatMap((k) => allowedActions(state, k)))
}

export type DraftErrors = Partial<Record<'title' | 'category' | 'reason' | 'suggestion', string>>

/** What is missing, in Chinese, before anything is sent (the server checks again). */
export function draftErrors(f: { title: string; category?: ProposalCategory; reason: string; suggestion: string }): DraftErrors {
  const e: DraftErrors = {}
  if (!f.title.trim()) e.title = '请填写提案标题'
  else if (f.title.trim().length > 60) e.title = '标题最多 60 个字'
  if (!f.category) e.category = '请选择类别'
  if (!f.reason.trim()) e.reason = '请填写案由'
  if (!f.suggestion.trim()) e.suggestion = '请填写建议'
  return e
}


/** The co-signing rule of a session in words (its page, and the confirmation before it is opened). */
export const cosignWords = (n: number) => (n > 0 ? `每件提案需 ${n} 位代表附议` : '提交后直接进入审查，不需附议')
