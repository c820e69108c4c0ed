import type { Member, UpdateMemberBody } from '../../api/types'

export const PHONE_RE = /^1[3-9]\d{9}$/

export interface Form {
  name: string
  groupId: string
  phone: string
  retired: boolean
  isDelegate: boolean
  delegateTerm: string
}

export function formOf(m: Member): Form {
  return {
    name: m.name,
    groupId: m.groupId,
    phone: m.phone ?? '',
    retired: m.retired,
    isDelegate: m.roles.includes('delegate'),
    delegateTerm: m.delegateTerm ?? '',
  }
}

/** Only what changed, in the shape of PATCH /members/{id}. */
export function changes(before: Form, after: Form): Partial<UpdateMemberBody> {
  const body: Partial<UpdateMemberBody> = {}
  if (after.name.trim() !== before.name) body.name = after.name.trim()
  if (after.groupId !== before.groupId) body.groupId = after.groupId
  if (after.phone.trim() !== before.phone) body.phone = after.phone.trim()
  if (after.retired !== before.retired) body.retired = after.retired
  if (after.isDelegate !== before.isDelegate) body.isDelegate = after.isDelegate
  if (after.isDelegate && after.delegateTerm.trim() !== before.delegateTerm) body.delegateTerm = after.delegateTerm.trim()
  return body
}
