import type { AidCategory } from '../../shared/domain/aid';
import { compose, type TableKey } from './key';
import { Fund } from './fund';

/**
 * The aid paid in one school term, per category: counts and sums only, never who. The
 * transaction that pays a case adds to it (ADD on `<category>Count` and `<category>Fen`), so
 * everyone's summary reads these few items and never sums cases. In the fund's partition.
 */
export interface AidTallyAttributes {
  orgId: string;
  /** "2026-2027-1" (shared/domain/aid.ts termOf). */
  term: string;
}
export type AidTallyItem = TableKey & { type: 'aidTally'; term: string } & Partial<Record<`${AidCategory}Count` | `${AidCategory}Fen`, number>>;

const PREFIX = 'TERM';
export const AidTally = {
  key: ({ orgId, term }: AidTallyAttributes): TableKey => ({ pk: Fund.partition(orgId), sk: compose(PREFIX, term) }),
  queryOfFund: (orgId: string) => Fund.queryPart(orgId, compose(PREFIX, '')),
};
