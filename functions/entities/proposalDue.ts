import { compose, inIndex, inRange, msPart, type IndexKey, type TableKey } from './key';

/**
 * An accepted proposal waiting for its answer, by deadline: in its school's partition (the
 * overdue list is one consistent query of the deadlines already past) and in gsi1 under the
 * China-time day of its deadline (the scheduled job reads a few days' buckets to send reminders).
 * Put when the proposal is accepted (or reopened), deleted with its answer. `remindedBefore` and
 * `remindedPassed` mark the two reminders, each set under the condition that it was not, in the
 * transaction of its notice: each goes out exactly once.
 */
export interface ProposalDueAttributes {
  orgId: string;
  proposalId: string;
  sessionId: string;
  dueAt: string;
  dueDay: string;
  number?: string;
  title: string;
  office: string;
  /** Who the reminders go to: the office's contact, or the committee member who decided. */
  contactId: string;
  remindedBefore?: string;
  remindedPassed?: string;
}
export type ProposalDueItem = TableKey & IndexKey & { type: 'proposalDue' } & ProposalDueAttributes;

const partition = (orgId: string) => compose('ORG', orgId, 'DUE');
export const ProposalDue = {
  key: ({ orgId, dueAt, proposalId }: Pick<ProposalDueAttributes, 'orgId' | 'dueAt' | 'proposalId'>): TableKey => ({ pk: partition(orgId), sk: compose(msPart(dueAt), proposalId) }),
  byDay: {
    pk: ({ dueDay }: Pick<ProposalDueAttributes, 'dueDay'>) => compose('DUE', dueDay),
    sk: ({ dueAt, proposalId }: Pick<ProposalDueAttributes, 'dueAt' | 'proposalId'>) => compose(msPart(dueAt), proposalId),
  },
  item: (a: ProposalDueAttributes): ProposalDueItem => ({ ...a, ...ProposalDue.key(a), gsi1pk: ProposalDue.byDay.pk(a), gsi1sk: ProposalDue.byDay.sk(a), type: 'proposalDue' }),
  /** A school's deadlines that passed before `now`. */
  queryPassed: (orgId: string, now: number) => inRange(partition(orgId), msPart(0), msPart(now)),
  queryOfDay: (dueDay: string) => inIndex(ProposalDue.byDay.pk({ dueDay })),
};
