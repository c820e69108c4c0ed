import type { Role } from '../api/types'

export { ROLE_LABELS } from '@shared/domain/roles'
import { ROLE_LABELS } from '@shared/domain/roles'
import { CHAIR, COMMITTEE, DISTRICT, LEADERS, TREASURER, hasAnyRole } from '@shared/domain/policy'

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

// Who may do what: the role sets the server's policy (shared/domain/policy.ts) grants each route.
type Roles = readonly Role[] | undefined
const holds = (roles: Roles, set: readonly Role[]) => !!roles && hasAnyRole({ roles }, set)

/** 工会委员 or 主席: publishes events, keeps the roster (the server's COMMITTEE routes). */
export const canManage = (roles: Roles) => holds(roles, COMMITTEE)

/** Reads sign-ups: the committee every group's, a group leader their own (GET /events/{id}/registrations). */
export const canSeeSignups = (roles: Roles) => holds(roles, LEADERS)

/** 操作记录: the chair only. */
export const isChair = (roles: Roles) => holds(roles, CHAIR)

/** 区教育工会管理员: reads the district's schools. */
export const isDistrictAdmin = (roles: Roles) => holds(roles, DISTRICT)

/** 财务: confirms or returns gifts (the server's TREASURER routes). */
export const isTreasurer = (roles: Roles) => holds(roles, TREASURER)
