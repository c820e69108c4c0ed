import { electionOutcome, goodPermille, motionPassed, quorumMet, tally } from '../../../shared/domain/ballots';
import type { BallotResults, BallotView, QuestionResult } from '../../../shared/schemas/ballots';
import type { Role } from '../../../shared/schemas/common';
import { Ballot, type BallotItem } from '../../entities/ballot';
import { BallotPaper, type BallotPaperItem } from '../../entities/ballotPaper';
import { keyId, type TableKey } from '../../entities/key';
import { batchGet, queryAll } from '../../lib/db';
import { conflict } from '../../lib/errors';
import { voterKeys, voterState, type VoterState } from './vote';

/** What members read of a ballot: the ballot with its counts, and the caller's own state. Never who voted how. */

/** The chair and the committee prepare ballots: only they see drafts. */
export const seesDrafts = (roles: readonly Role[]) => roles.includes('chair') || roles.includes('committee');

export function ballotView(b: BallotItem, me: VoterState): BallotView {
  return {
    ballotId: b.ballotId,
    orgId: b.orgId,
    title: b.title,
    ...(b.description ? { description: b.description } : {}),
    electorate: b.electorate,
    questions: b.questions,
    status: b.status,
    createdAt: b.createdAt,
    ...(b.openedAt ? { openedAt: b.openedAt } : {}),
    ...(b.closedAt ? { closedAt: b.closedAt } : {}),
    eligibleCount: b.eligibleCount,
    votedCount: b.votedCount,
    ...(b.electorateHash ? { electorateHash: b.electorateHash } : {}),
    me,
  };
}

/** A school's ballots, newest first (at most 100; drafts only for the chair and committee), each with the caller's state: two reads. */
export async function listBallots(orgId: string, memberId: string, roles: readonly Role[]): Promise<BallotView[]> {
  const all = await queryAll<BallotItem>({ ...Ballot.queryOfOrg(orgId), ScanIndexForward: false });
  const ballots = all.filter((b) => b.status !== 'draft' || seesDrafts(roles)).slice(0, 100);
  // The index may lag a write: the ballot items themselves are read by key, consistently.
  const found = await batchGet(ballots.flatMap((b) => [Ballot.key(b), ...voterKeys(b.ballotId, memberId)]));
  const loaded = <T>(key: TableKey) => found.get(keyId(key)) as T | undefined;
  return ballots.map((indexed) => {
    const b = loaded<BallotItem>(Ballot.key(indexed)) ?? indexed;
    return ballotView(b, voterState(b, memberId, loaded));
  });
}

/** Every paper of the ballot: one (paginated) query of its partition, paper items only. */
export const papersOf = (ballotId: string) => queryAll<BallotPaperItem>({ ...BallotPaper.queryOfBallot(ballotId), ConsistentRead: true });

/** The results, counted from the anonymous papers alone. Only after the close: 409 BALLOT_NOT_CLOSED before. */
export function resultsOf(b: BallotItem, papers: readonly Pick<BallotPaperItem, 'receipt' | 'answers'>[]): BallotResults {
  if (b.status !== 'closed') throw conflict('BALLOT_NOT_CLOSED', '表决结束后才能查看结果');
  const ballotsCast = papers.length;
  const eligible = b.eligibleCount;
  const counts = tally(
    b.questions,
    papers.map((p) => p.answers),
  );
  const questions: QuestionResult[] = b.questions.map((q) => {
    const c = counts[q.id]!;
    const base = { id: q.id, kind: q.kind, text: q.text, counts: c };
    if (q.kind === 'motion') return { ...base, passed: motionPassed(c.for ?? 0, ballotsCast, eligible) };
    if (q.kind === 'rating') return { ...base, goodPermille: goodPermille(c, ballotsCast) };
    return { ...base, ...electionOutcome(c, q.seats ?? 0, ballotsCast) };
  });
  return {
    ballotId: b.ballotId,
    title: b.title,
    eligibleCount: eligible,
    ballotsCast,
    quorumMet: quorumMet(ballotsCast, eligible),
    electorateHash: b.electorateHash ?? '',
    questions,
    receipts: papers.map((p) => p.receipt).sort(),
  };
}

export async function ballotResults(b: BallotItem): Promise<BallotResults> {
  if (b.status !== 'closed') return resultsOf(b, []); // throws, without reading
  return resultsOf(b, await papersOf(b.ballotId));
}
