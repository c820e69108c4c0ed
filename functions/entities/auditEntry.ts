import { compose, inPartition, type TableKey } from './key';

/** What a committee member, the treasurer or the chair did: who, what, when, on what. Newest last in the school's audit partition. */
export interface AuditEntryAttributes {
  orgId: string;
  entryId: string;
  at: string;
  actorId: string;
  actorName: string;
  /** The route, e.g. "POST /events/{eventId}/cancel". */
  action: string;
  target: Record<string, string>;
  detail?: Record<string, unknown>;
}
export type AuditEntryItem = TableKey & { type: 'audit' } & Omit<AuditEntryAttributes, 'orgId' | 'entryId'>;

export const AuditEntry = {
  partition: (orgId: string) => compose('ORG', orgId, 'AUDIT'),
  key: ({ orgId, at, entryId }: Pick<AuditEntryAttributes, 'orgId' | 'at' | 'entryId'>): TableKey => ({ pk: AuditEntry.partition(orgId), sk: compose(at, entryId) }),
  item: ({ orgId, entryId, ...a }: AuditEntryAttributes): AuditEntryItem => ({ ...a, ...AuditEntry.key({ orgId, entryId, at: a.at }), type: 'audit' }),
  queryOfOrg: (orgId: string) => inPartition(AuditEntry.partition(orgId)),
};
