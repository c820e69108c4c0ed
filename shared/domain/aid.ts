/**
 * 互助储金 / 困难补助基金: the pure rules of the hardship fund. Plain data and functions, no zod:
 * the mini-program imports them as values.
 */

export const AID_CATEGORIES = ['illness', 'disaster', 'family', 'other'] as const;
export type AidCategory = (typeof AID_CATEGORIES)[number];
export const AID_CATEGORY_LABELS: Record<AidCategory, string> = { illness: '大病', disaster: '灾害', family: '家庭变故', other: '其他' };

export const FUND_ENTRY_KINDS = ['opening', 'allocation', 'aid'] as const;
export type FundEntryKind = (typeof FUND_ENTRY_KINDS)[number];
export const FUND_ENTRY_LABELS: Record<FundEntryKind, string> = { opening: '期初余额', allocation: '拨入', aid: '补助支出' };

export type AidStatus = 'pending' | 'approved' | 'declined' | 'paid';
export const AID_STATUS_LABELS: Record<AidStatus, string> = { pending: '待审批', approved: '已批准，待发放', declined: '未批准', paid: '已发放' };

/** The signed change an entry makes to the balance: in for opening and allocation, out for aid. */
export const entryDelta = (e: { kind: FundEntryKind; amountFen: number }): number => (e.kind === 'aid' ? -e.amountFen : e.amountFen);

/**
 * The ledger's rule, as a reference model: entries apply in order; an aid entry larger than the
 * balance is refused (the DynamoDB condition `balanceFen >= :out`), an opening after the first
 * entry is refused. Returns the balance and which entries were accepted.
 */
export function applyEntries(entries: readonly { kind: FundEntryKind; amountFen: number }[]): { balanceFen: number; accepted: boolean[] } {
  let balanceFen = 0;
  let opened = false;
  const accepted = entries.map((e) => {
    if (!Number.isSafeInteger(e.amountFen) || e.amountFen <= 0) return false;
    if (e.kind === 'opening' && opened) return false;
    if (e.kind === 'aid' && balanceFen < e.amountFen) return false;
    opened = true;
    balanceFen += entryDelta(e);
    return true;
  });
  return { balanceFen, accepted };
}

/** The hardship fund tallies per school term: the one term rule (shared/domain/term.ts). */
export { TERM_PATTERN, termLabel, termOf } from './term';
