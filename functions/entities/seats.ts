import type { TableKey } from './key';
import { Event } from './event';

/**
 * The counters every sign-up changes, in one item so that one transaction's conditions carry
 * the rules: confirmed seats never exceed capacity, and the waitlist only grows at its tail.
 */
export interface SeatsAttributes {
  eventId: string;
  capacity: number;
  confirmedSeats: number;
  waitingCount: number;
  /** The key of the newest waitlist entry: a new one must sort after it. */
  waitTail?: string;
  closesAtMs: number;
  cancelled: boolean;
}
export type SeatsItem = TableKey & { type: 'seats' } & Omit<SeatsAttributes, 'eventId'>;

export const Seats = {
  key: ({ eventId }: Pick<SeatsAttributes, 'eventId'>): TableKey => ({ pk: Event.partition(eventId), sk: 'SEATS' }),
  item: ({ eventId, ...a }: SeatsAttributes): SeatsItem => ({ ...a, ...Seats.key({ eventId }), type: 'seats' }),
};
