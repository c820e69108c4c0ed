import type { Role } from '../api/types'

/** Chinese names of roles (same words as ROLE_LABELS in shared/schemas/common.ts). */
export const ROLE_LABELS: Record<Role, string> = {
  member: '会员',
  groupLeader: '工会小组长',
  delegate: '教代会代表',
  committee: '工会委员',
  treasurer: '经审/财务',
  chair: '工会主席',
  districtAdmin: '区教育工会',
}

/** Most senior first, so the tag that matters most is read first. */
const ORDER: Role[] = ['chair', 'districtAdmin', 'committee', 'treasurer', 'delegate', 'groupLeader', 'member']

export function sortRoles(roles: readonly Role[]): Role[] {
  return [...new Set(roles)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))
}

export function roleLabel(role: Role, delegateTerm?: string): string {
  const label = ROLE_LABELS[role] ?? role
  if (role === 'delegate' && delegateTerm) return `${label}（${delegateTerm}）`
  return label
}

export function canManage(roles: readonly Role[] | undefined): boolean {
  return !!roles && (roles.includes('committee') || roles.includes('chair'))
}
