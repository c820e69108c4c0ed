import { api } from '../../api/more'
import { exportXlsx } from '../../lib/exportXlsx'
import type { Group, Member, MemberList } from '../../api/types'
import { chinaDateTime } from '@shared/domain/chinaTime'

/** The roster last loaded, so the edit page opens at once; `dirty` asks the list to reload. */
let cache: { orgId: string; list: MemberList } | null = null
let dirty = false

export async function loadRoster(orgId: string): Promise<MemberList> {
  const list = await api.members(orgId)
  cache = { orgId, list }
  dirty = false
  return list
}

export function cachedRoster(orgId: string): MemberList | undefined {
  return cache?.orgId === orgId ? cache.list : undefined
}

export function markRosterDirty(): void {
  dirty = true
}

export function isRosterDirty(): boolean {
  return dirty
}

export function findMember(list: MemberList | undefined, memberId: string): Member | undefined {
  return list?.members.find((m) => m.memberId === memberId)
}

export function groupName(groups: Group[], groupId: string, fallback?: string): string {
  return groups.find((g) => g.groupId === groupId)?.name ?? fallback ?? '未分组'
}

const collator = (() => {
  try {
    return new Intl.Collator('zh-Hans-CN')
  } catch {
    return undefined
  }
})()

/** Active first; then by group name, then by name (pinyin order where the platform knows it). */
export function sortMembers(members: Member[], groups: Group[]): Member[] {
  const cmp = (a: string, b: string) => (collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0)
  return [...members].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      cmp(groupName(groups, a.groupId, a.groupName), groupName(groups, b.groupId, b.groupName)) ||
      cmp(a.name, b.name),
  )
}

export function todayStamp(d = new Date()): string {
  return chinaDateTime(d).date.replace(/-/g, '')
}

/** 导出花名册: every member of the school as an .xlsx named after the school and the day. */
export const exportRosterXlsx = (orgId: string, orgName: string) =>
  exportXlsx(api.rosterXlsxPath(orgId), `花名册-${orgName}-${todayStamp()}.xlsx`, '花名册已导出')
