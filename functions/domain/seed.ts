import type { DevSeedResult } from '../../shared/schemas/auth';
import type { Role } from '../../shared/schemas/common';
import { termOf } from '../../shared/domain/term';
import { DevSeededOrg } from '../entities/devFixture';
import { District } from '../entities/district';
import { MemberCounts, type MemberCountsItem } from '../entities/memberCounts';
import { TermTally, type TermTallyItem } from '../entities/termTally';
import { Org } from '../entities/org';
import { StaffNo } from '../entities/staffNo';
import { batchPut } from '../lib/db';
import { newId } from '../lib/ids';
import { memberItem, type NewMember } from './members';
import { RETIRED_GROUP, groupName, prng, schoolName, uniqueNames } from './names';
import { groupItem } from './orgs';

export const DEV_DISTRICT = 'dist-dev';
/** A district's office and its admin have fixed ids (o-dist-dev-office, m-dist-dev-admin for the demo district). */
const officeOf = (districtId: string) => `o-${districtId}-office`;
const adminOf = (districtId: string) => `m-${districtId}-admin`;

/**
 * The district union's own office and its admin (区教育工会): a member of the office, not of any
 * school, who reads the district's schools. The office is not listed among the schools.
 */
function districtOffice(now: string, districtId: string): object[] {
  const orgId = officeOf(districtId);
  const office = Org.unlistedItem({ orgId, districtId, name: '示范区教育工会', congressTerm: '', createdAt: now });
  const groupId = `g-${districtId}-office`;
  const admin: NewMember = { memberId: adminOf(districtId), orgId, districtId, name: '区工会管理员', groupId, roles: ['districtAdmin'], retired: false, active: true };
  return [office, groupItem({ orgId, groupId, name: '区工会办公室' }, now), memberItem(admin, now)];
}
const COMMITTEE_SIZE = 3;

/**
 * Creates a new school with its people: member 0 is the chair, 1 the treasurer, the next three the
 * committee, each union group has a leader, and `delegates` members are delegates (ordinary members
 * first). Groups hold about 8 members each (at most 40 groups).
 */
export async function seedSchool(opts: { members: number; delegates: number; name?: string; districtId?: string }): Promise<DevSeedResult> {
  const districtId = opts.districtId ?? DEV_DISTRICT;
  const now = new Date().toISOString();
  const random = prng(Date.now() ^ Math.floor(Math.random() * 2 ** 31));
  const orgId = newId('o');
  const n = opts.members;
  const groupCount = Math.max(1, Math.min(40, Math.ceil(n / 8)));
  const groupIds = Array.from({ length: groupCount }, () => newId('g'));
  const names = uniqueNames(n, random);
  const memberIds = Array.from({ length: n }, () => newId('m'));
  const groupOf = (i: number) => i % groupCount;

  const roles: Role[][] = memberIds.map(() => []);
  roles[0]!.push('chair');
  roles[1]!.push('treasurer');
  const committee = memberIds.slice(2, 2 + COMMITTEE_SIZE);
  committee.forEach((_, i) => roles[2 + i]!.push('committee'));
  // Each group's leader: its first member who holds no other office, else its first member.
  const leaders = groupIds.map((_, g) => {
    const inGroup = memberIds.map((_, i) => i).filter((i) => groupOf(i) === g);
    return inGroup.find((i) => i >= 2 + COMMITTEE_SIZE) ?? inGroup[0]!;
  });
  leaders.forEach((i) => roles[i]!.push('groupLeader'));
  // Retired staff sit in 退休组 (when the school is big enough to have one), and only they do.
  const retiredGroup = groupIds.findIndex((_, g) => groupName(g) === RETIRED_GROUP);
  const retired = (i: number) => retiredGroup >= 0 && groupOf(i) === retiredGroup;
  // Delegates: from the last member backwards, so ordinary members come first; serving staff before retirees.
  const byRecency = Array.from({ length: n }, (_, k) => n - 1 - k);
  const delegateIdx = [...byRecency.filter((i) => !retired(i)), ...byRecency.filter(retired)].slice(0, opts.delegates);
  delegateIdx.forEach((i) => roles[i]!.push('delegate'));

  const org = Org.item({ orgId, districtId, name: opts.name ?? schoolName(random), congressTerm: '第九届', createdAt: now });
  const items: object[] = [
    District.item({ districtId, name: '示范区教育工会' }),
    ...districtOffice(now, districtId),
    org,
    DevSeededOrg.item({ orgId, name: org.name, createdAt: now }),
    ...groupIds.map((groupId, g) => groupItem({ orgId, groupId, name: groupName(g), leaderId: memberIds[leaders[g]!] }, now)),
  ];
  memberIds.forEach((memberId, i) => {
    const staffNo = String(1001 + i);
    const m: NewMember = {
      memberId,
      orgId,
      districtId,
      name: names[i]!,
      staffNo,
      groupId: groupIds[groupOf(i)]!,
      roles: roles[i]!,
      delegateTerm: roles[i]!.includes('delegate') ? org.congressTerm : undefined,
      retired: retired(i),
      active: true,
      phone: `139${String(10000000 + Math.floor(random() * 89999999)).slice(0, 8)}`,
    };
    items.push(memberItem(m, now), StaffNo.item({ orgId, staffNo, memberId }));
  });
  // The school's counts and this term's tally, as the roster writes would have left them (every member active, new now).
  const retiredCount = memberIds.filter((_, i) => retired(i)).length;
  const counts: MemberCountsItem = { ...MemberCounts.key({ orgId }), type: 'memberCounts', orgId, 'members.active': n, 'members.retired': retiredCount };
  const term = termOf(now);
  const tally: TermTallyItem = { ...TermTally.key({ orgId, term }), type: 'termTally', orgId, term, 'members.new': n };
  items.push(counts, tally);
  await batchPut(items);

  return {
    orgId,
    districtId,
    districtAdmin: adminOf(districtId),
    chair: memberIds[0]!,
    treasurer: memberIds[1]!,
    committee,
    groupLeaders: leaders.map((i) => memberIds[i]!),
    delegates: delegateIdx.map((i) => memberIds[i]!),
    members: memberIds,
  };
}
