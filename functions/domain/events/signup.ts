import { randomBytes } from 'node:crypto';
import { canConfirm, fitsAtAll, seatsFor } from '../../../shared/domain/events';
import type { ChangeRegistrationBody, MyRegistration, RegisterBody } from '../../../shared/schemas/events';
import type { EventItem } from '../../entities/event';
import type { MemberItem } from '../../entities/member';
import { Registration, type RegistrationItem } from '../../entities/registration';
import type { SeatsItem } from '../../entities/seats';
import { WaitEntry } from '../../entities/waitEntry';
import { cancellationCodes, cancellationItems, put, remove, transact, update, type Commit, type TransactItem } from '../../lib/db';
import { conflict, invalidInput, notFound } from '../../lib/errors';
import { backoffMs, isTransientConflict } from '../../lib/retry';
import { inSlot } from '../../lib/slots';
import { and, bucketChange, fits, mustWait, nobodyWaits, onSeats, openAt, tailBefore, waitingExactly } from './conditions';
import { promote, promoteIfStuck } from './promote';
import { pauseForTests } from '../../lib/testHooks';
import { loadSignupState, type SignupState } from './records';
import { shareMove } from './share';
import { myRegistration, positionOf } from './views';

/**
 * A member's own sign-up: register, change, cancel. Each is a command: it decides on the state it
 * read, and its writes commit in one transaction whose conditions carry the rules, so no
 * interleaving can oversell, double-register or reorder the waitlist. When a condition fails,
 * the refused actions hand back their items as they now are, and the command decides again.
 */

const MAX_ATTEMPTS = 50;
/** However busy the moment, a sign-up answers within this (the function's timeout is longer). */
const SIGNUP_DEADLINE_MS = 25_000;
/** Sign-up transactions one process keeps in flight per event (see lib/slots.ts). */
const TRANSACTIONS_PER_EVENT = 4;
/**
 * A waitlist sign-up into a quiet queue insists that exactly as many wait as it read, so its
 * place is that many plus one, known without another read. While others are joining (the last
 * arrival is this recent, or that insistence just failed) it would keep failing, so it joins the
 * tail without insisting and counts its place with one query.
 */
const QUIET_MS = 300;
const quiet = (s: SeatsItem, now: number) => !s.waitTail || now - WaitEntry.arrivalMs(s.waitTail) > QUIET_MS;

const pause = (attempt: number) => new Promise((r) => setTimeout(r, backoffMs(attempt, { baseDelayMs: 4, maxDelayMs: 200 })));

/** Choices as stored: a map with no prototype, so no key can ever reach Object.prototype. */
const choiceMap = (...parts: Record<string, string>[]): Record<string, string> => Object.assign(Object.create(null), ...parts);

function checkChoices(e: EventItem, body: RegisterBody) {
  if (!fitsAtAll(e.capacity, seatsFor(body.family))) throw invalidInput(`本活动只有 ${e.capacity} 个名额，容纳不下 ${seatsFor(body.family)} 人`);
  if (body.family > e.maxFamily) throw invalidInput(e.maxFamily === 0 ? '本活动不能带家属' : `最多可带 ${e.maxFamily} 位家属`);
  for (const key of Object.keys(body.choices)) if (!e.options.some((o) => o.key === key)) throw invalidInput(`没有“${key}”这个选项`);
  for (const o of e.options) {
    const choice = body.choices[o.key];
    if (choice !== undefined && !o.choices.includes(choice)) throw invalidInput(`${o.label}只能选：${o.choices.join('、')}`);
  }
}

function refuseIfClosed(e: EventItem, s: SeatsItem, now: number) {
  if (e.cancelled || s.cancelled) throw conflict('EVENT_CANCELLED', '活动已取消');
  if (now >= s.closesAtMs) throw conflict('SIGNUP_CLOSED', '报名已截止');
}

/** The state after a refused transaction: what the refused actions handed back, else read again. */
async function afterRefusal(err: unknown, state: SignupState, eventId: string, memberId: string): Promise<SignupState> {
  const items = cancellationItems(err);
  const seats = items.find((i) => i?.type === 'seats') as SeatsItem | undefined;
  const mine = items.find((i) => i?.type === 'registration') as RegistrationItem | undefined;
  if (!seats && !mine) return loadSignupState(eventId, memberId);
  return { seats: seats ?? state.seats, mine: mine ?? state.mine };
}

export interface RegisterOutcome {
  created: boolean;
  status: 'confirmed' | 'waitlisted';
  position?: number;
}

interface SignupPlan {
  status: 'confirmed' | 'waitlisted';
  waitKey?: string;
  /** The seat counters first, the registration second: refusals are read by position. */
  writes: TransactItem[];
}

/** Confirmed if the seats fit and nobody waits, else at the tail of the waitlist. */
function signupPlan(e: EventItem, member: MemberItem, body: RegisterBody, s: SeatsItem, now: number, exact: boolean): SignupPlan {
  const seats = seatsFor(body.family);
  const base = {
    eventId: e.eventId,
    memberId: member.memberId,
    name: member.name,
    groupId: member.groupId,
    family: body.family,
    seats,
    choices: choiceMap(body.choices),
    registeredAt: new Date(now).toISOString(),
    startsAt: e.startsAt,
  };
  const putRegistration = (reg: RegistrationItem) =>
    put(reg, {
      ConditionExpression: 'attribute_not_exists(pk) OR #st = :cancelled',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':cancelled': 'cancelled' },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
  if (canConfirm(s, seats)) {
    // One more member confirmed: the event's share of the term tally moves with the seats.
    const share = shareMove(e, s, { members: 1 });
    return {
      status: 'confirmed',
      writes: [
        onSeats(e.eventId, `ADD ${['confirmedSeats :s', ...share.adds].join(', ')}`, and(fits(s.capacity, seats), nobodyWaits, openAt(now), share.condition), { ':s': seats, ...share.values }),
        putRegistration(Registration.item({ ...base, status: 'confirmed' })),
        ...share.tally,
      ],
    };
  }
  const tailMs = s.waitTail ? WaitEntry.arrivalMs(s.waitTail) : 0;
  const waitKey = WaitEntry.waitKey(Math.max(now, tailMs + 1), randomBytes(4).toString('hex'));
  return {
    status: 'waitlisted',
    waitKey,
    writes: [
      onSeats(e.eventId, 'ADD waitingCount :one SET waitTail = :key', and(mustWait(s.capacity, seats), tailBefore(waitKey), openAt(now), exact && waitingExactly(s.waitingCount)), { ':one': 1 }),
      putRegistration(Registration.item({ ...base, status: 'waitlisted', waitKey })),
      put(WaitEntry.item({ eventId: e.eventId, waitKey, memberId: member.memberId, seats })),
      bucketChange(e.eventId, waitKey, 1),
    ],
  };
}

/**
 * Signs a member up. `state` is what the request already read (see records.signupKeys): with it,
 * a sign-up costs that read and one transaction. Asking again while registered returns the same
 * registration (created: false).
 */
export async function register(e: EventItem, member: MemberItem, body: RegisterBody, state: SignupState, commit: Commit = transact): Promise<RegisterOutcome> {
  checkChoices(e, body);
  if (await promoteIfStuck(e, state.seats)) state = await loadSignupState(e.eventId, member.memberId);
  const deadline = Date.now() + SIGNUP_DEADLINE_MS;
  for (let attempt = 0, refused = 0, conflicts = 0; Date.now() < deadline && refused < MAX_ATTEMPTS; attempt++) {
    const live = await myRegistration(state.mine);
    if (live) return { created: false, status: live.status, position: live.position };
    const now = Date.now();
    refuseIfClosed(e, state.seats, now);
    const exact = attempt === 0 && quiet(state.seats, now);
    const plan = signupPlan(e, member, body, state.seats, now, exact);
    try {
      // A conflict comes back here, not resent as it was: the next try takes a fresh arrival time.
      await inSlot(e.eventId, TRANSACTIONS_PER_EVENT, () => commit(plan.writes, { retryConflicts: false }));
      if (plan.status === 'confirmed') return { created: true, status: 'confirmed' };
      return { created: true, status: 'waitlisted', position: exact ? state.seats.waitingCount + 1 : await positionOf(e.eventId, plan.waitKey!) };
    } catch (err) {
      if (!cancellationCodes(err)) throw err;
      if (isTransientConflict(err)) {
        // Another sign-up holds the seat counters this instant: back off (longer each time, so a
        // crowd spreads out), then try again.
        conflicts++;
        await new Promise((r) => setTimeout(r, backoffMs(conflicts, { baseDelayMs: 10, maxDelayMs: 1000 })));
        continue;
      }
      // Someone got there first (a twin request, or others changing the seats): decide again on what is there now.
      refused++;
      state = await afterRefusal(err, state, e.eventId, member.memberId);
      if (refused > 1) await pause(refused);
    }
  }
  throw conflict('CONFLICT', '报名人数太多，请稍后再试');
}

/**
 * Changes a live registration in place: choices freely; family within the limit. A confirmed
 * member may take more seats only if they are free and nobody waits (else 409, their seats kept);
 * fewer seats free some for the waitlist. A waiting member keeps their place in the queue.
 */
export async function changeRegistration(e: EventItem, memberId: string, change: ChangeRegistrationBody, first?: SignupState, commit: Commit = transact): Promise<MyRegistration> {
  let state = first ?? (await loadSignupState(e.eventId, memberId));
  if (await promoteIfStuck(e, state.seats)) state = await loadSignupState(e.eventId, memberId);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { seats: s, mine: reg } = state;
    if (!reg || reg.status === 'cancelled') throw notFound('您没有报名这个活动');
    if (Date.parse(e.startsAt) <= Date.now()) throw conflict('CONFLICT', '活动已经开始，不能再修改报名');
    const family = change.family ?? reg.family;
    const choices = choiceMap(reg.choices, change.choices ?? {});
    checkChoices(e, { family, choices });
    const seats = seatsFor(family);
    const delta = seats - reg.seats;
    if (reg.status === 'confirmed' && delta > 0 && !canConfirm(s, delta)) {
      throw conflict('CONFLICT', `名额不够，不能再多带家属（还剩 ${Math.max(0, s.capacity - s.confirmedSeats)} 个名额）`);
    }
    const writes: TransactItem[] = [
      update(Registration.key({ eventId: e.eventId, memberId }), {
        UpdateExpression: 'SET #family = :family, #seats = :seats, #choices = :choices',
        ConditionExpression: '#st = :status AND #seats = :old',
        ExpressionAttributeNames: { '#st': 'status', '#family': 'family', '#seats': 'seats', '#choices': 'choices' },
        ExpressionAttributeValues: { ':family': family, ':seats': seats, ':choices': choices, ':status': reg.status, ':old': reg.seats },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    ];
    if (reg.status === 'waitlisted') {
      writes.push(
        update(WaitEntry.key({ eventId: e.eventId, waitKey: reg.waitKey! }), {
          UpdateExpression: 'SET #seats = :seats',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#seats': 'seats' },
          ExpressionAttributeValues: { ':seats': seats },
        }),
      );
    } else if (delta > 0) {
      writes.push(onSeats(e.eventId, 'ADD confirmedSeats :d', and(fits(s.capacity, delta), nobodyWaits), { ':d': delta }));
    } else if (delta < 0) {
      writes.push(onSeats(e.eventId, 'ADD confirmedSeats :d', undefined, { ':d': delta }));
    }
    try {
      await commit(writes);
    } catch (err) {
      if (!cancellationCodes(err)) throw err;
      state = await afterRefusal(err, state, e.eventId, memberId);
      await pause(attempt + 1);
      continue;
    }
    if (delta !== 0) await promote(e);
    return (await myRegistration((await loadSignupState(e.eventId, memberId)).mine))!;
  }
  throw conflict('CONFLICT', '报名状态刚刚变了，请刷新后再试');
}

/** Cancels a member's registration; freed seats go to the waitlist in order. */
export async function cancelRegistration(e: EventItem, memberId: string, first?: SignupState, commit: Commit = transact): Promise<'cancelled' | 'none'> {
  let state = first ?? (await loadSignupState(e.eventId, memberId));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const reg = state.mine;
    if (!reg) return 'none';
    if (reg.status === 'cancelled') return 'cancelled';
    if (Date.parse(e.startsAt) <= Date.now()) throw conflict('CONFLICT', '活动已经开始，不能再取消报名');
    if (reg.checkedInAt) throw conflict('CONFLICT', '已经签到，不能再取消报名');
    const regUpdate = update(Registration.key({ eventId: e.eventId, memberId }), {
      UpdateExpression: `SET #st = :cancelled, cancelledAt = :now${reg.status === 'waitlisted' ? ' REMOVE waitKey' : ''}`,
      // The seats freed below are the seats read: a concurrent change of family cancels this and we look again.
      // A check-in made meanwhile cancels it too (a member checked in cannot cancel).
      ConditionExpression: '#st = :was AND #seats = :seats AND attribute_not_exists(checkedInAt)',
      ExpressionAttributeNames: { '#st': 'status', '#seats': 'seats' },
      ExpressionAttributeValues: { ':cancelled': 'cancelled', ':now': new Date().toISOString(), ':was': reg.status, ':seats': reg.seats },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    // One member fewer confirmed: the event's share of the term tally moves with the seats (not while the event is cancelled).
    const share = shareMove(e, state.seats, { members: -1 });
    const writes =
      reg.status === 'confirmed'
        ? [regUpdate, onSeats(e.eventId, `ADD ${['confirmedSeats :minus', ...share.adds].join(', ')}`, share.condition, { ':minus': -reg.seats, ...share.values }), ...share.tally]
        : [
            regUpdate,
            remove(WaitEntry.key({ eventId: e.eventId, waitKey: reg.waitKey! }), { ConditionExpression: 'attribute_exists(pk)' }),
            onSeats(e.eventId, 'ADD waitingCount :minus', undefined, { ':minus': -1 }),
            bucketChange(e.eventId, reg.waitKey!, -1),
          ];
    try {
      await commit(writes);
    } catch (err) {
      if (!cancellationCodes(err)) throw err;
      // Changed meanwhile (promoted, or cancelled by a twin request): go by what is there now.
      state = await afterRefusal(err, state, e.eventId, memberId);
      continue;
    }
    await pauseForTests('after-cancel-before-promote');
    await promote(e);
    return 'cancelled';
  }
  throw conflict('CONFLICT', '报名状态刚刚变了，请刷新后再试');
}
