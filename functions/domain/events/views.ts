import { eventPhase, seatsLeft } from '../../../shared/domain/events';
import type { EventView, MyRegistration } from '../../../shared/schemas/events';
import { Event, type EventItem } from '../../entities/event';
import { keyId } from '../../entities/key';
import type { RegistrationItem } from '../../entities/registration';
import type { SeatsItem } from '../../entities/seats';
import { WaitEntry } from '../../entities/waitEntry';
import { WaitSecond } from '../../entities/waitSecond';
import { batchGet, queryAll } from '../../lib/db';
import { promoteIfStuck } from './promote';
import { loadSignupState, signupKeys, type SignupState } from './records';

/** What members and the committee see of events. */

/**
 * Position in the waitlist, 1-based: the waiting entries up to and including this key. Counting
 * every entry ahead would cost O(position); instead each second of arrivals keeps a counter
 * (changed in the same transactions that add or remove entries), so this sums the counters of
 * earlier seconds and counts entries from this key's second on, in one query.
 */
export async function positionOf(eventId: string, waitKey: string): Promise<number> {
  const items = await queryAll<{ type?: string; sk: string; n?: number }>({ ...WaitSecond.queryPosition(eventId, waitKey), ConsistentRead: true });
  let position = 0;
  for (const item of items) {
    if (item.type === 'wait') position += WaitEntry.waitKeyOf(item.sk) <= waitKey ? 1 : 0;
    else position += item.n ?? 0;
  }
  return position;
}

/** A live registration as its member sees it; `position` only when asked for (it costs a query). */
export async function myRegistration(reg: RegistrationItem | undefined, withPosition = true): Promise<MyRegistration | null> {
  if (!reg || reg.status === 'cancelled') return null;
  return {
    status: reg.status,
    position: withPosition && reg.status === 'waitlisted' ? await positionOf(reg.eventId, reg.waitKey!) : undefined,
    family: reg.family,
    choices: reg.choices,
    checkedIn: Boolean(reg.checkedInAt),
  };
}

export function eventView(e: EventItem, s: SeatsItem | undefined, me: MyRegistration | null, now = Date.now()): EventView {
  const confirmedSeats = s?.confirmedSeats ?? 0;
  return {
    eventId: e.eventId,
    orgId: e.orgId,
    title: e.title,
    place: e.place,
    startsAt: e.startsAt,
    signupClosesAt: e.signupClosesAt,
    capacity: e.capacity,
    maxFamily: e.maxFamily,
    options: e.options,
    description: e.description,
    costNote: e.costNote,
    cancelled: e.cancelled,
    state: eventPhase(e, now),
    confirmedSeats,
    seatsLeft: seatsLeft({ capacity: e.capacity, confirmedSeats, waitingCount: s?.waitingCount ?? 0 }),
    waitlistLength: s?.waitingCount ?? 0,
    me,
  };
}

/** The event page: counters and my registration (from `state` when already read). */
export async function loadEventView(e: EventItem, memberId: string, state?: SignupState): Promise<EventView> {
  let { seats, mine } = state ?? (await loadSignupState(e.eventId, memberId));
  if (await promoteIfStuck(e, seats)) ({ seats, mine } = await loadSignupState(e.eventId, memberId));
  return eventView(e, seats, await myRegistration(mine));
}

/** A school's events, latest start first (at most 100), each with its counters and my registration. */
export async function listEvents(orgId: string, memberId: string): Promise<EventView[]> {
  const events = (await queryAll<EventItem>({ ...Event.queryOfOrg(orgId), ScanIndexForward: false })).slice(0, 100);
  const found = await batchGet(events.flatMap((e) => signupKeys(e.eventId, memberId)));
  return Promise.all(
    events.map(async (e) => {
      const [seatsKey, regKey] = signupKeys(e.eventId, memberId);
      const seats = found.get(keyId(seatsKey!)) as SeatsItem | undefined;
      if (await promoteIfStuck(e, seats)) return loadEventView(e, memberId);
      const me = await myRegistration(found.get(keyId(regKey!)) as RegistrationItem | undefined, false);
      return eventView(e, seats, me);
    }),
  );
}
