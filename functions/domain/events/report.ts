import { participationRate } from '../../../shared/domain/events';
import type { GroupHeadCount, RegistrationEntry } from '../../../shared/schemas/events';
import type { EventItem } from '../../entities/event';
import type { RegistrationItem } from '../../entities/registration';
import { listRegistrations } from './records';
import { listMembers } from '../members';
import { groupNames, listGroups } from '../orgs';

/** Registrations with names and group head counts; a group leader sees their own group only. */
export async function registrationsReport(e: EventItem, onlyGroup?: string) {
  const [regs, members, groups] = await Promise.all([listRegistrations(e.eventId), listMembers(e.orgId), listGroups(e.orgId)]);
  const names = groupNames(groups);
  const active = members.filter((m) => m.active);
  const inScope = (groupId: string) => !onlyGroup || groupId === onlyGroup;
  const entry = (r: RegistrationItem): RegistrationEntry => ({
    memberId: r.memberId,
    name: r.name,
    groupId: r.groupId,
    groupName: names.get(r.groupId),
    family: r.family,
    seats: r.seats,
    choices: r.choices,
    registeredAt: r.registeredAt,
    checkedInAt: r.checkedInAt,
  });
  const confirmedAll = regs.filter((r) => r.status === 'confirmed').sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
  const waitAll = regs.filter((r) => r.status === 'waitlisted').sort((a, b) => a.waitKey!.localeCompare(b.waitKey!));
  const confirmed = confirmedAll.filter((r) => inScope(r.groupId)).map(entry);
  const waitlist = waitAll.map((r, i) => ({ ...entry(r), position: i + 1 })).filter((r) => inScope(r.groupId));
  const byGroup: GroupHeadCount[] = groups
    .filter((g) => inScope(g.groupId))
    .map((g) => {
      const mine = confirmedAll.filter((r) => r.groupId === g.groupId);
      return {
        groupId: g.groupId,
        groupName: g.name,
        members: active.filter((m) => m.groupId === g.groupId).length,
        registered: mine.length,
        seats: mine.reduce((a, r) => a + r.seats, 0),
        checkedIn: mine.filter((r) => r.checkedInAt).length,
      };
    });
  const scopeMembers = active.filter((m) => inScope(m.groupId));
  const registeredIds = new Set(regs.filter((r) => r.status !== 'cancelled').map((r) => r.memberId));
  return {
    confirmed,
    waitlist,
    notRegistered: onlyGroup ? scopeMembers.filter((m) => !registeredIds.has(m.memberId)).map((m) => ({ memberId: m.memberId, name: m.name })) : undefined,
    byGroup,
    participationRate: participationRate(confirmed.length, scopeMembers.length),
    checkedInCount: confirmed.filter((r) => r.checkedInAt).length,
  };
}

