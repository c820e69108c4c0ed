import { compose, inPartition, type TableKey } from './key';

/** A notice waiting to be sent as a WeChat subscribe message (a transactional outbox, per school). */
export interface OutboxEntryAttributes {
  orgId: string;
  noticeId: string;
  at: string;
  memberId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  sent: boolean;
}
export type OutboxEntryItem = TableKey & { type: 'outbox'; channel: 'wechat-subscribe' } & Omit<OutboxEntryAttributes, 'orgId' | 'noticeId'>;

export const OutboxEntry = {
  partition: (orgId: string) => compose('OUTBOX', orgId),
  key: ({ orgId, at, noticeId }: Pick<OutboxEntryAttributes, 'orgId' | 'at' | 'noticeId'>): TableKey => ({ pk: OutboxEntry.partition(orgId), sk: compose(at, noticeId) }),
  item: ({ orgId, noticeId, ...a }: OutboxEntryAttributes): OutboxEntryItem => ({ ...a, ...OutboxEntry.key({ orgId, noticeId, at: a.at }), type: 'outbox', channel: 'wechat-subscribe' }),
  queryOfOrg: (orgId: string) => inPartition(OutboxEntry.partition(orgId)),
};
