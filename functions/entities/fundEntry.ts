import type { FundEntryKind } from '../../shared/domain/aid';
import { compose, msPart, type TableKey } from './key';
import { Fund } from './fund';

/**
 * One entry of the hardship fund's ledger, immutable once written (put under
 * attribute_not_exists, never updated): the opening balance, an allocation in, or aid paid out
 * for a case. `amountFen` is always positive; the kind says its direction. In the fund's
 * partition, by time.
 */
export interface FundEntryAttributes {
  orgId: string;
  entryId: string;
  kind: FundEntryKind;
  amountFen: number;
  note?: string;
  at: string;
  by: string;
  byName: string;
  /** For aid: the case paid (the recipient is on the case; this ledger is the chair's and treasurer's only). */
  caseId?: string;
  category?: string;
  memberName?: string;
}
export type FundEntryItem = TableKey & { type: 'fundEntry' } & FundEntryAttributes;

const PREFIX = 'ENTRY';
export const FundEntry = {
  key: ({ orgId, at, entryId }: Pick<FundEntryAttributes, 'orgId' | 'at' | 'entryId'>): TableKey => ({ pk: Fund.partition(orgId), sk: compose(PREFIX, msPart(at), entryId) }),
  item: (a: FundEntryAttributes): FundEntryItem => ({ ...a, ...FundEntry.key(a), type: 'fundEntry' }),
  queryOfFund: (orgId: string) => Fund.queryPart(orgId, compose(PREFIX, '')),
};
