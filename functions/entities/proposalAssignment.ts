import { compose, inPartition, type TableKey } from './key';
import { Member } from './member';

/**
 * A proposal handed to a member who answers for the responsible office (承办部门联系人), in that
 * member's partition: the office's list of what it is assigned is one consistent query. Kept after
 * the answer, as the office's record.
 */
export interface ProposalAssignmentAttributes {
  memberId: string;
  proposalId: string;
  orgId: string;
  office: string;
  at: string;
}
export type ProposalAssignmentItem = TableKey & { type: 'proposalAssignment' } & ProposalAssignmentAttributes;

const PREFIX = 'ASSIGNED';
export const ProposalAssignment = {
  key: ({ memberId, proposalId }: Pick<ProposalAssignmentAttributes, 'memberId' | 'proposalId'>): TableKey => ({ pk: Member.key({ memberId }).pk, sk: compose(PREFIX, proposalId) }),
  item: (a: ProposalAssignmentAttributes): ProposalAssignmentItem => ({ ...a, ...ProposalAssignment.key(a), type: 'proposalAssignment' }),
  queryOfMember: (memberId: string) => inPartition(Member.key({ memberId }).pk, compose(PREFIX, '')),
};
