import type { IssueInvitesResult } from '@shared/schemas/member'
import type { Member } from '../../api/types'
import { request } from '../../api/client'
import { chinaDateTime, chinaParts } from '@shared/domain/chinaTime'

/** 微信绑定邀请码 (POST /orgs/{orgId}/invites): codes are shown once; a newer code voids the older one. */
export type IssuedInvite = IssueInvitesResult['invites'][number]
export type InviteList = IssueInvitesResult

/** How long a code stays valid (the server's INVITE_TTL_DAYS). */
export const INVITE_DAYS = 14

export const invitesPath = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}/invites`

/**
 * Who gets a code when no list is sent, as the server picks them: active members (retirees too) who
 * have not bound WeChat, never the one asking (already signed in).
 */
export function inviteTargets(members: readonly Member[], callerId: string): { count: number; retired: number } {
  const targets = members.filter((m) => m.active && !m.wechatBound && m.memberId !== callerId)
  return { count: targets.length, retired: targets.filter((m) => m.retired).length }
}

/** The same in words: 23 位（其中退休教职工 5 位） */
export const targetsText = (t: { count: number; retired: number }) => `${t.count} 位${t.retired ? `（其中退休教职工 ${t.retired} 位）` : ''}`

/** No memberIds: every active member not yet bound to WeChat, except the caller (inviteTargets). */
export function issueInvites(orgId: string, memberIds?: string[]): Promise<InviteList> {
  return request<InviteList>('POST', invitesPath(orgId), memberIds ? { memberIds } : {}, { timeout: 60000 })
}

/** `ABCD` `EFGH`: shown apart so the eye can hold four letters at a time. */
export function codeHalves(code: string): [string, string] {
  return [code.slice(0, 4), code.slice(4)]
}

/** `12月9日 14:03` (with the year when it is not this year). */
export function fmtExpiry(iso: string, now: Date = new Date()): string {
  if (Number.isNaN(new Date(iso).getTime())) return ''
  const [d, today] = [chinaParts(iso), chinaParts(now)]
  const year = d.year !== today.year ? `${d.year}年` : ''
  return `${year}${d.month}月${d.day}日 ${chinaDateTime(iso).time}`
}

const collator = (() => {
  try {
    return new Intl.Collator('zh-Hans-CN')
  } catch {
    return undefined
  }
})()

/** By group, then name: the order the slips are handed out in. */
export function sortInvites(invites: readonly IssuedInvite[]): IssuedInvite[] {
  const cmp = (a: string, b: string) => (collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0)
  return [...invites].sort((a, b) => cmp(a.groupName ?? '\uffff', b.groupName ?? '\uffff') || cmp(a.name, b.name))
}

/** What the committee member pastes into a WeChat chat with the teacher. */
export function inviteMessage(invite: Pick<IssuedInvite, 'name' | 'code' | 'expiresAt'>, now: Date = new Date()): string {
  return `${invite.name}老师您好！您的“教工之家”微信绑定邀请码是：${invite.code}（${fmtExpiry(invite.expiresAt, now)}前有效，只能用一次）。请在微信里打开“教工之家”小程序，输入这 8 位邀请码即可绑定。`
}
