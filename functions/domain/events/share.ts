import { negated, type TallyChange } from '../../../shared/domain/tally';
import { termOf, termRange } from '../../../shared/domain/term';
import type { EventItem } from '../../entities/event';
import type { SeatsItem } from '../../entities/seats';
import type { TransactItem } from '../../lib/db';
import { movedTally, tallyWrite } from '../tally/writes';
import { and, type Condition } from './conditions';

/**
 * An event's share of its school's term tally (shared/domain/tally.ts): 'events.held' 1,
 * 'events.participations' its confirmed members (family seats not counted), 'events.checkedIn'
 * its check-ins, in the term of its start, while it is not cancelled: what the term report counts.
 *
 * The seat counters carry the share (the term it is in, confirmedMembers, checkedInCount), and
 * every transaction that moves a count moves the counter and the tally together, under the
 * condition that the event is as read (cancelled or not, its share in the same term). So a
 * cancellation or a move of the start to another term, whose condition pins the counts it read,
 * takes out exactly what is in the tally: a sign-up or a check-in racing it commits before (and
 * is counted in what it takes out) or after (and then counts nowhere, or in the new term).
 * A cancelled event's counters still move; its tally does not (the report ignores it).
 */

/** The term the event's share is counted in (items from before the tally: its start's). */
export const termOfSeats = (e: Pick<EventItem, 'startsAt'>, s: SeatsItem) => s.term ?? termOf(e.startsAt);

/** A day inside the term, which places a tally write in it. */
const dayIn = (term: string) => termRange(term).from;

/** The event still as read: cancelled or not, its share in the term read. */
export const shareAsRead = (s: SeatsItem): Condition => ({
  expr: `cancelled = :shCancelled AND ${s.term ? '#term = :shTerm' : 'attribute_not_exists(#term)'}`,
  names: { '#term': 'term' },
  values: { ':shCancelled': s.cancelled, ...(s.term ? { ':shTerm': s.term } : {}) },
});

const exactly = (attr: string, value: number | undefined, name: string): Condition =>
  value === undefined ? { expr: `attribute_not_exists(${attr})` } : { expr: `${attr} = ${name}`, values: { [name]: value } };

/** …and its counts are still the ones read: what a cancellation or a move takes out is what is in. */
export const shareExactly = (s: SeatsItem): Condition => and(shareAsRead(s), exactly('confirmedMembers', s.confirmedMembers, ':shMembersWas'), exactly('checkedInCount', s.checkedInCount, ':shCheckedWas'));

/** The whole share as the counters hold it. */
export const shareOf = (s: SeatsItem): TallyChange => ({ 'events.held': 1, 'events.participations': s.confirmedMembers ?? 0, 'events.checkedIn': s.checkedInCount ?? 0 });

export interface ShareMove {
  /** Terms for the seat update's ADD clause ("confirmedMembers :shMembers"). */
  adds: string[];
  values: Record<string, unknown>;
  /** For the seat update: the event is as read. */
  condition: Condition;
  /** The tally's write (none while the event is cancelled). */
  tally: TransactItem[];
}

/** A registration's counts move (a member confirmed or no longer, a check-in made or undone). */
export function shareMove(e: Pick<EventItem, 'orgId' | 'startsAt'>, s: SeatsItem, by: { members?: number; checkedIn?: number }): ShareMove {
  const members = by.members ?? 0;
  const checkedIn = by.checkedIn ?? 0;
  const adds: string[] = [];
  const values: Record<string, unknown> = {};
  if (members) {
    adds.push('confirmedMembers :shMembers');
    values[':shMembers'] = members;
  }
  if (checkedIn) {
    adds.push('checkedInCount :shChecked');
    values[':shChecked'] = checkedIn;
  }
  return {
    adds,
    values,
    condition: shareAsRead(s),
    tally: s.cancelled ? [] : tallyWrite(e.orgId, dayIn(termOfSeats(e, s)), { 'events.participations': members, 'events.checkedIn': checkedIn }),
  };
}

/** The new event's share: held 1, in its start's term. */
export const heldWrite = (orgId: string, startsAt: string): TransactItem[] => tallyWrite(orgId, startsAt, { 'events.held': 1 });

/** The event is cancelled: its whole share (as read, pinned by shareExactly) leaves the tally. */
export const cancelledShare = (e: Pick<EventItem, 'orgId' | 'startsAt'>, s: SeatsItem): TransactItem[] => tallyWrite(e.orgId, dayIn(termOfSeats(e, s)), negated(shareOf(s)));

/** The event's start moves to `startsAt`: its whole share (as read, pinned by shareExactly) goes with it to the new term (nothing when the term stays). */
export const movedShare = (e: Pick<EventItem, 'orgId' | 'startsAt'>, s: SeatsItem, startsAt: string): TransactItem[] =>
  movedTally(e.orgId, dayIn(termOfSeats(e, s)), startsAt, shareOf(s));
