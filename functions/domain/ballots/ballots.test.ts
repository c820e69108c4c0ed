import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ballot, type BallotItem } from '../../entities/ballot';
import { BallotPaper, newReceipt } from '../../entities/ballotPaper';
import { CHUNKS, ElectorateChunk, chunkOf } from '../../entities/electorateChunk';
import { VoterMark } from '../../entities/voterMark';
import { AppError } from '../../lib/errors';
import { marshall } from '@aws-sdk/util-dynamodb';
import { termOf } from '../../../shared/domain/term';
import { TermTally } from '../../entities/termTally';
import type { Commit, TransactItem } from '../../lib/db';
import { chunksOf, closeBallot, electorateHash, openWrites } from './manage';
import { resultsOf } from './views';
import { voteWrites } from './vote';

const ballot = (over: Partial<BallotItem> = {}): BallotItem =>
  Ballot.item({
    ballotId: 'b-test0001',
    orgId: 'o-1',
    districtId: 'd-1',
    title: '表决',
    electorate: 'delegates',
    questions: [{ id: 'q1', text: '事项', kind: 'motion' }],
    status: 'draft',
    createdBy: 'm-chair',
    createdAt: '2026-12-01T08:00:00.000Z',
    eligibleCount: 0,
    votedCount: 0,
    ...over,
  });
const memberId = fc.stringMatching(/^[A-Za-z0-9_-]{4,64}$/);

describe('the frozen electorate', () => {
  it('puts each member in the one chunk computed from their id, the same every time', () => {
    expect(chunkOf('m-abc')).toBe(chunkOf('m-abc'));
    expect([chunkOf(''), chunkOf('a'), chunkOf('foobar')]).toEqual([0x811c9dc5 % 16, 0xe40c292c % 16, 0xbf9cf968 % 16]); // FNV-1a test vectors
    fc.assert(
      fc.property(fc.uniqueArray(memberId, { minLength: 1, maxLength: 300 }), (ids) => {
        const chunks = chunksOf(ids);
        expect(chunks.size).toBeLessThanOrEqual(CHUNKS);
        expect([...chunks.values()].flatMap((s) => [...s]).sort()).toEqual([...ids].sort());
        for (const [c, set] of chunks) for (const id of set) expect(chunkOf(id)).toBe(c);
        const writes = openWrites(ballot(), ids, '2026-12-01T09:00:00.000Z');
        expect(writes[0]!.Update!.ConditionExpression).toBe('#status = :draft');
        expect(writes.slice(1).map((w) => w.Put!.Item!.sk)).toEqual([...chunks.keys()].map((c) => ElectorateChunk.key({ ballotId: 'b-test0001', chunk: c }).sk));
        for (const id of ids) expect(writes.some((w) => w.Put?.Item?.sk === ElectorateChunk.keyOfMember('b-test0001', id).sk && (w.Put.Item.ids as Set<string>).has(id))).toBe(true);
      }),
    );
  });

  it('spreads a school of 5000 evenly enough that a chunk stays far under 400 KB', () => {
    const ids = Array.from({ length: 5000 }, () => `m${randomBytes(40).toString('base64url')}`.slice(0, 64));
    const sizes = [...chunksOf(ids).values()].map((s) => [...s].reduce((n, id) => n + id.length + 3, 0));
    expect(sizes).toHaveLength(CHUNKS);
    expect(Math.max(...sizes)).toBeLessThan(60 * 1024);
  });

  it('hashes the sorted ids, one per line, whatever order they come in', () => {
    const ids = ['m-b', 'm-a', 'm-c'];
    expect(electorateHash(ids)).toBe(createHash('sha256').update('m-a\nm-b\nm-c').digest('hex'));
    expect(electorateHash([...ids].reverse())).toBe(electorateHash(ids));
    expect(electorateHash(ids)).not.toBe(electorateHash(['m-a', 'm-b']));
  });
});

describe('a vote’s writes', () => {
  it('check the chunk, mark the voter, put the paper, count: the mark and the paper share nothing but the ballot', () => {
    fc.assert(
      fc.property(memberId, (me) => {
        const receipt = newReceipt();
        const [check, mark, paper, count] = voteWrites('b-test0001', me, receipt, { q1: 'for' });
        expect(check!.ConditionCheck).toMatchObject({ Key: ElectorateChunk.keyOfMember('b-test0001', me), ConditionExpression: 'contains(ids, :me)', ExpressionAttributeValues: { ':me': me } });
        expect(mark!.Put!.Item).toEqual(VoterMark.item({ ballotId: 'b-test0001', memberId: me }));
        expect(Object.keys(mark!.Put!.Item!).sort()).toEqual(['pk', 'sk', 'type']);
        expect(paper!.Put!.Item).toEqual({ ...BallotPaper.key({ ballotId: 'b-test0001', receipt }), type: 'ballotPaper', receipt, answers: { q1: 'for' } });
        expect(JSON.stringify(paper)).not.toContain(me);
        expect(JSON.stringify(mark)).not.toContain(receipt);
        expect(paper!.Put!.ReturnValuesOnConditionCheckFailure).toBeUndefined();
        expect(count!.Update).toMatchObject({ Key: Ballot.key({ ballotId: 'b-test0001' }), UpdateExpression: 'ADD votedCount :one', ConditionExpression: '#status = :open' });
      }),
    );
  });

  it('receipts are 128 random bits in hex, never repeated, with no time in them', () => {
    const receipts = Array.from({ length: 2000 }, newReceipt);
    expect(new Set(receipts).size).toBe(2000);
    for (const r of receipts) expect(r).toMatch(/^[0-9a-f]{32}$/);
    // Made one after another, they do not come out in order (a time-based id would).
    expect([...receipts].sort()).not.toEqual(receipts);
  });
});

describe('results', () => {
  it('only after the close; counted from the papers; receipts sorted', () => {
    const papers = [
      { receipt: 'ff', answers: { q1: 'for' } },
      { receipt: '0a', answers: { q1: 'for' } },
      { receipt: '7c', answers: { q1: 'against' } },
    ];
    for (const status of ['draft', 'open'] as const) {
      const err = (() => {
        try {
          resultsOf(ballot({ status }), papers);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('BALLOT_NOT_CLOSED');
    }
    const r = resultsOf(ballot({ status: 'closed', eligibleCount: 4, votedCount: 3, electorateHash: 'h' }), papers);
    expect(r).toMatchObject({ eligibleCount: 4, ballotsCast: 3, quorumMet: true, receipts: ['0a', '7c', 'ff'], questions: [{ id: 'q1', counts: { for: 2, against: 1, abstain: 0 }, passed: false }] });
  });
});

describe('the close', () => {
  const refusal = (now: BallotItem) =>
    Object.assign(new Error('cancelled'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'ConditionalCheckFailed', Item: marshall(now, { removeUndefinedValues: true, convertClassInstanceToMap: true }) }, { Code: 'None' }] });
  /** The term tally's ADD of a close, figure → by. */
  const added = (w: TransactItem | undefined) => {
    const u = w!.Update!;
    return Object.fromEntries(Object.entries(u.ExpressionAttributeNames!).filter(([k]) => k.startsWith('#f')).map(([k, figure]) => [figure, u.ExpressionAttributeValues![`:${k.slice(1)}`]]));
  };

  it('counts the ballot in the term of its close with the votes the close pins; a vote counted meanwhile: again, with that count', async () => {
    const open = ballot({ status: 'open', openedAt: '2026-12-01T09:00:00.000Z', eligibleCount: 10, votedCount: 3 });
    const sent: TransactItem[][] = [];
    const commit: Commit = async (items) => {
      sent.push(items);
      if (sent.length === 1) throw refusal({ ...open, votedCount: 4 });
    };
    const closed = await closeBallot(open, commit);
    expect(closed).toMatchObject({ status: 'closed', votedCount: 4, eligibleCount: 10 });
    expect(sent).toHaveLength(2);
    sent.forEach(([close, tally], n) => {
      expect(close!.Update).toMatchObject({ Key: Ballot.key(open), ConditionExpression: '#status = :open AND votedCount = :voted AND eligibleCount = :eligible', ExpressionAttributeValues: { ':voted': 3 + n, ':eligible': 10 } });
      expect(tally!.Update!.Key).toEqual(TermTally.key({ orgId: 'o-1', term: termOf(closed.closedAt!) }));
      expect(added(tally)).toEqual({ 'ballots.held': 1, 'ballots.cast': 3 + n, 'ballots.eligible': 10 });
    });
  });

  it('refused because it closed meanwhile: BALLOT_NOT_OPEN, nothing counted', async () => {
    const open = ballot({ status: 'open', eligibleCount: 10, votedCount: 3 });
    let calls = 0;
    const err = await closeBallot(open, async () => {
      calls++;
      throw refusal({ ...open, status: 'closed', closedAt: '2026-12-01T10:00:00.000Z' });
    }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('BALLOT_NOT_OPEN');
    expect(calls).toBe(1);
  });
});
