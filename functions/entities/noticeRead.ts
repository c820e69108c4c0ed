import { compose, inPartition, type TableKey } from './key';
import { Notice } from './notice';

/** "This member has read this notice", in the notice's partition: put once, with the notice's readCount moved in the same transaction. */
export interface NoticeReadAttributes {
  noticeId: string;
  memberId: string;
  at: string;
}
export type NoticeReadItem = TableKey & { type: 'noticeRead' } & NoticeReadAttributes;

const PREFIX = 'READ';
export const NoticeRead = {
  key: ({ noticeId, memberId }: Pick<NoticeReadAttributes, 'noticeId' | 'memberId'>): TableKey => ({ pk: Notice.partition(noticeId), sk: compose(PREFIX, memberId) }),
  queryOfNotice: (noticeId: string) => inPartition(Notice.partition(noticeId), compose(PREFIX, '')),
  item: (a: NoticeReadAttributes): NoticeReadItem => ({ ...a, ...NoticeRead.key(a), type: 'noticeRead' }),
};
