import { compose, inIndex, msPart, type IndexKey, type TableKey } from './key';

/**
 * A notice of the union (通知, 校务公开): the committee posts it, every member of the school reads
 * it. Its partition also holds the read marks (noticeRead.ts); `readCount` is moved by the same
 * transaction as each first read, so the committee's count is one item, never a sum.
 * Listed per school through gsi1, newest first.
 */
export interface NoticeAttributes {
  noticeId: string;
  orgId: string;
  districtId: string;
  title: string;
  body: string;
  pinned: boolean;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  updatedAt?: string;
  readCount: number;
}
export type NoticeItem = TableKey & IndexKey & { type: 'notice' } & NoticeAttributes;

export const Notice = {
  partition: (noticeId: string) => compose('NOTICE', noticeId),
  key: ({ noticeId }: Pick<NoticeAttributes, 'noticeId'>): TableKey => ({ pk: Notice.partition(noticeId), sk: 'META' }),
  /** Notices of a school, by when they were posted. */
  byOrg: {
    pk: ({ orgId }: Pick<NoticeAttributes, 'orgId'>) => compose('ORG', orgId, 'NOTICES'),
    sk: ({ createdAt, noticeId }: Pick<NoticeAttributes, 'createdAt' | 'noticeId'>) => compose(msPart(createdAt), noticeId),
  },
  item: (a: NoticeAttributes): NoticeItem => ({ ...a, ...Notice.key(a), gsi1pk: Notice.byOrg.pk(a), gsi1sk: Notice.byOrg.sk(a), type: 'notice' }),
  queryOfOrg: (orgId: string) => inIndex(Notice.byOrg.pk({ orgId })),
};
