import type { TallyFigure } from '../../shared/domain/tally';
import { compose, type TableKey } from './key';
import { Org } from './org';

/**
 * One school's running figures for one school term (shared/domain/term.ts), in the school's own
 * partition: the transaction of every write that moves a term-report figure (a sign-up, a
 * confirmed gift, a proposal's step, a closed ballot, a care visit, aid paid, a new member) adds
 * to it, so the district's rollup reads one item per school and never the records behind it.
 * Attribute names are the figures' names ("events.held", "care.byKind.生病住院.giftFen"); counts
 * and sums only, never who.
 */
export interface TermTallyAttributes {
  orgId: string;
  /** "2026-2027-1" */
  term: string;
}
export type TermTallyItem = TableKey & { type: 'termTally'; orgId: string; term: string } & Partial<Record<TallyFigure, number>>;

const PREFIX = 'TALLY';
export const TermTally = {
  key: ({ orgId, term }: TermTallyAttributes): TableKey => ({ pk: Org.key({ orgId }).pk, sk: compose(PREFIX, term) }),
};
