import { Ballot, type BallotItem } from '../../entities/ballot';
import { itemOfType, registerScope } from '../../lib/scopes';

/** Routes on `/ballots/{ballotId}` act on the ballot's school and receive the ballot item. */
declare module '../../lib/scopes' {
  interface ScopeResources {
    ballot: BallotItem;
  }
}

registerScope('ballot', {
  key: (p) => (p.ballotId ? Ballot.key({ ballotId: p.ballotId }) : undefined),
  resolve: itemOfType<BallotItem>('ballot'),
});
