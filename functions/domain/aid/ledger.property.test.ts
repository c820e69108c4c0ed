import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../local/dynamodb/index';
import { ensureTable } from '../../../local/stack';
import { applyEntries, entryDelta, termOf } from '../../../shared/domain/aid';
import type { AidTallyItem } from '../../entities/aidTally';
import { AidTally } from '../../entities/aidTally';
import { Fund, type FundItem } from '../../entities/fund';
import { TermTally, type TermTallyItem } from '../../entities/termTally';
import type { MemberItem } from '../../entities/member';
import type { Actor } from '../../lib/access';
import { getItem } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { approveCase, openCase, payCase } from './cases';
import { addEntry, entriesOf } from './ledger';

/**
 * Any sequence of ledger entries (openings, allocations, aid paid for approved cases), sent one
 * after another or several at once, against the real emulator and the real commands: the balance
 * item always equals the sum of the entries, never goes negative, and (sent one by one) matches
 * the reference model `applyEntries`; the term's tally and the district rollup's term tally count exactly the aid paid.
 */
let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'aid-prop-')) });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: 'aid-prop',
    LOG_LEVEL: 'ERROR',
  });
  await ensureTable(dynamo.endpoint, 'aid-prop');
});
afterAll(() => dynamo.close());

const actor = (orgId: string, memberId: string, roles: Actor['roles']): Actor => {
  const record = { memberId, orgId, districtId: 'd1', name: `会员${memberId}`, groupId: 'g1', roles, active: true } as unknown as MemberItem;
  return { memberId, orgId, districtId: 'd1', name: record.name, groupId: 'g1', roles: ['member', ...roles], record };
};

type Op = { kind: 'opening' | 'allocation' | 'aid'; amountFen: number };
const opArb: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom('opening' as const, 'allocation' as const, 'aid' as const, 'aid' as const), amountFen: fc.constantFrom(1, 999, 5000, 20_000, 1_000_001) });

/** Runs one op through the real commands: true when it was taken, false when refused with a 409. */
async function run(orgId: string, op: Op): Promise<boolean> {
  const treasurer = actor(orgId, 'treasurer', ['treasurer']);
  try {
    if (op.kind !== 'aid') {
      await addEntry({ orgId, kind: op.kind, amountFen: op.amountFen, by: treasurer.memberId, byName: treasurer.name });
      return true;
    }
    const applicant = actor(orgId, `m${Math.random().toString(36).slice(2, 8)}`, []);
    const opened = await openCase({ orgId, districtId: 'd1' }, applicant, applicant.record, { category: 'illness', requestedFen: op.amountFen, reason: '住院' });
    const approved = await approveCase(opened, actor(orgId, 'chair', ['chair']), { approvedFen: op.amountFen });
    await payCase(approved, treasurer);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.status === 409) return false;
    if ((err as Error).name === 'TransactionCanceledException') return false; // an opening that was not first
    throw err;
  }
}

async function check(orgId: string) {
  const entries = await entriesOf(orgId);
  const fund = await getItem<FundItem>(Fund.key({ orgId }));
  const sum = entries.reduce((s, e) => s + entryDelta(e), 0);
  expect(fund?.balanceFen ?? 0).toBe(sum);
  expect(sum).toBeGreaterThanOrEqual(0);
  expect(fund?.entryCount ?? 0).toBe(entries.length);
  const aid = entries.filter((e) => e.kind === 'aid');
  const tally = await getItem<AidTallyItem>(AidTally.key({ orgId, term: termOf(Date.now()) }));
  expect(tally?.illnessCount ?? 0).toBe(aid.length);
  expect(tally?.illnessFen ?? 0).toBe(aid.reduce((s, e) => s + e.amountFen, 0));
  // The district rollup's term tally moves in the same transactions: the same counts.
  const term = await getItem<TermTallyItem>(TermTally.key({ orgId, term: termOf(Date.now()) }));
  expect([term?.['aid.count'] ?? 0, term?.['aid.byCategory.illness.count'] ?? 0]).toEqual([aid.length, aid.length]);
  expect([term?.['aid.fen'] ?? 0, term?.['aid.byCategory.illness.fen'] ?? 0]).toEqual([tally?.illnessFen ?? 0, tally?.illnessFen ?? 0]);
  return { entries, balanceFen: fund?.balanceFen ?? 0 };
}

describe('hardship fund ledger', () => {
  it('one after another: matches the reference model, balance = sum of entries, never negative', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 10 }), async (ops) => {
        const orgId = `o-${Math.random().toString(36).slice(2)}`;
        const taken: boolean[] = [];
        for (const op of ops) taken.push(await run(orgId, op));
        const model = applyEntries(ops);
        expect(taken).toEqual(model.accepted);
        const { balanceFen } = await check(orgId);
        expect(balanceFen).toBe(model.balanceFen);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('several at once: balance = recount of entries, never negative, aid paid never more than the money in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(opArb, { minLength: 1, maxLength: 5 }), { maxLength: 4 }), async (batches) => {
        const orgId = `o-${Math.random().toString(36).slice(2)}`;
        for (const batch of batches) await Promise.all(batch.map((op) => run(orgId, op)));
        const { entries } = await check(orgId);
        const inFen = entries.filter((e) => e.kind !== 'aid').reduce((s, e) => s + e.amountFen, 0);
        const outFen = entries.filter((e) => e.kind === 'aid').reduce((s, e) => s + e.amountFen, 0);
        expect(outFen).toBeLessThanOrEqual(inFen);
        expect(entries.filter((e) => e.kind === 'opening').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 15 },
    );
  }, 180_000);
});
