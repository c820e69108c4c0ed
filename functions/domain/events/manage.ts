import type { CreateEventBody, UpdateEventBody } from '../../../shared/schemas/events';
import { Event, type EventItem } from '../../entities/event';
import type { OrgItem } from '../../entities/org';
import { Registration, type RegistrationItem } from '../../entities/registration';
import { termOf } from '../../../shared/domain/term';
import { Seats, type SeatsItem } from '../../entities/seats';
import { cancellationCodes, cancellationItems, getItem, put, transact, update, type Commit } from '../../lib/db';
import { conflict, invalidInput } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { backoffMs } from '../../lib/retry';
import { expandNow, fanoutWrites } from '../fanout';
import { and, holdsConfirmed, onSeats } from './conditions';
import { cancelledNotice, changedNotice } from './notices';
import { promote } from './promote';
import { listRegistrations } from './records';
import { cancelledShare, heldWrite, movedShare, shareAsRead, shareExactly, shareMove, termOfSeats } from './share';

/** The committee's commands on an event: publish, edit, cancel, check in. */

/** Tries of a command whose condition pins counters that a rush keeps moving. */
const MAX_ATTEMPTS = 50;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, backoffMs(attempt, { baseDelayMs: 4, maxDelayMs: 200 })));

export async function createEvent(org: Pick<OrgItem, 'orgId' | 'districtId'>, body: CreateEventBody, createdBy: string, commit: Commit = transact): Promise<EventItem> {
  const eventId = newId('e');
  const event = Event.item({ eventId, orgId: org.orgId, districtId: org.districtId, ...body, cancelled: false, createdBy, createdAt: new Date().toISOString() });
  await commit([
    put(event, { ConditionExpression: 'attribute_not_exists(pk)' }),
    put(Seats.item({ eventId, capacity: body.capacity, confirmedSeats: 0, waitingCount: 0, closesAtMs: Date.parse(body.signupClosesAt), cancelled: false, term: termOf(body.startsAt), confirmedMembers: 0, checkedInCount: 0 })),
    ...heldWrite(org.orgId, body.startsAt),
  ]);
  return event;
}

const live = (regs: RegistrationItem[]) => regs.filter((r) => r.status !== 'cancelled');

/**
 * Edits an event and tells everyone signed up, in one transaction: capacity changes go through
 * the seat counters so they never undercut confirmed seats; family limits and options never drop
 * below what someone already took. More seats promote the waitlist afterwards. `commitTelling`
 * gets how many will be told (for the request's trace) and gives the commit.
 */
export async function updateEvent(e: EventItem, patch: UpdateEventBody, commitTelling: (told: number) => Commit = () => transact): Promise<{ event: EventItem; told: number }> {
  const next: EventItem = Event.item({ ...e, ...patch });
  if (Date.parse(next.signupClosesAt) > Date.parse(next.startsAt)) throw invalidInput('报名截止时间应早于活动开始时间');
  const registrants = live(await listRegistrations(e.eventId));
  if (patch.maxFamily !== undefined || patch.options !== undefined) {
    if (registrants.some((r) => r.family > next.maxFamily)) throw conflict('CONFLICT', '已有人报名时带的家属多于新的上限，不能改小');
    for (const r of registrants) {
      for (const [key, choice] of Object.entries(r.choices)) {
        const option = next.options.find((o) => o.key === key);
        if (!option || !option.choices.includes(choice)) throw conflict('CONFLICT', `已有人选了“${choice}”，这个选项不能删除`);
      }
    }
  }
  const fanout = fanoutWrites(changedNotice(next), registrants.map((r) => r.memberId));
  const commit = commitTelling(registrants.length);
  // The event's share of the term tally is in the term its seat counters name. The edit writes the
  // start and that term together, under the condition that the share is still where it was read;
  // a start in another term moves the whole share, pinned to the counts read (a sign-up or a
  // check-in racing it makes this try again on the counts as they are then).
  let s = await getItem<SeatsItem>(Seats.key(e));
  if (!s) throw new Error(`event ${e.eventId} has no seat counters`);
  for (let attempt = 0; ; attempt++) {
    const term = termOf(next.startsAt);
    const moves = termOfSeats(e, s) !== term;
    try {
      await commit([
        put(next, { ConditionExpression: 'attribute_exists(pk) AND cancelled = :f', ExpressionAttributeValues: { ':f': false } }),
        onSeats(e.eventId, 'SET #capacity = :newCap, closesAtMs = :closes, #term = :newTerm', and(holdsConfirmed(next.capacity), moves ? shareExactly(s) : shareAsRead(s)), {
          ':closes': Date.parse(next.signupClosesAt),
          ':newTerm': term,
        }),
        ...(moves ? movedShare(e, s, next.startsAt) : []),
        ...fanout.writes,
      ]);
      break;
    } catch (err) {
      const codes = cancellationCodes(err);
      if (codes?.[0] === 'ConditionalCheckFailed') throw conflict('EVENT_CANCELLED', '活动已取消，不能再修改');
      if (codes?.[1] !== 'ConditionalCheckFailed') throw err;
      const now = cancellationItems(err)[1] as SeatsItem | undefined;
      if (!now || now.cancelled) throw conflict('EVENT_CANCELLED', '活动已取消，不能再修改');
      if (now.confirmedSeats > next.capacity) throw conflict('CONFLICT', '名额不能少于已报名成功的人数');
      // The share moved meanwhile (a sign-up, a check-in, another edit): again, on the counters as they are.
      if (attempt >= MAX_ATTEMPTS) throw conflict('CONFLICT', '活动刚刚有人报名或签到，请稍后再试');
      s = now;
      if (attempt > 2) await pause(attempt);
    }
  }
  await expandNow(fanout.fanoutIds);
  if (next.capacity > e.capacity) await promote(next);
  return { event: next, told: registrants.length };
}

/** Cancels an event: it takes no more sign-ups, and everyone signed up is told, in the same transaction. */
export async function cancelEvent(e: EventItem, commit: Commit = transact): Promise<{ told: number }> {
  const registrants = live(await listRegistrations(e.eventId));
  const fanout = fanoutWrites(cancelledNotice(e), registrants.map((r) => r.memberId));
  // The event's whole share leaves the term tally: exactly the counts read, pinned by the
  // condition (a sign-up or a check-in racing it makes this try again on the counts as they are then).
  let s = await getItem<SeatsItem>(Seats.key(e));
  if (!s) throw new Error(`event ${e.eventId} has no seat counters`);
  for (let attempt = 0; ; attempt++) {
    if (s.cancelled) return { told: 0 };
    try {
      await commit([
        update(Event.key(e), { UpdateExpression: 'SET cancelled = :t', ConditionExpression: 'cancelled = :f', ExpressionAttributeValues: { ':t': true, ':f': false } }),
        onSeats(e.eventId, 'SET cancelled = :t', shareExactly(s), { ':t': true }),
        ...cancelledShare(e, s),
        ...fanout.writes,
      ]);
      break;
    } catch (err) {
      const codes = cancellationCodes(err);
      // Cancelled a moment ago by someone else: their cancellation told everyone.
      if (codes?.[0] === 'ConditionalCheckFailed') return { told: 0 };
      if (codes?.[1] !== 'ConditionalCheckFailed') throw err;
      if (attempt >= MAX_ATTEMPTS) throw conflict('CONFLICT', '活动刚刚有人报名或签到，请稍后再试');
      // Someone signed up, cancelled or checked in meanwhile: again, on the counts as they are now.
      s = (cancellationItems(err)[1] as SeatsItem | undefined) ?? (await getItem<SeatsItem>(Seats.key(e)))!;
      if (attempt > 2) await pause(attempt);
    }
  }
  await expandNow(fanout.fanoutIds);
  return { told: registrants.length };
}

const seatsOf = async (e: EventItem, seats?: SeatsItem) => seats ?? (await getItem<SeatsItem>(Seats.key(e)))!;

/**
 * Checks a confirmed member in, once: a replayed offline check-in keeps the first time. The
 * event's check-in count and its share of the term tally move in the same transaction (a
 * check-in at a cancelled event is kept on the registration and its counter, not in the tally).
 * `seats`: the seat counters if the request already read them.
 */
export async function checkIn(e: EventItem, reg: RegistrationItem, at: string, nonce: string | undefined, commit: Commit = transact, seats?: SeatsItem) {
  if (reg.checkedInAt) {
    await commit([]); // nothing changes; the attempt is still recorded
    return { memberId: reg.memberId, name: reg.name, checkedInAt: reg.checkedInAt, alreadyCheckedIn: true };
  }
  let s = await seatsOf(e, seats);
  for (let attempt = 0; ; attempt++) {
    const share = shareMove(e, s, { checkedIn: 1 });
    try {
      await commit([
        update(Registration.key(reg), {
          UpdateExpression: 'SET checkedInAt = :at, checkinNonce = :nonce',
          ConditionExpression: '#st = :confirmed AND attribute_not_exists(checkedInAt)',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':at': at, ':nonce': nonce ?? 'online', ':confirmed': 'confirmed' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
        onSeats(e.eventId, `ADD ${share.adds.join(', ')}`, share.condition, share.values),
        ...share.tally,
      ]);
      break;
    } catch (err) {
      const codes = cancellationCodes(err);
      const [now, seatsNow] = cancellationItems(err) as [RegistrationItem | undefined, SeatsItem | undefined];
      if (codes?.[0] === 'ConditionalCheckFailed') {
        if (now?.status === 'confirmed' && now.checkedInAt) return checkIn(e, now, at, nonce, commit, seatsNow ?? s);
        throw conflict('NOT_REGISTERED', '此人没有报名成功，不能签到');
      }
      // The event changed meanwhile (cancelled, moved to another term): again, as it is now.
      if (codes?.[1] === 'ConditionalCheckFailed' && seatsNow && attempt < MAX_ATTEMPTS) {
        s = seatsNow;
        continue;
      }
      if (codes) throw conflict('NOT_REGISTERED', '此人没有报名成功，不能签到');
      throw err;
    }
  }
  return { memberId: reg.memberId, name: reg.name, checkedInAt: at, alreadyCheckedIn: false };
}

/**
 * Takes a check-in back; a member not checked in stays as they are (the attempt is still
 * recorded). The check-in count and the term tally move back with it, as checkIn moved them.
 */
export async function undoCheckIn(e: EventItem, reg: RegistrationItem, commit: Commit = transact, seats?: SeatsItem) {
  if (!reg.checkedInAt) {
    await commit([]);
    return { memberId: reg.memberId, name: reg.name, checkedIn: false };
  }
  let s = await seatsOf(e, seats);
  for (let attempt = 0; ; attempt++) {
    const share = shareMove(e, s, { checkedIn: -1 });
    try {
      await commit([
        update(Registration.key(reg), {
          UpdateExpression: 'REMOVE checkedInAt, checkinNonce',
          // Taken back once: a twin request finds it gone and changes nothing.
          ConditionExpression: '#st = :confirmed AND attribute_exists(checkedInAt)',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':confirmed': 'confirmed' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
        onSeats(e.eventId, `ADD ${share.adds.join(', ')}`, share.condition, share.values),
        ...share.tally,
      ]);
      break;
    } catch (err) {
      const codes = cancellationCodes(err);
      const [now, seatsNow] = cancellationItems(err) as [RegistrationItem | undefined, SeatsItem | undefined];
      if (codes?.[0] === 'ConditionalCheckFailed') {
        // Taken back a moment ago (a twin request): nothing left to change.
        if (now?.status === 'confirmed') return undoCheckIn(e, now, commit);
        throw conflict('NOT_REGISTERED', '此人没有报名成功');
      }
      if (codes?.[1] === 'ConditionalCheckFailed' && seatsNow && attempt < MAX_ATTEMPTS) {
        s = seatsNow;
        continue;
      }
      throw err;
    }
  }
  return { memberId: reg.memberId, name: reg.name, checkedIn: false };
}
