import { compose, inRange, msPart, type TableKey } from './key';
import { Event } from './event';

/**
 * One place in an event's waitlist. Entries sort by their key, which is the arrival time and a
 * random tie-breaker, so the partition's order is the queue's order.
 */
export interface WaitEntryAttributes {
  eventId: string;
  /** msPart(arrival) # tie-breaker */
  waitKey: string;
  memberId: string;
  seats: number;
}
export type WaitEntryItem = TableKey & { type: 'wait'; memberId: string; seats: number };

const PREFIX = 'WAIT';
export const WaitEntry = {
  /** A sortable, strictly increasing waitlist key: arrival time, then a tie-breaker. */
  waitKey: (epochMs: number, tiebreak: string) => compose(msPart(epochMs), tiebreak),
  /** The arrival time (ms) a wait key carries. */
  arrivalMs: (waitKey: string) => Number(waitKey.split('#')[0]),
  key: ({ eventId, waitKey }: Pick<WaitEntryAttributes, 'eventId' | 'waitKey'>): TableKey => ({ pk: Event.partition(eventId), sk: compose(PREFIX, waitKey) }),
  item: (a: WaitEntryAttributes): WaitEntryItem => ({ ...WaitEntry.key(a), type: 'wait', memberId: a.memberId, seats: a.seats }),
  /** The wait key an item's sort key holds. */
  waitKeyOf: (sk: string) => sk.slice(PREFIX.length + 1),
  queryOfEvent: (eventId: string) => Event.queryPart(eventId, compose(PREFIX, '')),
  /** Entries from the start of `fromKeyPrefix` (a wait-key prefix) up to and including `waitKey`. */
  queryBetween: (eventId: string, fromKeyPrefix: string, waitKey: string) =>
    inRange(Event.partition(eventId), compose(PREFIX, fromKeyPrefix), compose(PREFIX, waitKey)),
};
