import type { Role } from '../../shared/schemas/common';
import { compose, inIndex, type IndexKey, type TableKey } from './key';

/** A member of a school union, listed per school (and per group within it) through gsi1. */
export interface MemberAttributes {
  memberId: string;
  orgId: string;
  districtId: string;
  name: string;
  staffNo?: string;
  groupId: string;
  /** Never holds 'member': every member has it. */
  roles: Role[];
  delegateTerm?: string;
  retired: boolean;
  active: boolean;
  phone?: string;
  birthDate?: string;
  wechatBound?: boolean;
  /** Kept to send WeChat subscribe messages; never shown. */
  openid?: string;
  /** The keyed hash of the member's newest invite code (an older code stops working). */
  inviteHash?: string;
  createdAt: string;
  updatedAt: string;
}
export type MemberItem = TableKey & IndexKey & { type: 'member' } & MemberAttributes;

export const Member = {
  partition: (memberId: string) => compose('MEMBER', memberId),
  key: ({ memberId }: Pick<MemberAttributes, 'memberId'>): TableKey => ({ pk: Member.partition(memberId), sk: 'META' }),
  /** Members of a school, by group then id. */
  byOrg: {
    pk: ({ orgId }: Pick<MemberAttributes, 'orgId'>) => compose('ORG', orgId, 'MEMBERS'),
    sk: ({ groupId, memberId }: Pick<MemberAttributes, 'groupId' | 'memberId'>) => compose(groupId, memberId),
  },
  item: (a: MemberAttributes): MemberItem => ({ ...a, ...Member.key(a), gsi1pk: Member.byOrg.pk(a), gsi1sk: Member.byOrg.sk(a), type: 'member' }),
  queryOfOrg: (orgId: string, groupId?: string) => inIndex(Member.byOrg.pk({ orgId }), groupId === undefined ? undefined : compose(groupId, '')),
};
