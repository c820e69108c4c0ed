import { NoBody } from '../../shared/schemas/common';
import { ChangeRegistrationBody, CheckinBody, CreateEventBody, RegisterBody, UpdateEventBody } from '../../shared/schemas/events';
import { COMMITTEE, hasAnyRole } from '../../shared/domain/policy';
import { checkinTimeOk } from '../../shared/domain/events';
import { cancelEvent, checkIn, createEvent, undoCheckIn, updateEvent } from '../domain/events/manage';
import { promoteIfStuck } from '../domain/events/promote';
import { loadSignupState, signupKeys, signupStateOf } from '../domain/events/records';
import { registrationsReport } from '../domain/events/report';
import '../domain/events/scope';
import { cancelRegistration, changeRegistration, register } from '../domain/events/signup';
import { listEvents, loadEventView } from '../domain/events/views';
import '../domain/orgs';
import { changesOf } from '../lib/audit';
import { conflict, invalidInput, notFound } from '../lib/errors';
import { defineApi, ok, type Ctx, type RouteOptions } from '../lib/http';
import type { RouteKey } from '../../shared/domain/policy';

/** The event and, in the same read, its seat counters and the caller's registration. */
const withSignupState: RouteOptions = { preload: (p, memberId) => signupKeys(p.eventId!, memberId) };
const signupState = <R extends RouteKey>(ctx: Ctx<R>) => signupStateOf(ctx.params.eventId!, ctx.actor.memberId, ctx.loaded);

export const handler = defineApi({
  'POST /orgs/{orgId}/events': async ({ resource, actor, body, committer }) => {
    const input = body(CreateEventBody);
    const event = await createEvent(resource, input, actor.memberId, committer({ title: input.title }));
    return { status: 201, body: await loadEventView(event, actor.memberId) };
  },

  'GET /orgs/{orgId}/events': async ({ params, actor }) => ok({ events: await listEvents(params.orgId!, actor.memberId) }),

  'GET /events/{eventId}': [async (ctx) => ok(await loadEventView(ctx.resource, ctx.actor.memberId, signupState(ctx))), withSignupState],

  'PATCH /events/{eventId}': async ({ resource, actor, body, commit }) => {
    const patch = body(UpdateEventBody);
    const changes = changesOf(resource, { ...resource, ...patch }, ['title', 'place', 'startsAt', 'signupClosesAt', 'capacity', 'maxFamily', 'description', 'costNote']);
    const { event } = await updateEvent(resource, patch, (told) => (writes) => commit(writes, { fields: Object.keys(patch), changes, told }));
    return ok(await loadEventView(event, actor.memberId));
  },

  'POST /events/{eventId}/cancel': async ({ resource, actor, body, committer }) => {
    body(NoBody);
    if (!resource.cancelled) await cancelEvent(resource, committer({ title: resource.title }));
    else await committer({ title: resource.title })([]);
    return ok(await loadEventView({ ...resource, cancelled: true }, actor.memberId));
  },

  'POST /events/{eventId}/registrations': [
    async (ctx) => {
      const outcome = await register(ctx.resource, ctx.actor.record, ctx.body(RegisterBody), signupState(ctx)!, ctx.committer());
      return { status: outcome.created ? 201 : 200, body: { status: outcome.status, ...(outcome.position ? { position: outcome.position } : {}) } };
    },
    withSignupState,
  ],

  'PATCH /events/{eventId}/registrations/me': [
    async (ctx) => ok(await changeRegistration(ctx.resource, ctx.actor.memberId, ctx.body(ChangeRegistrationBody), signupState(ctx), ctx.committer())),
    withSignupState,
  ],

  'DELETE /events/{eventId}/registrations/me': [
    async (ctx) => {
      ctx.body(NoBody);
      const result = await cancelRegistration(ctx.resource, ctx.actor.memberId, signupState(ctx), ctx.committer());
      if (result === 'none') throw notFound('您没有报名这个活动');
      return ok({ status: 'cancelled' });
    },
    withSignupState,
  ],

  'GET /events/{eventId}/registrations': [
    async (ctx) => {
      await promoteIfStuck(ctx.resource, signupState(ctx)?.seats);
      const group = hasAnyRole(ctx.actor, COMMITTEE) ? ctx.query.groupId : ctx.actor.groupId;
      return ok(await registrationsReport(ctx.resource, group));
    },
    withSignupState,
  ],

  'POST /events/{eventId}/checkins': async ({ resource: e, body, committer }) => {
    const { memberId, nonce, at } = body(CheckinBody);
    const when = at ?? new Date().toISOString();
    if (!checkinTimeOk(Date.parse(when), e.startsAt, Date.now())) throw invalidInput('签到时间不对：只能在活动前一天到现在之间签到');
    const { seats, mine: reg } = await loadSignupState(e.eventId, memberId);
    if (!reg || reg.status !== 'confirmed') throw conflict('NOT_REGISTERED', reg ? '此人没有报名成功，不能签到' : '此人没有报名这个活动');
    return ok(await checkIn(e, reg, new Date(when).toISOString(), nonce, committer({ memberId, offline: Boolean(nonce) }), seats));
  },

  /** Undoes a check-in made by mistake (recorded in the audit log). */
  'DELETE /events/{eventId}/checkins/{memberId}': async ({ resource: e, params, body, committer }) => {
    body(NoBody);
    const { seats, mine: reg } = await loadSignupState(e.eventId, params.memberId!);
    if (!reg || reg.status !== 'confirmed') throw conflict('NOT_REGISTERED', '此人没有报名成功');
    return ok(await undoCheckIn(e, reg, committer({ memberId: reg.memberId, undo: true }), seats));
  },
});
