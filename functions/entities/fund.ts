import { compose, inPartition, type TableKey } from './key';

/**
 * A school's hardship fund (互助储金 / 困难补助基金). Its partition holds the balance (this item),
 * the ledger's entries (fundEntry.ts) and the per-term aid tallies (aidTally.ts), so the ledger
 * and a recount are one consistent query. The balance moves only in the transaction that writes
 * an entry, and an aid entry only under `balanceFen >= :out`: it never goes negative and always
 * equals the sum of the entries.
 */
export interface FundAttributes {
  orgId: string;
  balanceFen: number;
  /** Money in (opening + allocations) and out (aid paid), and the number of entries. */
  inFen: number;
  outFen: number;
  entryCount: number;
  /** When the opening balance was entered; an opening is taken once. */
  openedAt?: string;
}
export type FundItem = TableKey & { type: 'fund' } & FundAttributes;

export const Fund = {
  partition: (orgId: string) => compose('FUND', orgId),
  key: ({ orgId }: Pick<FundAttributes, 'orgId'>): TableKey => ({ pk: Fund.partition(orgId), sk: 'BALANCE' }),
  /** What sorts under `prefix` in the fund's partition (see the item modules). */
  queryPart: (orgId: string, prefix: string) => inPartition(Fund.partition(orgId), prefix),
};
