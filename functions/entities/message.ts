import { compose, inPartition, type TableKey } from './key';
import { Member } from './member';

/** An in-app message (消息) to a member, newest last in the member's partition. */
export interface MessageAttributes {
  memberId: string;
  messageId: string;
  at: string;
  title: string;
  body: string;
  link?: string;
  read: boolean;
}
export type MessageItem = TableKey & { type: 'message' } & Omit<MessageAttributes, 'memberId'>;

const PREFIX = 'MSG';
export const Message = {
  key: ({ memberId, at, messageId }: Pick<MessageAttributes, 'memberId' | 'at' | 'messageId'>): TableKey => ({ pk: Member.key({ memberId }).pk, sk: compose(PREFIX, at, messageId) }),
  item: ({ memberId, ...a }: MessageAttributes): MessageItem => ({ ...a, ...Message.key({ memberId, ...a }), type: 'message' }),
  queryOfMember: (memberId: string) => inPartition(Member.key({ memberId }).pk, compose(PREFIX, '')),
};
