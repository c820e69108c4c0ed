import { createHash } from 'node:crypto';
import type { CreateBallotBody } from '../../../shared/schemas/ballots';
import { Ballot, type BallotItem } from '../../entities/ballot';
import { CHUNKS, ElectorateChunk, chunkOf } from '../../entities/electorateChunk';
import type { OrgItem } from '../../entities/org';
import { cancellationCodes, cancellationItems, put, transact, update, type Commit, type TransactItem } from '../../lib/db';
import { conflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { listMembersNow } from '../members';
import { tallyWrite } from '../tally/writes';

/**
 * The chair's part: a ballot is made as a draft, opened (its electorate frozen in the same
 * transaction as the status change) and closed. Each step holds only from the status before it.
 */

const FAILED = 'ConditionalCheckFailed';

export async function createBallot(org: Pick<OrgItem, 'orgId' | 'districtId'>, body: CreateBallotBody, createdBy: string, commit: Commit = transact): Promise<BallotItem> {
  const ballot = Ballot.item({
    ballotId: newId('b'),
    orgId: org.orgId,
    districtId: org.districtId,
    title: body.title,
    ...(body.description ? { description: body.description } : {}),
    electorate: body.electorate,
    questions: body.questions,
    status: 'draft',
    createdBy,
    createdAt: new Date().toISOString(),
    eligibleCount: 0,
    votedCount: 0,
  });
  await commit([put(ballot, { ConditionExpression: 'attribute_not_exists(pk)' })]);
  return ballot;
}

/** sha256 hex of the sorted member ids, one per line: anyone given the list can check the count. */
export const electorateHash = (ids: readonly string[]): string => createHash('sha256').update([...ids].sort().join('\n')).digest('hex');

/**
 * Who may vote, as the roster stands now: active delegates, or every active member. The members
 * index may lag a moment behind an import or a role change, so each member is read again by key
 * (listMembersNow): the electorate frozen at opening is the roster as it is, not as indexed.
 */
export async function currentElectorate(b: Pick<BallotItem, 'orgId' | 'electorate'>): Promise<string[]> {
  const members = await listMembersNow(b.orgId);
  return members.filter((m) => m.active && m.orgId === b.orgId && (b.electorate === 'members' || m.roles.includes('delegate'))).map((m) => m.memberId);
}

/** The electorate's ids spread over the fixed chunks; empty chunks are left out. */
export function chunksOf(ids: readonly string[]): Map<number, Set<string>> {
  const chunks = new Map<number, Set<string>>();
  for (const id of ids) {
    const c = chunkOf(id);
    if (!chunks.has(c)) chunks.set(c, new Set());
    chunks.get(c)!.add(id);
  }
  return new Map([...chunks].sort((a, b) => a[0] - b[0]));
}

/** The writes of an opening: the status change (only from draft) first, then every chunk. */
export function openWrites(b: BallotItem, ids: readonly string[], now: string): TransactItem[] {
  const chunks = chunksOf(ids);
  if (chunks.size > CHUNKS) throw new Error('more chunks than CHUNKS');
  return [
    update(Ballot.key(b), {
      UpdateExpression: 'SET #status = :open, openedAt = :now, eligibleCount = :n, electorateHash = :hash, chunkCount = :chunks',
      ConditionExpression: '#status = :draft',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open', ':draft': 'draft', ':now': now, ':n': ids.length, ':hash': electorateHash(ids), ':chunks': chunks.size },
    }),
    ...[...chunks].map(([chunk, set]) => put(ElectorateChunk.item({ ballotId: b.ballotId, chunk, ids: set }), { ConditionExpression: 'attribute_not_exists(pk)' })),
  ];
}

export async function openBallot(b: BallotItem, commit: Commit = transact): Promise<BallotItem> {
  if (b.status !== 'draft') throw conflict('CONFLICT', b.status === 'open' ? '表决已经开始' : '表决已经结束，不能再开始');
  const ids = [...new Set(await currentElectorate(b))];
  if (ids.length === 0) throw conflict('CONFLICT', b.electorate === 'delegates' ? '本校还没有教代会代表，无法开始表决' : '本校还没有会员，无法开始表决');
  const now = new Date().toISOString();
  try {
    await commit(openWrites(b, ids, now));
  } catch (err) {
    const codes = cancellationCodes(err);
    if (codes?.includes(FAILED)) throw conflict('CONFLICT', '表决已经开始或已结束');
    throw err;
  }
  return { ...b, status: 'open', openedAt: now, eligibleCount: ids.length, electorateHash: electorateHash(ids), chunkCount: chunksOf(ids).size };
}

/**
 * Closes an open ballot, and counts it in the term of its close (ballots.held, cast, eligible) in
 * the same transaction. The close holds only while the ballot is open with the votes it read: a
 * vote counted meanwhile makes it read the ballot again (handed back by the refusal) and close with
 * the count as it then is; a vote after the close is refused (BALLOT_NOT_OPEN), so the count it
 * closes with is final. The tally is never touched per vote.
 */
export async function closeBallot(b: BallotItem, commit: Commit = transact): Promise<BallotItem> {
  let now = b;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (now.status !== 'open') throw conflict('BALLOT_NOT_OPEN', now.status === 'draft' ? '表决还没有开始' : '表决已经结束');
    const closedAt = new Date().toISOString();
    try {
      await commit([
        update(Ballot.key(now), {
          UpdateExpression: 'SET #status = :closed, closedAt = :now',
          ConditionExpression: '#status = :open AND votedCount = :voted AND eligibleCount = :eligible',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':now': closedAt, ':voted': now.votedCount, ':eligible': now.eligibleCount },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
        ...tallyWrite(now.orgId, closedAt, { 'ballots.held': 1, 'ballots.cast': now.votedCount, 'ballots.eligible': now.eligibleCount }),
      ]);
      return { ...now, status: 'closed', closedAt };
    } catch (err) {
      if (cancellationCodes(err)?.[0] !== FAILED) throw err;
      const [seen] = cancellationItems(err) as [BallotItem?];
      if (!seen) throw conflict('BALLOT_NOT_OPEN', '表决已经结束');
      now = seen;
    }
  }
  throw conflict('CONFLICT', '投票的人太多，请稍后再关闭表决');
}
