import { randomBytes } from 'node:crypto';
import type { Answers } from '../../shared/domain/ballots';
import { Ballot } from './ballot';
import { compose, type TableKey } from './key';

/**
 * One anonymous ballot paper: the answers, under a receipt of 128 random bits. No member id, no
 * timestamp, no key that sorts by time: nothing joins it to its voter or to the moment it was
 * cast. Tallies are counted from these alone, in one query of the ballot's partition.
 */
export interface BallotPaperAttributes {
  ballotId: string;
  receipt: string;
  answers: Answers;
}
export type BallotPaperItem = TableKey & { type: 'ballotPaper'; receipt: string; answers: Answers };

/** 128 bits from the system's CSPRNG, as 32 hex digits: no time in it, nothing guessable. */
export const newReceipt = (): string => randomBytes(16).toString('hex');

const PREFIX = 'PAPER';
export const BallotPaper = {
  key: ({ ballotId, receipt }: Pick<BallotPaperAttributes, 'ballotId' | 'receipt'>): TableKey => ({ pk: Ballot.partition(ballotId), sk: compose(PREFIX, receipt) }),
  /** Only what the paper is: its key, its receipt and its answers. Nothing is added here, ever. */
  item: ({ ballotId, receipt, answers }: BallotPaperAttributes): BallotPaperItem => ({ ...BallotPaper.key({ ballotId, receipt }), type: 'ballotPaper', receipt, answers }),
  queryOfBallot: (ballotId: string) => Ballot.queryPart(ballotId, compose(PREFIX, '')),
};
