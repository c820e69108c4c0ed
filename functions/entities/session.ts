import { compose, inIndex, inIndexTimes, inPartition, msPart, type IndexKey, type TableKey } from './key';

/**
 * A call for proposals (提案征集) before a congress: proposals are drafted and submitted while it
 * is open. Its partition also holds its number counter and its statistics (proposalCounter.ts,
 * sessionTotals.ts). Listed per school through gsi1, by opening time.
 */
export interface SessionAttributes {
  sessionId: string;
  orgId: string;
  districtId: string;
  title: string;
  opensAt: string;
  closesAt: string;
  cosignersNeeded: number;
  createdBy: string;
  createdAt: string;
}
export type SessionItem = TableKey & IndexKey & { type: 'session' } & SessionAttributes;

export const Session = {
  partition: (sessionId: string) => compose('SESSION', sessionId),
  key: ({ sessionId }: Pick<SessionAttributes, 'sessionId'>): TableKey => ({ pk: Session.partition(sessionId), sk: 'META' }),
  byOrg: {
    pk: ({ orgId }: Pick<SessionAttributes, 'orgId'>) => compose('ORG', orgId, 'SESSIONS'),
    sk: ({ opensAt, sessionId }: Pick<SessionAttributes, 'opensAt' | 'sessionId'>) => compose(msPart(opensAt), sessionId),
  },
  item: (a: SessionAttributes): SessionItem => ({ ...a, ...Session.key(a), gsi1pk: Session.byOrg.pk(a), gsi1sk: Session.byOrg.sk(a), type: 'session' }),
  queryOfOrg: (orgId: string) => inIndex(Session.byOrg.pk({ orgId })),
  /** Those of a school opening from `startMs` to `endMs`, both included (the term report). */
  queryOfOrgBetween: (orgId: string, startMs: number, endMs: number) => inIndexTimes(Session.byOrg.pk({ orgId }), startMs, endMs),
  queryPart: (sessionId: string, prefix: string) => inPartition(Session.partition(sessionId), prefix),
};
