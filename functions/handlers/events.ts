import { participationRate } from '../../shared/domain/events';
import { CheckinBody, CreateEventBody, RegisterBody, UpdateEventBody, type GroupHeadCount, type RegistrationEntry } from '../../shared/schemas/events';
import {
  cancelEvent,
  cancelRegistration,
  checkIn,
  createEvent,
  getRegistration,
  listEvents,
  listRegistrations,
  loadEventView,
  notifyRegistrants,
  register,
  updateEvent,
  type EventRecord,
  type RegistrationRecord,
} from '../domain/events';
import { eventRosterWorkbook } from '../domain/eventXlsx';
import { getMember, listMembers } from '../domain/members';
import { groupNames, listGroups, type OrgRecord } from '../domain/orgs';
import type { Actor } from '../lib/access';
import { conflict, notFound } from '../lib/errors';
import { created, defineApi, ok } from '../lib/http';

const isCommittee = (a: Actor) => a.roles.includes('committee') || a.roles.includes('chair');

/** Registrations with names and group head counts; a group leader sees their own group only. */
async function registrationsReport(e: EventRecord, actor: Actor, onlyGroup?: string) {
  const [regs, members, groups] = await Promise.all([listRegistrations(e.eventId), listMembers(e.orgId), listGroups(e.orgId)]);
  const names = groupNames(groups);
  const active = members.filter((m) => m.active);
  const inScope = (groupId: string) => !onlyGroup || groupId === onlyGroup;
  const entry = (r: RegistrationRecord): RegistrationEntry => ({
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

export const handler = defineApi({
  'POST /orgs/{orgId}/events': async ({ resource, actor, body }) => {
    const input = body(CreateEventBody);
    const event = await createEvent(resource as OrgRecord, input, actor.memberId);
    return { status: 201, body: await loadEventView(event, actor.memberId), audit: { eventId: event.eventId, title: event.title } };
  },

  'GET /orgs/{orgId}/events': async ({ params, actor }) => ok({ events: await listEvents(params.orgId!, actor.memberId) }),

  'GET /events/{eventId}': async ({ resource, actor }) => ok(await loadEventView(resource as EventRecord, actor.memberId)),

  'PATCH /events/{eventId}': async ({ resource, actor, body }) => {
    const updated = await updateEvent(resource as EventRecord, body(UpdateEventBody));
    const told = await notifyRegistrants(updated, 'eventChanged');
    return { status: 200, body: await loadEventView(updated, actor.memberId), audit: { told } };
  },

  'POST /events/{eventId}/cancel': async ({ resource, actor }) => {
    const e = resource as EventRecord;
    if (!e.cancelled) {
      await cancelEvent(e);
      await notifyRegistrants(e, 'eventCancelled');
    }
    return { status: 200, body: await loadEventView({ ...e, cancelled: true }, actor.memberId), audit: { title: e.title } };
  },

  'POST /events/{eventId}/registrations': async ({ resource, actor, body }) => {
    const outcome = await register(resource as EventRecord, actor.record, body(RegisterBody));
    return { status: outcome.created ? 201 : 200, body: { status: outcome.status, ...(outcome.position ? { position: outcome.position } : {}) } };
  },

  'DELETE /events/{eventId}/registrations/me': async ({ resource, actor }) => {
    const result = await cancelRegistration(resource as EventRecord, actor.memberId);
    if (result === 'none') throw notFound('您没有报名这个活动');
    return ok({ status: 'cancelled' });
  },

  'GET /events/{eventId}/registrations': async ({ resource, actor, query }) => {
    const e = resource as EventRecord;
    const group = isCommittee(actor) ? query.groupId : actor.groupId;
    return ok(await registrationsReport(e, actor, group));
  },

  'POST /events/{eventId}/checkins': async ({ resource, body }) => {
    const e = resource as EventRecord;
    const { memberId, nonce, at } = body(CheckinBody);
    const member = await getMember(memberId);
    if (!member || member.orgId !== e.orgId) throw conflict('NOT_REGISTERED', '此人不是本校会员');
    const when = at && Date.parse(at) <= Date.now() + 5 * 60_000 ? new Date(at).toISOString() : new Date().toISOString();
    const reg = await getRegistration(e.eventId, memberId);
    if (!reg || reg.status !== 'confirmed') throw conflict('NOT_REGISTERED', '此人没有报名成功，不能签到');
    return { status: 200, body: await checkIn(e, memberId, when, nonce), audit: { memberId, offline: Boolean(nonce) } };
  },

  'GET /events/{eventId}/roster.xlsx': async ({ resource, actor }) => {
    const e = resource as EventRecord;
    const r = await registrationsReport(e, actor);
    const bytes = await eventRosterWorkbook(e, r.confirmed, r.waitlist, r.byGroup, r.participationRate);
    return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${e.title}-名单.xlsx` } };
  },
});
