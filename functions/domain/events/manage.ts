import type { CreateEventBody, UpdateEventBody } from '../../../shared/schemas/events';
import { Event, type EventItem } from '../../entities/event';
import type { OrgItem } from '../../entities/org';
import { Registration, type RegistrationItem } from '../../entities/registration';
import { Seats } from '../../entities/seats';
import { cancellationCodes, cancellationItems, put, transact, update, type Commit } from '../../lib/db';
import { conflict, invalidInput } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { expandNow, fanoutWrites } from '../fanout';
import { holdsConfirmed, onSeats } from './conditions';
import { cancelledNotice, changedNotice } from './notices';
import { promote } from './promote';
import { listRegistrations } from './records';

/** The committee's commands on an event: publish, edit, cancel, check in. */

export async function createEvent(org: Pick<OrgItem, 'orgId' | 'districtId'>, body: CreateEventBody, createdBy: string, commit: Commit = transact): Promise<EventItem> {
  const eventId = newId('e');
  const event = Event.item({ eventId, orgId: org.orgId, districtId: org.districtId, ...body, cancelled: false, createdBy, createdAt: new Date().toISOString() });
  await commit([
    put(event, { ConditionExpression: 'attribute_not_exists(pk)' }),
    put(Seats.item({ eventId, capacity: body.capacity, confirmedSeats: 0, waitingCount: 0, closesAtMs: Date.parse(body.signupClosesAt), cancelled: false })),
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
  try {
    await commitTelling(registrants.length)([
      put(next, { ConditionExpression: 'attribute_exists(pk) AND cancelled = :f', ExpressionAttributeValues: { ':f': false } }),
      onSeats(e.eventId, 'SET #capacity = :newCap, closesAtMs = :closes', holdsConfirmed(next.capacity), { ':closes': Date.parse(next.signupClosesAt) }),
      ...fanout.writes,
    ]);
  } catch (err) {
    const codes = cancellationCodes(err);
    if (codes?.[0] === 'ConditionalCheckFailed') throw conflict('EVENT_CANCELLED', '活动已取消，不能再修改');
    if (codes?.[1] === 'ConditionalCheckFailed') throw conflict('CONFLICT', '名额不能少于已报名成功的人数');
    throw err;
  }
  await expandNow(fanout.fanoutIds);
  if (next.capacity > e.capacity) await promote(next);
  return { event: next, told: registrants.length };
}

/** Cancels an event: it takes no more sign-ups, and everyone signed up is told, in the same transaction. */
export async function cancelEvent(e: EventItem, commit: Commit = transact): Promise<{ told: number }> {
  const registrants = live(await listRegistrations(e.eventId));
  const fanout = fanoutWrites(cancelledNotice(e), registrants.map((r) => r.memberId));
  try {
    await commit([
      update(Event.key(e), { UpdateExpression: 'SET cancelled = :t', ConditionExpression: 'cancelled = :f', ExpressionAttributeValues: { ':t': true, ':f': false } }),
      onSeats(e.eventId, 'SET cancelled = :t', undefined, { ':t': true }),
      ...fanout.writes,
    ]);
  } catch (err) {
    // Cancelled a moment ago by someone else: their cancellation told everyone.
    if (cancellationCodes(err)?.[0] === 'ConditionalCheckFailed') return { told: 0 };
    throw err;
  }
  await expandNow(fanout.fanoutIds);
  return { told: registrants.length };
}

/** Checks a confirmed member in, once: a replayed offline check-in keeps the first time. */
export async function checkIn(e: EventItem, reg: RegistrationItem, at: string, nonce: string | undefined, commit: Commit = transact) {
  if (reg.checkedInAt) {
    await commit([]); // nothing changes; the attempt is still recorded
    return { memberId: reg.memberId, name: reg.name, checkedInAt: reg.checkedInAt, alreadyCheckedIn: true };
  }
  try {
    await commit([
      update(Registration.key(reg), {
        UpdateExpression: 'SET checkedInAt = :at, checkinNonce = :nonce',
        ConditionExpression: '#st = :confirmed AND attribute_not_exists(checkedInAt)',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':at': at, ':nonce': nonce ?? 'online', ':confirmed': 'confirmed' },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    ]);
  } catch (err) {
    const [now] = cancellationItems(err) as [RegistrationItem | undefined];
    if (now?.status === 'confirmed' && now.checkedInAt) return checkIn(e, now, at, nonce, commit);
    if (cancellationCodes(err)) throw conflict('NOT_REGISTERED', '此人没有报名成功，不能签到');
    throw err;
  }
  return { memberId: reg.memberId, name: reg.name, checkedInAt: at, alreadyCheckedIn: false };
}

/** Takes a check-in back; a member not checked in stays as they are (the attempt is still recorded). */
export async function undoCheckIn(reg: RegistrationItem, commit: Commit = transact) {
  await commit(
    reg.checkedInAt
      ? [update(Registration.key(reg), { UpdateExpression: 'REMOVE checkedInAt, checkinNonce', ConditionExpression: '#st = :confirmed', ExpressionAttributeNames: { '#st': 'status' }, ExpressionAttributeValues: { ':confirmed': 'confirmed' } })]
      : [],
  );
  return { memberId: reg.memberId, name: reg.name, checkedIn: false };
}
