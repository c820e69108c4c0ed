import { compose, inPartition, msPart, type TableKey } from './key';

/**
 * A member's tie to an aid case: the member it is for, and whoever put it forward. Written with
 * the case, never changed; in the member's own partition, so "my cases" is a consistent query
 * followed by a read of the cases by key (no index read, no lag).
 */
export interface AidCaseLinkAttributes {
  memberId: string;
  caseId: string;
  createdAt: string;
  role: 'beneficiary' | 'proposer';
}
export type AidCaseLinkItem = TableKey & { type: 'aidCaseLink' } & AidCaseLinkAttributes;

export const AidCaseLink = {
  partition: (memberId: string) => compose('MEMBER', memberId, 'AIDCASES'),
  key: ({ memberId, createdAt, caseId }: Pick<AidCaseLinkAttributes, 'memberId' | 'createdAt' | 'caseId'>): TableKey => ({ pk: AidCaseLink.partition(memberId), sk: compose(msPart(createdAt), caseId) }),
  item: (a: AidCaseLinkAttributes): AidCaseLinkItem => ({ ...a, ...AidCaseLink.key(a), type: 'aidCaseLink' }),
  queryOfMember: (memberId: string) => inPartition(AidCaseLink.partition(memberId)),
};
