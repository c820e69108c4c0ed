import type { ElectorateKind } from '../../shared/domain/ballots';
import type { BallotStatus, QuestionInput } from '../../shared/schemas/ballots';
import { compose, inIndex, inPartition, msPart, type IndexKey, type TableKey } from './key';

/**
 * A secret ballot of a school (教代会表决, 民主测评, 选举). Its item is also its one total: every
 * vote's transaction adds 1 to `votedCount` under the condition that the ballot is open, so a
 * vote racing the close fails cleanly. Its partition holds the frozen electorate
 * (electorateChunk.ts), the marks of who voted (voterMark.ts) and the anonymous papers
 * (ballotPaper.ts), which share no id, no key part and no timestamp with the marks.
 * Listed per school through gsi1, newest first.
 */
export interface BallotAttributes {
  ballotId: string;
  orgId: string;
  districtId: string;
  title: string;
  description?: string;
  electorate: ElectorateKind;
  questions: QuestionInput[];
  status: BallotStatus;
  createdBy: string;
  createdAt: string;
  openedAt?: string;
  closedAt?: string;
  /** Frozen when the ballot opens (0 while a draft). */
  eligibleCount: number;
  votedCount: number;
  /** sha256 hex of the electorate's sorted member ids joined by "\n", from the opening on. */
  electorateHash?: string;
  /** How many electorate chunks the opening wrote (empty chunks are not written). */
  chunkCount?: number;
}
export type BallotItem = TableKey & IndexKey & { type: 'ballot' } & BallotAttributes;

export const Ballot = {
  partition: (ballotId: string) => compose('BALLOT', ballotId),
  key: ({ ballotId }: Pick<BallotAttributes, 'ballotId'>): TableKey => ({ pk: Ballot.partition(ballotId), sk: 'META' }),
  /** Ballots of a school, by creation time. */
  byOrg: {
    pk: ({ orgId }: Pick<BallotAttributes, 'orgId'>) => compose('ORG', orgId, 'BALLOTS'),
    sk: ({ createdAt, ballotId }: Pick<BallotAttributes, 'createdAt' | 'ballotId'>) => compose(msPart(createdAt), ballotId),
  },
  item: (a: BallotAttributes): BallotItem => ({ ...a, ...Ballot.key(a), gsi1pk: Ballot.byOrg.pk(a), gsi1sk: Ballot.byOrg.sk(a), type: 'ballot' }),
  queryOfOrg: (orgId: string) => inIndex(Ballot.byOrg.pk({ orgId })),
  /** What sorts under `prefix` in the ballot's partition (see the item modules). */
  queryPart: (ballotId: string, prefix: string) => inPartition(Ballot.partition(ballotId), prefix),
};
