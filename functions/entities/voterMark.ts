import { Ballot } from './ballot';
import { compose, type TableKey } from './key';

/**
 * "This member has voted in this ballot", and nothing else: no time, no receipt, no answer. Put
 * with attribute_not_exists in the vote's transaction, so a member votes once.
 */
export interface VoterMarkAttributes {
  ballotId: string;
  memberId: string;
}
export type VoterMarkItem = TableKey & { type: 'voterMark' };

export const VoterMark = {
  key: ({ ballotId, memberId }: VoterMarkAttributes): TableKey => ({ pk: Ballot.partition(ballotId), sk: compose('VOTED', memberId) }),
  item: (a: VoterMarkAttributes): VoterMarkItem => ({ ...VoterMark.key(a), type: 'voterMark' }),
};
