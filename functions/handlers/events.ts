import { NoBody } from '../../shared/schemas/common';
import { ChangeRegistrationBody, CheckinBody, CreateEventBody, RegisterBody, UpdateEventBody } from '../../shared/schemas/events';
import {
  cancelEvent,
  cancelRegistration,
  changeRegistration,
  checkIn,
  createEvent,
  getRegistration,
  listEvents,
  loadEventView,
  notifyRegistrants,
  register,
  updateEvent,
  type EventRecord,
} from '../domain/events';
import { registrationsReport } from '../domain/eventReport';
import { getMember } from '../domain/members';
import type { OrgRecord } from '../domain/orgs';
import type { Actor } from '../lib/access';
import { conflict, notFound } from '../lib/errors';
import { defineApi, ok } from '../lib/http';

const isCommittee = (a: Actor) => a.roles.includes('committee') || a.roles.includes('chair');

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

  'POST /events/{eventId}/cancel': async ({ resource, actor, body }) => {
    body(NoBody);
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

  'PATCH /events/{eventId}/registrations/me': async ({ resource, actor, body }) =>
    ok(await changeRegistration(resource as EventRecord, actor.memberId, body(ChangeRegistrationBody))),

  'DELETE /events/{eventId}/registrations/me': async ({ resource, actor, body }) => {
    body(NoBody);
    const result = await cancelRegistration(resource as EventRecord, actor.memberId);
    if (result === 'none') throw notFound('您没有报名这个活动');
    return ok({ status: 'cancelled' });
  },

  'GET /events/{eventId}/registrations': async ({ resource, actor, query }) => {
    const e = resource as EventRecord;
    const group = isCommittee(actor) ? query.groupId : actor.groupId;
    return ok(await registrationsReport(e, group));
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
});
