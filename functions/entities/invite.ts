import { compose, type TableKey } from './key';

/** A one-use invite code, stored only as a keyed hash; it expires by TTL. */
export interface InviteAttributes {
  hash: string;
  memberId: string;
  orgId: string;
  expiresAt: string;
  usedAt?: string;
}
export type InviteItem = TableKey & { type: 'invite'; ttl: number } & Omit<InviteAttributes, 'hash'>;

export const Invite = {
  key: ({ hash }: Pick<InviteAttributes, 'hash'>): TableKey => ({ pk: compose('INVITE', hash), sk: 'META' }),
  /** Kept a day past expiry (so a late try still gets "expired"), then removed by TTL. */
  item: ({ hash, ...a }: InviteAttributes): InviteItem => ({ ...a, ...Invite.key({ hash }), type: 'invite', ttl: Math.floor(Date.parse(a.expiresAt) / 1000) + 86400 }),
};
