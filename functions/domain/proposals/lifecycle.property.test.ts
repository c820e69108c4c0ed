import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../local/dynamodb/index';
import { ensureTable } from '../../../local/stack';
import { contribution, OUTCOMES, RATINGS, STATS_COUNTERS, type Outcome, type Rating } from '../../../shared/domain/proposals';
import type { MemberItem } from '../../entities/member';
import { Proposal, type ProposalItem } from '../../entities/proposal';
import { counterName, SessionTotals, type SessionTotalsItem } from '../../entities/sessionTotals';
import type { SessionItem } from '../../entities/session';
import type { Actor } from '../../lib/access';
import { getItem } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { termOf } from '../../../shared/domain/term';
import { TermTally, type TermTallyItem } from '../../entities/termTally';
import { answer, cosign, createDraft, createSession, decide, progress, publish, rate, submit, withdraw } from './lifecycle';

/**
 * Any interleaving of the proposal commands, concurrent batches included, on the real emulator:
 * numbers stay consecutive from 1 with none given twice; the session's counters (as they are and
 * as published) equal a recount of its proposals; the unpublished set names exactly the proposals
 * whose committee decisions wait for publication.
 */
let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'proposals-prop-')) });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: 'proposals-prop',
    LOG_LEVEL: 'ERROR',
  });
  await ensureTable(dynamo.endpoint, 'proposals-prop');
});
afterAll(() => dynamo.close());

const ORG = { orgId: 'o-prop', districtId: 'd1' };
const person = (id: string, roles: Actor['roles']): Actor => ({ memberId: id, orgId: ORG.orgId, districtId: ORG.districtId, name: id, groupId: 'g1', roles, record: { memberId: id, name: id, orgId: ORG.orgId } as MemberItem });
const proposers = [person('d0', ['member', 'delegate']), person('d1', ['member', 'delegate'])];
const delegates = [person('d2', ['member', 'delegate']), person('d3', ['member', 'delegate']), person('d4', ['member', 'delegate'])];
const chair = person('c0', ['member', 'chair']);
const soon = () => new Date(Date.now() + 86_400_000).toISOString();

type Op =
  | { op: 'submit'; p: number }
  | { op: 'cosign'; p: number; by: number }
  | { op: 'decide'; p: number; outcome: Outcome; into: number }
  | { op: 'answer'; p: number }
  | { op: 'progress'; p: number; done: boolean }
  | { op: 'rate'; p: number; rating: Rating }
  | { op: 'withdraw'; p: number }
  | { op: 'publish' };
const N = 5;
const p = fc.integer({ min: 0, max: N - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('submit' as const), p }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('cosign' as const), p, by: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('decide' as const), p, outcome: fc.constantFrom(...OUTCOMES), into: p }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('answer' as const), p }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('progress' as const), p, done: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rate' as const), p, rating: fc.constantFrom(...RATINGS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('withdraw' as const), p }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('publish' as const) }) },
);

const refused = (err: unknown) => {
  if (!(err instanceof AppError && err.status < 500)) throw err;
};

async function run(session: SessionItem, ids: string[], o: Op) {
  if (o.op === 'publish') return void (await publish(session));
  const current = (await getItem<ProposalItem>(Proposal.key({ proposalId: ids[o.p]! })))!;
  const proposer = proposers[o.p % 2]!;
  switch (o.op) {
    case 'submit':
      return void (await submit(current, proposer));
    case 'cosign':
      return void (await cosign(current, delegates[o.by]!));
    case 'decide':
      return void (await decide(current, chair, { outcome: o.outcome, reason: '理由', ...(o.outcome === 'accepted' ? { office: '总务处', dueAt: soon() } : {}), ...(o.outcome === 'merged' ? { mergedInto: ids[o.into] } : {}) }));
    case 'answer':
      return void (await answer(current, chair, '答复'));
    case 'progress':
      return void (await progress(current, chair, { note: '进展', done: o.done }));
    case 'rate':
      return void (await rate(current, proposer, { rating: o.rating }));
    case 'withdraw':
      return void (await withdraw(current, proposer));
  }
}

describe('proposal commands under any interleaving', () => {
  it('keep numbers consecutive and unique, and the counters equal to a recount', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 }), fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), async (needed, batches) => {
        const session = await createSession(ORG, { title: '提案征集', opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: soon(), cosignersNeeded: needed }, chair.memberId);
        // The school's term tally (the same school every run): what this run's proposals add to it.
        const tallyKey = TermTally.key({ orgId: ORG.orgId, term: termOf(session.opensAt) });
        const tallyBefore = (await getItem<TermTallyItem>(tallyKey)) ?? ({} as Partial<TermTallyItem>);
        const ids: string[] = [];
        for (let i = 0; i < N; i++) ids.push((await createDraft(session, proposers[i % 2]!.record, { title: `提案${i}`, category: i % 2 ? 'welfare' : 'teaching', reason: '案由', suggestion: '建议' })).proposalId);
        // Every batch's requests at once; a refusal (4xx) is an answer, anything else fails the property.
        for (const batch of batches) await Promise.all(batch.map((o) => run(session, ids, o).catch(refused)));

        const items = await Promise.all(ids.map((id) => getItem<ProposalItem>(Proposal.key({ proposalId: id })).then((x) => x!)));
        const seqs = items.filter((x) => x.seq !== undefined).map((x) => x.seq!).sort((a, b) => a - b);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        expect(items.filter((x) => x.history.some((h) => h.status === 'cosigning' || h.status === 'review')).length).toBe(seqs.length);

        const totals = (await getItem<SessionTotalsItem>(SessionTotals.key(session)))!;
        for (const k of STATS_COUNTERS) {
          const real = items.reduce((n, x) => n + contribution({ status: x.status, category: x.category, rating: x.rating?.rating, numbered: x.number !== undefined })[k], 0);
          const shown = items.reduce((n, x) => n + (x.shown ? contribution({ status: x.shown.status, category: x.category, rating: x.shown.rating?.rating, numbered: x.number !== undefined })[k] : 0), 0);
          expect(Number(totals[counterName('r', k)] ?? 0), `r_${k}`).toBe(real);
          expect(Number(totals[counterName('p', k)] ?? 0), `p_${k}`).toBe(shown);
          const tallyAfter = (await getItem<TermTallyItem>(tallyKey)) ?? ({} as Partial<TermTallyItem>);
          expect(Number(tallyAfter[`proposals.${k}`] ?? 0) - Number(tallyBefore[`proposals.${k}`] ?? 0), `term tally proposals.${k}`).toBe(real);
        }
        expect([...(totals.unpublished ?? [])].sort()).toEqual(items.filter((x) => x.pending).map((x) => x.proposalId).sort());
        expect([...(totals.proposals ?? [])].sort()).toEqual([...ids].sort());
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
