import { MEMBER_COUNT_FIGURES, negated, tallyEntries, type MemberCountFigure, type TallyChange } from '../../../shared/domain/tally';
import { termOf } from '../../../shared/domain/term';
import { MemberCounts } from '../../entities/memberCounts';
import { TermTally } from '../../entities/termTally';
import type { TableKey } from '../../entities/key';
import { update, type TransactItem } from '../../lib/db';

/**
 * The writes that keep a school's term tallies (and its member counts) moving with the records:
 * a command adds what they return to its own transaction, beside the write that moves the figure,
 * so the tallies always equal a recount. They carry no condition of their own: the record's write
 * beside them does (it exists, it is in the state the change was computed from), and a refusal
 * cancels both. A transaction may touch an item once: a command with several changes passes them
 * together and gets one write per term.
 */

/** A change dated by the record it belongs to (an event's start, a campaign's close, a visit's date...). */
export interface DatedChange {
  /** The instant (ms or ISO) or China date (YYYY-MM-DD) that places the change in a term. */
  at: number | string;
  change: TallyChange;
}

const placeOf = (at: number | string) => (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00+08:00` : at);

/** One ADD per term touched, none for changes that cancel out. */
export function tallyWrites(orgId: string, changes: DatedChange[]): TransactItem[] {
  const byTerm = new Map<string, Map<string, number>>();
  for (const { at, change } of changes) {
    const term = termOf(placeOf(at));
    const sums = byTerm.get(term) ?? new Map<string, number>();
    byTerm.set(term, sums);
    for (const [figure, by] of tallyEntries(change)) sums.set(figure, (sums.get(figure) ?? 0) + by);
  }
  const writes: TransactItem[] = [];
  for (const [term, sums] of byTerm) {
    const entries = [...sums].filter(([, by]) => by !== 0);
    if (entries.length === 0) continue;
    writes.push(addTo(TermTally.key({ orgId, term }), entries, { type: 'termTally', orgId, term }));
  }
  return writes;
}

/** One dated change: `tallyWrites(orgId, [{ at, change }])`. */
export const tallyWrite = (orgId: string, at: number | string, change: TallyChange): TransactItem[] => tallyWrites(orgId, [{ at, change }]);

/** A record whose date moves (an event's start, a campaign's close): its share leaves the old term and joins the new (nothing when the term stays). */
export const movedTally = (orgId: string, fromAt: number | string, toAt: number | string, share: TallyChange): TransactItem[] =>
  tallyWrites(orgId, [
    { at: fromAt, change: negated(share) },
    { at: toAt, change: share },
  ]);

/** The school's member counts move (a member added, deactivated, reactivated, retired). */
export function memberCountsWrite(orgId: string, change: Partial<Record<MemberCountFigure, number>>): TransactItem[] {
  const entries = MEMBER_COUNT_FIGURES.map((f) => [f, change[f] ?? 0] as const).filter(([, by]) => by !== 0);
  if (entries.length === 0) return [];
  return [addTo(MemberCounts.key({ orgId }), entries, { type: 'memberCounts', orgId })];
}

/** ADD each figure (names aliased: they hold dots) and SET the item's own attributes, so it appears with its first change. */
function addTo(key: TableKey, entries: (readonly [string, number])[], attributes: Record<string, string>): TransactItem {
  const own = Object.entries(attributes);
  return update(key, {
    UpdateExpression: `ADD ${entries.map((_, i) => `#f${i} :f${i}`).join(', ')} SET ${own.map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
    ExpressionAttributeNames: { ...Object.fromEntries(entries.map(([f], i) => [`#f${i}`, f])), ...Object.fromEntries(own.map(([a], i) => [`#a${i}`, a])) },
    ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, by], i) => [`:f${i}`, by])), ...Object.fromEntries(own.map(([, v], i) => [`:a${i}`, v])) },
  });
}
