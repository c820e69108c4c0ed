import { Event, type EventItem } from '../../entities/event';
import { keyId } from '../../entities/key';
import { Registration, type RegistrationItem } from '../../entities/registration';
import { Seats, type SeatsItem } from '../../entities/seats';
import { WaitEntry, type WaitEntryItem } from '../../entities/waitEntry';
import { batchGet, getItem, queryAll, queryPage } from '../../lib/db';

/** Reading an event's items: the event, its seat counters, registrations and waitlist. */

export const getEvent = (eventId: string) => getItem<EventItem>(Event.key({ eventId }));
export const getRegistration = (eventId: string, memberId: string) => getItem<RegistrationItem>(Registration.key({ eventId, memberId }));

/** What a sign-up decides on: the seat counters and the member's registration, if any. */
export interface SignupState {
  seats: SeatsItem;
  mine?: RegistrationItem;
}
export const signupKeys = (eventId: string, memberId: string) => [Seats.key({ eventId }), Registration.key({ eventId, memberId })];

/** The sign-up state from items already read (the request's one batch read), or undefined when absent. */
export function signupStateOf(eventId: string, memberId: string, loaded: <T>(key: ReturnType<typeof Seats.key>) => T | undefined): SignupState | undefined {
  const seats = loaded<SeatsItem>(Seats.key({ eventId }));
  return seats && { seats, mine: loaded<RegistrationItem>(Registration.key({ eventId, memberId })) };
}

/** The sign-up state in one request. */
export async function loadSignupState(eventId: string, memberId: string): Promise<SignupState> {
  const items = await batchGet(signupKeys(eventId, memberId));
  const state = signupStateOf(eventId, memberId, (key) => items.get(keyId(key)) as never);
  if (!state) throw new Error(`event ${eventId} has no seat counters`);
  return state;
}

export const listRegistrations = (eventId: string) => queryAll<RegistrationItem>({ ...Registration.queryOfEvent(eventId), ConsistentRead: true });

/** A member's registrations, newest event first. */
export const registrationsOfMember = (memberId: string) => queryAll<RegistrationItem>({ ...Registration.queryOfMember(memberId), ScanIndexForward: false });

/** The first in the queue, if anyone waits. */
export async function waitlistHead(eventId: string): Promise<WaitEntryItem | undefined> {
  const [head] = await queryPage<WaitEntryItem>({ ...WaitEntry.queryOfEvent(eventId), ConsistentRead: true, Limit: 1 });
  return head;
}
