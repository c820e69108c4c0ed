import { withMemberRole } from '../../shared/domain/roles';
import type { Role } from '../../shared/schemas/common';
import type { Member as MemberView } from '../../shared/schemas/member';
import { Member, type MemberAttributes, type MemberItem } from '../entities/member';
import { StaffNo, type StaffNoItem } from '../entities/staffNo';
import { keyId } from '../entities/key';
import { batchGet, getItem, queryAll } from '../lib/db';
import { itemOfType, registerScope } from '../lib/scopes';

/** Routes on `/members/{memberId}` act on that member's school, and receive the member. */
declare module '../lib/scopes' {
  interface ScopeResources {
    member: MemberItem;
  }
}
registerScope('member', {
  key: (p) => (p.memberId ? Member.key({ memberId: p.memberId }) : undefined),
  resolve: itemOfType<MemberItem>('member'),
});

export type NewMember = Omit<MemberAttributes, 'createdAt' | 'updatedAt'>;

export const memberItem = (m: NewMember, now: string): MemberItem => Member.item({ ...m, createdAt: now, updatedAt: now });

export const getMember = (memberId: string) => getItem<MemberItem>(Member.key({ memberId }));

export const listMembers = (orgId: string, groupId?: string) => queryAll<MemberItem>(Member.queryOfOrg(orgId, groupId));

/**
 * A school's members as they are now, for commands that decide on the whole roster (the roster
 * import, invites): gsi1 shows a member created or changed a moment ago only after a lag, so every
 * member it lists and every member a 工号 claim names (the school's partition, read consistently)
 * is read again by key. A member created without a 工号 in the last moment may still be missing.
 */
export async function listMembersNow(orgId: string): Promise<MemberItem[]> {
  const [listed, claims] = await Promise.all([
    listMembers(orgId),
    queryAll<StaffNoItem>({ ...StaffNo.queryOfOrg(orgId), ConsistentRead: true }),
  ]);
  const ids = [...new Set([...listed.map((m) => m.memberId), ...claims.map((c) => c.memberId)])];
  const found = await batchGet(ids.map((memberId) => Member.key({ memberId })));
  return ids
    .map((memberId) => found.get(keyId(Member.key({ memberId }))) as MemberItem | undefined)
    .filter((m): m is MemberItem => m?.type === 'member' && m.orgId === orgId);
}

/** A member's roles with or without 'delegate'. */
export const withDelegate = (roles: Role[], on: boolean): Role[] => (on ? [...new Set([...roles, 'delegate' as const])] : roles.filter((r) => r !== 'delegate'));

export const allRoles = (m: Pick<MemberItem, 'roles'>): Role[] => withMemberRole(m.roles);

/** The public view of a member; the phone number only for the committee. */
export function toMemberView(m: MemberItem, groupName: string | undefined, withPhone: boolean): MemberView {
  return {
    memberId: m.memberId,
    orgId: m.orgId,
    name: m.name,
    staffNo: m.staffNo,
    groupId: m.groupId,
    groupName,
    roles: allRoles(m),
    delegateTerm: m.roles.includes('delegate') ? m.delegateTerm : undefined,
    retired: m.retired,
    active: m.active,
    phone: withPhone ? m.phone : undefined,
    birthDate: withPhone ? m.birthDate : undefined,
  };
}
