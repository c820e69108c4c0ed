import type { Outcome, ProposalCategory, ProposalStatus, Rating } from '../../shared/domain/proposals';
import { compose, inIndex, inPartition, msPart, type IndexKey, type TableKey } from './key';

/**
 * A proposal (提案), in its own partition with its 落实 notes and 督办 entries
 * (proposalNote.ts), so its page is one query. A session's proposals are named on its totals
 * item (read by key); a proposer's are listed through gsi1. Every change is
 * a Put of the whole item under `version = :seen` (or an update that moves the version), so two
 * writers never lose each other's change: the loser reads again and decides again.
 *
 * Decidim's distinction: `shown` is what members other than the proposer and the committee see,
 * the state as last published; it follows the real state at once except after a committee
 * decision or answer, which waits (`pending`) for the committee to publish.
 */
export interface DecisionRecord {
  outcome: Outcome;
  reason: string;
  office?: string;
  dueAt?: string;
  mergedInto?: string;
  officeContactId?: string;
  coOffices?: string[];
  decidedBy: string;
  at: string;
}
export interface Shown {
  status: ProposalStatus;
  decision?: DecisionRecord;
  answer?: { text: string; at: string };
  rating?: { rating: Rating; comment?: string };
  historyCount: number;
  at: string;
}
export interface ProposalAttributes {
  proposalId: string;
  sessionId: string;
  orgId: string;
  districtId: string;
  proposerId: string;
  proposerName: string;
  title: string;
  category: ProposalCategory;
  reason: string;
  suggestion: string;
  status: ProposalStatus;
  number?: string;
  seq?: number;
  cosignerIds: string[];
  cosignersNeeded: number;
  decision?: DecisionRecord;
  answer?: { text: string; at: string };
  rating?: { rating: Rating; comment?: string; at: string };
  reopened: boolean;
  mergedFrom?: string[];
  history: { status: ProposalStatus; at: string }[];
  shown?: Shown;
  pending: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export type ProposalItem = TableKey & IndexKey & { type: 'proposal' } & ProposalAttributes;

export const Proposal = {
  partition: (proposalId: string) => compose('PROPOSAL', proposalId),
  key: ({ proposalId }: Pick<ProposalAttributes, 'proposalId'>): TableKey => ({ pk: Proposal.partition(proposalId), sk: 'META' }),
  /** A proposer's proposals, by when they were drafted (我的提案). */
  byProposer: {
    pk: ({ proposerId }: Pick<ProposalAttributes, 'proposerId'>) => compose('MEMBER', proposerId, 'PROPOSALS'),
    sk: ({ createdAt, proposalId }: Pick<ProposalAttributes, 'createdAt' | 'proposalId'>) => compose(msPart(createdAt), proposalId),
  },
  item: (a: ProposalAttributes): ProposalItem => ({ ...a, ...Proposal.key(a), gsi1pk: Proposal.byProposer.pk(a), gsi1sk: Proposal.byProposer.sk(a), type: 'proposal' }),
  queryOfProposer: (proposerId: string) => inIndex(Proposal.byProposer.pk({ proposerId })),
  /** The proposal and everything in its partition (notes, chases). */
  queryWhole: (proposalId: string) => inPartition(Proposal.partition(proposalId)),
};
