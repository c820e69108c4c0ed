import type { FundEntryKind } from '../../../shared/domain/aid';
import { Fund, type FundItem } from '../../entities/fund';
import { FundEntry, type FundEntryAttributes, type FundEntryItem } from '../../entities/fundEntry';
import { put, queryAll, transact, update, type Commit, type TransactItem } from '../../lib/db';
import { newId } from '../../lib/ids';

/**
 * The hardship fund's ledger. Every entry is put once (never changed) in the same transaction as
 * the one balance item moves by it; money out moves it only under `balanceFen >= :out`, so the
 * balance never goes negative and always equals the sum of the entries. The opening balance is
 * taken only as the fund's first entry.
 */

export interface EntryInput {
  orgId: string;
  kind: FundEntryKind;
  amountFen: number;
  note?: string;
  by: string;
  byName: string;
  caseId?: string;
  category?: string;
  memberName?: string;
}

/** The index of the balance's write among `entryWrites`, for reading a refusal. */
export const BALANCE_AT = 1;

/** The entry's put and the balance's move: two actions of the caller's transaction. */
export function entryWrites(input: EntryInput, at = new Date().toISOString()): { entry: FundEntryItem; writes: TransactItem[] } {
  const { orgId, kind, amountFen } = input;
  const attrs: FundEntryAttributes = { ...input, entryId: newId('f'), at };
  const entry = FundEntry.item(Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as unknown as FundEntryAttributes);
  const out = kind === 'aid';
  const balance = update(Fund.key({ orgId }), {
    UpdateExpression: out
      ? 'ADD balanceFen :neg, outFen :amt, entryCount :one'
      : `ADD balanceFen :amt, inFen :amt, entryCount :one SET orgId = :org, #type = :type${kind === 'opening' ? ', openedAt = :at' : ''}`,
    ConditionExpression: out ? 'balanceFen >= :amt' : kind === 'opening' ? 'attribute_not_exists(pk)' : undefined,
    ExpressionAttributeNames: out ? undefined : { '#type': 'type' },
    ExpressionAttributeValues: out
      ? { ':neg': -amountFen, ':amt': amountFen, ':one': 1 }
      : { ':amt': amountFen, ':one': 1, ':org': orgId, ':type': 'fund', ...(kind === 'opening' ? { ':at': at } : {}) },
  });
  if (!balance.Update!.ConditionExpression) delete balance.Update!.ConditionExpression;
  if (!balance.Update!.ExpressionAttributeNames) delete balance.Update!.ExpressionAttributeNames;
  return { entry, writes: [put(entry, { ConditionExpression: 'attribute_not_exists(pk)' }), balance] };
}

/** The treasurer's entry in (opening or allocation): one transaction with the balance. */
export async function addEntry(input: EntryInput & { kind: 'opening' | 'allocation' }, commit: Commit = transact): Promise<FundEntryItem> {
  const { entry, writes } = entryWrites(input);
  await commit(writes);
  return entry;
}

export const emptyFund = (orgId: string): FundItem => ({ ...Fund.key({ orgId }), type: 'fund', orgId, balanceFen: 0, inFen: 0, outFen: 0, entryCount: 0 });

/** The ledger, oldest first: one consistent query of the fund's partition. */
export const entriesOf = (orgId: string) => queryAll<FundEntryItem>(FundEntry.queryOfFund(orgId));

export const entryView = (e: FundEntryItem) => ({
  entryId: e.entryId,
  kind: e.kind,
  amountFen: e.amountFen,
  deltaFen: e.kind === 'aid' ? -e.amountFen : e.amountFen,
  note: e.note,
  at: e.at,
  byName: e.byName,
  caseId: e.caseId,
  category: e.category,
  memberName: e.memberName,
});
