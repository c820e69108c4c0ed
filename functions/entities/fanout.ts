import { compose, inIndex, type IndexKey, type TableKey } from './key';

/**
 * A notice to many members (an event cancelled or changed), committed in the same transaction
 * as the change that causes it and expanded afterwards into one message and outbox entry per
 * recipient, a chunk at a time; `done` counts the recipients already told. While recipients
 * remain it is listed in gsi1 under the pending partition, so a crash mid-expansion is found
 * and finished by the next sweep (a Query on that index, never a read of the whole table).
 */
export interface FanoutAttributes {
  fanoutId: string;
  orgId: string;
  at: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  recipients: string[];
  done: number;
}
export type FanoutItem = TableKey & Partial<IndexKey> & { type: 'fanout' } & FanoutAttributes;

const PENDING = compose('FANOUT', 'PENDING');
export const Fanout = {
  key: ({ fanoutId }: Pick<FanoutAttributes, 'fanoutId'>): TableKey => ({ pk: compose('FANOUT', fanoutId), sk: 'META' }),
  item: (a: FanoutAttributes): FanoutItem => ({
    ...a,
    ...Fanout.key(a),
    ...(a.done < a.recipients.length ? { gsi1pk: PENDING, gsi1sk: compose(a.at, a.fanoutId) } : {}),
    type: 'fanout',
  }),
  /** The attributes that list a fan-out as pending: removed when the last chunk is told. */
  pendingIndexAttributes: ['gsi1pk', 'gsi1sk'] as const,
  queryPending: () => inIndex(PENDING),
};
