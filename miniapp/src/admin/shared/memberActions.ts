import { CHAIR, OFFICERS, hasAnyRole } from '@shared/domain/policy'
import type { Member } from '../../api/types'

type Who = Pick<Member, 'memberId' | 'roles'>

/**
 * Whether the server would let `actor` 停用 `target` (POST /members/{id}/deactivate): nobody stops
 * themselves, and only the chair stops an officer (chair, treasurer, committee). Otherwise why not.
 */
export function deactivation(actor: Who, target: Who): { allowed: true } | { allowed: false; why: string } {
  if (actor.memberId === target.memberId) return { allowed: false, why: '不能停用自己的账号。' }
  if (hasAnyRole(target, OFFICERS) && !hasAnyRole(actor, CHAIR)) return { allowed: false, why: '工会主席、工会委员和经审/财务，只有工会主席可以停用。' }
  return { allowed: true }
}

/** 恢复 (POST /members/{id}/reactivate): the chair, for a member who was stopped. */
export const canReactivate = (actor: Pick<Member, 'roles'>, target: Pick<Member, 'active'>) => !target.active && hasAnyRole(actor, CHAIR)
