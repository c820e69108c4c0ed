import { CreateBallotBody, VoteBody } from '../../shared/schemas/ballots';
import { NoBody } from '../../shared/schemas/common';
import { closeBallot, createBallot, openBallot } from '../domain/ballots/manage';
import '../domain/ballots/scope';
import { castVote, voterKeys, voterState } from '../domain/ballots/vote';
import { ballotResults, ballotView, listBallots, seesDrafts } from '../domain/ballots/views';
import '../domain/orgs';
import { notFound } from '../lib/errors';
import { created, defineApi, ok } from '../lib/http';

/**
 * 教代会表决, 民主测评 and elections: secret ballots. Bodies of this function are never logged
 * (http.ts logs route, status and time only); the vote's audit entry names only the ballot.
 */

const preload = { preload: (p: Record<string, string>, memberId: string) => voterKeys(p.ballotId!, memberId) };

export const handler = defineApi({
  'POST /orgs/{orgId}/ballots': async ({ resource, actor, body, committer }) => {
    const input = body(CreateBallotBody);
    const ballot = await createBallot(resource, input, actor.memberId, committer({ title: input.title }));
    return created(ballotView(ballot, { voted: false, eligible: false }));
  },

  'GET /orgs/{orgId}/ballots': async ({ params, actor }) => ok({ ballots: await listBallots(params.orgId!, actor.memberId, actor.roles) }),

  /** The ballot, the caller's mark and electorate chunk: the request's one read. */
  'GET /ballots/{ballotId}': [
    async ({ resource, actor, loaded }) => {
      if (resource.status === 'draft' && !seesDrafts(actor.roles)) throw notFound('找不到这次表决');
      return ok(ballotView(resource, voterState(resource, actor.memberId, loaded)));
    },
    preload,
  ],

  'POST /ballots/{ballotId}/open': async ({ resource, body, committer }) => {
    body(NoBody);
    const ballot = await openBallot(resource, committer({ title: resource.title }));
    return ok({ ballotId: ballot.ballotId, status: ballot.status, openedAt: ballot.openedAt, eligibleCount: ballot.eligibleCount, votedCount: ballot.votedCount, electorateHash: ballot.electorateHash });
  },

  'POST /ballots/{ballotId}/close': async ({ resource, body, committer }) => {
    body(NoBody);
    const ballot = await closeBallot(resource, committer({ title: resource.title }));
    return ok({ ballotId: ballot.ballotId, status: ballot.status, closedAt: ballot.closedAt, eligibleCount: ballot.eligibleCount, votedCount: ballot.votedCount });
  },

  /** The electorate decides who votes. The audit detail names the ballot and nothing else. */
  'POST /ballots/{ballotId}/votes': [
    async ({ resource, actor, body, loaded, committer }) => {
      const { answers } = body(VoteBody);
      const receipt = await castVote(resource, actor.memberId, answers, voterState(resource, actor.memberId, loaded), committer({ ballotId: resource.ballotId }));
      return created({ receipt });
    },
    preload,
  ],

  'GET /ballots/{ballotId}/results': async ({ resource, actor }) => {
    if (resource.status === 'draft' && !seesDrafts(actor.roles)) throw notFound('找不到这次表决');
    return ok(await ballotResults(resource));
  },
});
