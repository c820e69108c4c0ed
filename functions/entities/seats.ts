import type { TableKey } from './key';
import { Event } from './event';

/**
 * The counters every sign-up changes, in one item so that one transaction's conditions carry
 * the rules: confirmed seats never exceed capacity, and the waitlist only grows at its tail.
 * It also carries the event's share of its school's term tally (functions/domain/events/share.ts):
 * the term its start falls in, its confirmed members and its check-ins, moved by the same
 * transactions as the tally, so a cancellation or a move takes out exactly what is in it.
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
  /** The school term of the event's start ("2026-2027-1"): the tally its share is counted in. */
  term: string;
  /** Registrations confirmed now (one per member, family not counted): 参与人次. */
  confirmedMembers: number;
  /** Registrations checked in now. */
  checkedInCount: number;
}
/** Items written before the term tally have no share attributes (see share.ts). */
export type SeatsItem = TableKey & { type: 'seats' } & Omit<SeatsAttributes, 'eventId' | 'term' | 'confirmedMembers' | 'checkedInCount'> &
  Partial<Pick<SeatsAttributes, 'term' | 'confirmedMembers' | 'checkedInCount'>>;

export const Seats = {
  key: ({ eventId }: Pick<SeatsAttributes, 'eventId'>): TableKey => ({ pk: Event.partition(eventId), sk: 'SEATS' }),
  item: ({ eventId, ...a }: SeatsAttributes): SeatsItem => ({ ...a, ...Seats.key({ eventId }), type: 'seats' }),
};
