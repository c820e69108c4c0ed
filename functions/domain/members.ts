import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/schemas/common';
import type { Member } from '../../shared/schemas/member';
import { db, getItem, queryAll, table } from '../lib/db';
import { K } from '../lib/keys';

/** A member as stored. `roles` never holds 'member': every member has it. */
export interface MemberRecord {
  pk: string;
  sk: string;
  gsi1pk: string;
  gsi1sk: string;
  type: 'member';
  memberId: string;
  orgId: string;
  districtId: string;
  name: string;
  staffNo?: string;
  groupId: string;
  roles: Role[];
  delegateTerm?: string;
  retired: boolean;
  active: boolean;
  phone?: string;
  birthDate?: string;
  wechatBound?: boolean;
  /** Kept to send WeChat subscribe messages; never shown. */
  openid?: string;
  createdAt: string;
  updatedAt: string;
}

export type NewMember = Omit<MemberRecord, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'type' | 'createdAt' | 'updatedAt'>;

export function memberRecord(m: NewMember, now: string): MemberRecord {
  return {
    ...K.member(m.memberId),
    gsi1pk: K.membersOfOrg(m.orgId),
    gsi1sk: K.memberInOrg(m.groupId, m.memberId),
    type: 'member',
    ...m,
    createdAt: now,
    updatedAt: now,
  };
}

export const getMember = (memberId: string) => getItem<MemberRecord>(K.member(memberId).pk, 'META');

export function listMembers(orgId: string, groupId?: string): Promise<MemberRecord[]> {
  return queryAll<MemberRecord>({
    IndexName: 'gsi1',
    KeyConditionExpression: groupId ? 'gsi1pk = :pk AND begins_with(gsi1sk, :g)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: groupId ? { ':pk': K.membersOfOrg(orgId), ':g': `${groupId}#` } : { ':pk': K.membersOfOrg(orgId) },
  });
}

/** A member's roles with or without 'delegate'. */
export const withDelegate = (roles: Role[], on: boolean): Role[] =>
  on ? [...new Set([...roles, 'delegate' as const])] : roles.filter((r) => r !== 'delegate');

export const allRoles = (m: Pick<MemberRecord, 'roles'>): Role[] => ['member', ...m.roles.filter((r) => r !== 'member')];

/** The public view of a member; the phone number only for the committee. */
export function toMemberView(m: MemberRecord, groupName: string | undefined, withPhone: boolean): Member {
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

/** Sets fields on a member (and keeps the group index key in step). */
export async function updateMember(memberId: string, fields: Partial<NewMember>, now: string): Promise<MemberRecord> {
  const set: Record<string, unknown> = { ...fields, updatedAt: now };
  if (fields.groupId) set.gsi1sk = K.memberInOrg(fields.groupId, memberId);
  const remove = Object.entries(set).filter(([, v]) => v === undefined).map(([k]) => k);
  const entries = Object.entries(set).filter(([, v]) => v !== undefined);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = entries.map(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    return `#s${i} = :s${i}`;
  });
  const removes = remove.map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: K.member(memberId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  return out.Attributes as MemberRecord;
}
