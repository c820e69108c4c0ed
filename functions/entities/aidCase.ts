import type { AidCategory, AidStatus } from '../../shared/domain/aid';
import { compose, inIndex, msPart, type IndexKey, type TableKey } from './key';

/**
 * An application for hardship aid: by the member themselves, or put forward for them by a group
 * leader or the committee. Decided by the committee (someone other than who put it forward and
 * than who it is for), paid by the treasurer. Private: see functions/domain/aid/views.ts. Listed
 * per school through gsi1 (the chair's and treasurer's list); each party finds theirs through
 * AidCaseLink, read consistently.
 */
export interface AidCaseAttributes {
  caseId: string;
  orgId: string;
  districtId: string;
  memberId: string;
  memberName: string;
  groupId: string;
  category: AidCategory;
  requestedFen: number;
  reason: string;
  proposedBy: string;
  proposedByName: string;
  status: AidStatus;
  createdAt: string;
  approvedFen?: number;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  decisionNote?: string;
  declineReason?: string;
  paidAt?: string;
  paidBy?: string;
  entryId?: string;
}
export type AidCaseItem = TableKey & IndexKey & { type: 'aidCase' } & AidCaseAttributes;

export const AidCase = {
  key: ({ caseId }: Pick<AidCaseAttributes, 'caseId'>): TableKey => ({ pk: compose('AIDCASE', caseId), sk: 'META' }),
  byOrg: {
    pk: ({ orgId }: Pick<AidCaseAttributes, 'orgId'>) => compose('ORG', orgId, 'AIDCASES'),
    sk: ({ createdAt, caseId }: Pick<AidCaseAttributes, 'createdAt' | 'caseId'>) => compose(msPart(createdAt), caseId),
  },
  item: (a: AidCaseAttributes): AidCaseItem => ({ ...a, ...AidCase.key(a), gsi1pk: AidCase.byOrg.pk(a), gsi1sk: AidCase.byOrg.sk(a), type: 'aidCase' }),
  queryOfOrg: (orgId: string) => inIndex(AidCase.byOrg.pk({ orgId })),
};
