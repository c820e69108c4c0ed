import type { TableKey } from './key';
import { Session } from './session';

/**
 * The last proposal number a session gave out. A submit moves it from n - 1 to n under that
 * condition, in the same transaction as the proposal it numbers: numbers are consecutive from 1
 * and never given twice, however many submit at once (a loser reads again and takes the next).
 */
export interface ProposalCounterAttributes {
  sessionId: string;
  last: number;
}
export type ProposalCounterItem = TableKey & { type: 'proposalCounter' } & ProposalCounterAttributes;

export const ProposalCounter = {
  key: ({ sessionId }: Pick<ProposalCounterAttributes, 'sessionId'>): TableKey => ({ pk: Session.partition(sessionId), sk: 'COUNTER' }),
  item: (a: ProposalCounterAttributes): ProposalCounterItem => ({ ...a, ...ProposalCounter.key(a), type: 'proposalCounter' }),
};
