import { answerProblem, type Answers } from '../../../shared/domain/ballots';
import { Ballot, type BallotItem } from '../../entities/ballot';
import { BallotPaper, newReceipt } from '../../entities/ballotPaper';
import { ElectorateChunk, type ElectorateChunkItem } from '../../entities/electorateChunk';
import { VoterMark, type VoterMarkItem } from '../../entities/voterMark';
import type { TableKey } from '../../entities/key';
import { cancellationCodes, put, table, transact, update, type Commit, type TransactItem } from '../../lib/db';
import { AppError, conflict, forbidden, invalidInput } from '../../lib/errors';
import { backoffMs, isTransientConflict } from '../../lib/retry';
import { inSlot } from '../../lib/slots';

/**
 * Casting a secret ballot: ONE transaction that
 *   0. checks the member is in the frozen electorate (their chunk contains their id),
 *   1. records that the member voted (never twice),
 *   2. stores the anonymous paper under a fresh random receipt (answers only),
 *   3. adds 1 to the ballot's votedCount while it is open.
 * The mark and the paper share no id, no key part and no timestamp. Nothing of the answers or
 * the receipt is logged, audited or put in an error; a failure's reasons are read by position.
 */

const FAILED = 'ConditionalCheckFailed';
/** Votes in flight per ballot in one process: every vote updates the ballot item, so more only meet each other there (1, 2 and 4 measured: 2 kept). */
const TRANSACTIONS_PER_BALLOT = 2;
const VOTE_DEADLINE_MS = 25_000;

export const notInElectorate = () => forbidden('您不在本次表决的选民名单中');
export const alreadyVoted = () => conflict('ALREADY_VOTED', '您已经投过票了，每人只能投一次');
export const notOpen = (b?: Pick<BallotItem, 'status'>) => conflict('BALLOT_NOT_OPEN', b?.status === 'draft' ? '表决还没有开始' : '表决已经结束');

/** What the vote and the ballot's page read with the request: the caller's mark and electorate chunk. */
export const voterKeys = (ballotId: string, memberId: string): TableKey[] => [VoterMark.key({ ballotId, memberId }), ElectorateChunk.keyOfMember(ballotId, memberId)];

export interface VoterState {
  voted: boolean;
  eligible: boolean;
}
export function voterState(b: Pick<BallotItem, 'ballotId' | 'status'>, memberId: string, loaded: <T>(key: TableKey) => T | undefined): VoterState {
  const mark = loaded<VoterMarkItem>(VoterMark.key({ ballotId: b.ballotId, memberId }));
  const chunk = b.status === 'draft' ? undefined : loaded<ElectorateChunkItem>(ElectorateChunk.keyOfMember(b.ballotId, memberId));
  return { voted: mark !== undefined, eligible: chunk?.ids instanceof Set ? chunk.ids.has(memberId) : false };
}

/** The vote's writes, in the order the refusal reasons are read. */
export function voteWrites(ballotId: string, memberId: string, receipt: string, answers: Answers): TransactItem[] {
  return [
    {
      ConditionCheck: {
        TableName: table(),
        Key: { ...ElectorateChunk.keyOfMember(ballotId, memberId) },
        ConditionExpression: 'contains(ids, :me)',
        ExpressionAttributeValues: { ':me': memberId },
      },
    },
    put(VoterMark.item({ ballotId, memberId }), { ConditionExpression: 'attribute_not_exists(pk)' }),
    put(BallotPaper.item({ ballotId, receipt, answers }), { ConditionExpression: 'attribute_not_exists(pk)' }),
    update(Ballot.key({ ballotId }), {
      UpdateExpression: 'ADD votedCount :one',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':one': 1, ':open': 'open' },
    }),
  ];
}

/**
 * Casts the member's ballot and returns its receipt. `state` is what the request read. A retried
 * request whose first try was counted meets its own mark: 409 ALREADY_VOTED, counted once.
 */
export async function castVote(b: BallotItem, memberId: string, answers: Answers, state: VoterState, commit: Commit = transact): Promise<string> {
  const problem = answerProblem(b.questions, answers);
  if (problem) throw invalidInput(problem);
  if (b.status !== 'open') throw notOpen(b);
  if (!state.eligible) throw notInElectorate();
  if (state.voted) throw alreadyVoted();
  const deadline = Date.now() + VOTE_DEADLINE_MS;
  for (let conflicts = 0; Date.now() < deadline; ) {
    const receipt = newReceipt();
    try {
      await inSlot(b.ballotId, TRANSACTIONS_PER_BALLOT, () => commit(voteWrites(b.ballotId, memberId, receipt, answers), { retryConflicts: false }));
      return receipt;
    } catch (err) {
      if (err instanceof AppError) throw err;
      const codes = cancellationCodes(err);
      // Never pass on the error itself: whatever it carries stays out of the logs.
      if (!codes) throw new Error(`vote failed: ${(err as Error)?.name ?? 'unknown'}`);
      if (codes[3] === FAILED) throw notOpen({ status: 'closed' });
      if (codes[0] === FAILED) throw notInElectorate();
      if (codes[1] === FAILED) throw alreadyVoted();
      if (codes[2] !== FAILED && !isTransientConflict(err)) throw new Error(`vote failed: ${codes.join(',')}`);
      // A conflict on the ballot's counter (or, once in 2^128, a receipt taken): again, with a new receipt.
      conflicts++;
      await new Promise((r) => setTimeout(r, backoffMs(conflicts, { baseDelayMs: 10, maxDelayMs: 500 })));
    }
  }
  throw conflict('CONFLICT', '投票的人太多，请稍后再试');
}
