import { Proposal, type ProposalItem } from '../../entities/proposal';
import { Session, type SessionItem } from '../../entities/session';
import { itemOfType, registerScope } from '../../lib/scopes';

/**
 * Routes on `/sessions/{sessionId}` act on the session's school and receive the session; routes
 * on `/proposals/{proposalId}` receive the proposal (which names its school).
 */
declare module '../../lib/scopes' {
  interface ScopeResources {
    session: SessionItem;
    proposal: ProposalItem;
  }
}

registerScope('session', {
  key: (p) => (p.sessionId ? Session.key({ sessionId: p.sessionId }) : undefined),
  resolve: itemOfType<SessionItem>('session'),
});

registerScope('proposal', {
  key: (p) => (p.proposalId ? Proposal.key({ proposalId: p.proposalId }) : undefined),
  resolve: itemOfType<ProposalItem>('proposal'),
});
