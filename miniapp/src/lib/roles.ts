import type { Role } from '../api/types'

export { ROLE_LABELS } from '@shared/domain/roles'
import { ROLE_LABELS } from '@shared/domain/roles'

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

/** 区教育工会管理员: reads the district's schools. */
export function isDistrictAdmin(roles: readonly Role[] | undefined): boolean {
  return !!roles && roles.includes('districtAdmin')
}
