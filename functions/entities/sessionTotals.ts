import type { StatsCounter } from '../../shared/domain/proposals';
import type { TableKey } from './key';
import { Session } from './session';

/**
 * A session's statistics as counters on one item, moved by the same transaction as every change
 * of a proposal (by the difference of its contribution, shared/domain/proposals.ts), so the
 * stats route reads one item and never sums. Two sets: what is (the committee's view, `r_…`) and
 * what is published (everyone else's, `p_…`). `unpublished` lists the proposals whose committee
 * decisions wait for the next publication (Decidim's distinction), read by key at publication;
 * `proposals` every proposal of the session, drafts included, so the session's list is read by key
 * (consistent right after a write), never through the index.
 */
export type CounterSet = 'r' | 'p';
export const counterName = (set: CounterSet, counter: StatsCounter): `${CounterSet}_${string}` => `${set}_${counter}`;

export interface SessionTotalsAttributes {
  sessionId: string;
  unpublished?: Set<string>;
  proposals?: Set<string>;
  [counter: `${CounterSet}_${string}`]: number;
}
export type SessionTotalsItem = TableKey & { type: 'sessionTotals' } & SessionTotalsAttributes;

export const SessionTotals = {
  key: ({ sessionId }: Pick<SessionTotalsAttributes, 'sessionId'>): TableKey => ({ pk: Session.partition(sessionId), sk: 'TOTALS' }),
  item: (a: SessionTotalsAttributes): SessionTotalsItem => ({ ...a, ...SessionTotals.key(a), type: 'sessionTotals' }),
};
