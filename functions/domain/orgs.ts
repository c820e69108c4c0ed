import { District, type DistrictItem } from '../entities/district';
import { Group, type GroupAttributes, type GroupItem } from '../entities/group';
import { Org, type OrgItem } from '../entities/org';
import { getItem, queryAll } from '../lib/db';
import { itemOfType, registerScope } from '../lib/scopes';

/** Routes on `/orgs/{orgId}` act on that school and receive it; `/districts/{districtId}` on the district. */
declare module '../lib/scopes' {
  interface ScopeResources {
    org: OrgItem;
    district: DistrictItem;
  }
}
registerScope('org', {
  key: (p) => (p.orgId ? Org.key({ orgId: p.orgId }) : undefined),
  resolve: itemOfType<OrgItem>('org'),
});
registerScope('district', {
  key: (p) => (p.districtId ? District.key({ districtId: p.districtId }) : undefined),
  resolve: (item) => (item.type === 'district' ? { orgId: '', districtId: item.districtId as string, resource: item as unknown as DistrictItem } : undefined),
});

export const getOrg = (orgId: string) => getItem<OrgItem>(Org.key({ orgId }));

export const groupItem = (g: Omit<GroupAttributes, 'createdAt'>, now: string): GroupItem => Group.item({ ...g, createdAt: now });

export const listGroups = (orgId: string) => queryAll<GroupItem>(Group.queryOfOrg(orgId));

export const groupNames = (groups: GroupItem[]) => new Map(groups.map((g) => [g.groupId, g.name]));

export const listOrgsOfDistrict = (districtId: string) => queryAll<OrgItem>(Org.queryOfDistrict(districtId));
