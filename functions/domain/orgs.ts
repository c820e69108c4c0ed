import { getItem, queryAll } from '../lib/db';
import { K } from '../lib/keys';

export interface OrgRecord {
  pk: string;
  sk: string;
  gsi1pk: string;
  gsi1sk: string;
  type: 'org';
  orgId: string;
  districtId: string;
  name: string;
  /** The staff congress's current term, e.g. 第九届: given to delegates on import. */
  congressTerm: string;
  createdAt: string;
}

export interface GroupRecord {
  pk: string;
  sk: string;
  type: 'group';
  orgId: string;
  groupId: string;
  name: string;
  leaderId?: string;
  createdAt: string;
}

export const getOrg = (orgId: string) => getItem<OrgRecord>(K.org(orgId).pk, 'META');

export function orgRecord(o: Pick<OrgRecord, 'orgId' | 'districtId' | 'name' | 'congressTerm'>, now: string): OrgRecord {
  return { ...K.org(o.orgId), gsi1pk: K.orgsOfDistrict(o.districtId), gsi1sk: `ORG#${o.orgId}`, type: 'org', ...o, createdAt: now };
}

export function groupRecord(g: Pick<GroupRecord, 'orgId' | 'groupId' | 'name' | 'leaderId'>, now: string): GroupRecord {
  return { ...K.group(g.orgId, g.groupId), type: 'group', ...g, createdAt: now };
}

export const listGroups = (orgId: string) =>
  queryAll<GroupRecord>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :g)',
    ExpressionAttributeValues: { ':pk': K.org(orgId).pk, ':g': 'GROUP#' },
  });

export const groupNames = (groups: GroupRecord[]) => new Map(groups.map((g) => [g.groupId, g.name]));
