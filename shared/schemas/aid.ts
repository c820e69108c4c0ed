import * as z from 'zod/mini';
import { AID_CATEGORIES, FUND_ENTRY_KINDS } from '../domain/aid';
import { MAX_GIFT_FEN } from '../domain/money';
import { Id } from './common';

/** 互助储金 / 困难补助基金: the ledger, aid cases and their per-term aggregates. */

export const AidCategory = z.enum(AID_CATEGORIES);
const Amount = z.int().check(z.gte(1, '金额必须大于 0'), z.lte(MAX_GIFT_FEN, '单笔金额不能超过 100 万元'));
const text = (max: number, missing: string) => z.string().check(z.trim(), z.minLength(1, missing), z.maxLength(max));

/** The treasurer's entries: the opening balance (once) and allocations in. Aid out is written only by paying a case. */
export const FundEntryBody = z.strictObject({
  kind: z.enum(FUND_ENTRY_KINDS.filter((k) => k !== 'aid') as ['opening', 'allocation']),
  amountFen: Amount,
  note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});
export type FundEntryBody = z.infer<typeof FundEntryBody>;

/** A member applies for themselves (no memberId); a group leader or the committee puts a member forward. */
export const AidCaseBody = z.strictObject({
  category: AidCategory,
  requestedFen: Amount,
  reason: text(1000, '请填写申请理由'),
  memberId: z.optional(Id),
});
export type AidCaseBody = z.infer<typeof AidCaseBody>;

export const ApproveAidBody = z.strictObject({ approvedFen: Amount, note: z.optional(z.string().check(z.trim(), z.maxLength(200))) });
export type ApproveAidBody = z.infer<typeof ApproveAidBody>;
export const DeclineAidBody = z.strictObject({ reason: text(200, '请填写不予批准的原因') });
export type DeclineAidBody = z.infer<typeof DeclineAidBody>;

/** What the routes answer (the functions build these; the weapp fixtures are checked against them). */
const Fen = z.int();
export const AidCaseView = z.object({
  caseId: Id,
  orgId: Id,
  memberId: Id,
  name: z.string(),
  category: AidCategory,
  requestedFen: Fen,
  reason: z.string(),
  proposedByName: z.string(),
  selfApplied: z.boolean(),
  status: z.enum(['pending', 'approved', 'declined', 'paid']),
  createdAt: z.string(),
  approvedFen: z.optional(Fen),
  decidedByName: z.optional(z.string()),
  decidedAt: z.optional(z.string()),
  decisionNote: z.optional(z.string()),
  declineReason: z.optional(z.string()),
  paidAt: z.optional(z.string()),
  canDecide: z.boolean(),
  canPay: z.boolean(),
});
export const AidCaseList = z.object({ cases: z.array(AidCaseView) });
export const TermSummaryView = z.object({
  term: z.string(),
  label: z.string(),
  categories: z.array(z.object({ category: AidCategory, label: z.string(), count: z.int(), totalFen: Fen })),
  count: z.int(),
  totalFen: Fen,
});
export const BalanceView = z.object({ balanceFen: Fen, inFen: Fen, outFen: Fen, entryCount: z.int(), openedAt: z.optional(z.string()) });
export const FundView = z.object({ currentTerm: z.string(), terms: z.array(TermSummaryView), balance: z.optional(BalanceView) });
export const FundEntryView = z.object({
  entryId: Id,
  kind: z.enum(FUND_ENTRY_KINDS),
  amountFen: Fen,
  deltaFen: Fen,
  note: z.optional(z.string()),
  at: z.string(),
  byName: z.string(),
  caseId: z.optional(Id),
  category: z.optional(AidCategory),
  memberName: z.optional(z.string()),
});
export const LedgerView = z.object({ ...BalanceView.shape, sumFen: Fen, entries: z.array(FundEntryView) });
