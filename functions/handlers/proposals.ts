import { NoBody } from '../../shared/schemas/common';
import { AnswerBody, ChaseBody, CreateSessionBody, DecisionBody, DraftBody, EditDraftBody, IdeaBestBody, IdeaBody, IdeaReplyBody, ProgressBody, RatingBody } from '../../shared/schemas/proposals';
import { SessionTotals, type SessionTotalsItem } from '../entities/sessionTotals';
import { answer, chase, cosign, createDraft, createSession, decide, editDraft, progress, publish, rate, submit, withdraw } from '../domain/proposals/lifecycle';
import '../domain/proposals/scope';
import { ideaView, listIdeas, pickBest, replyIdea, sendIdea } from '../domain/proposals/ideas';
import { listSessions, mayRead, myProposals, overdue, proposalPage, proposalView, sessionProposals, sessionStats, sessionView } from '../domain/proposals/views';
import '../domain/orgs';
import { notFound } from '../lib/errors';
import { created, defineApi, ok } from '../lib/http';

/** 教代会提案: sessions (征集), drafts, submit and numbers, 附议, decisions, answers, 落实, ratings, 督办, 公示 and stats. */

export const handler = defineApi({
  'POST /orgs/{orgId}/sessions': async ({ resource, actor, body, committer }) => {
    const input = body(CreateSessionBody);
    const session = await createSession(resource, input, actor.memberId, committer({ title: input.title }));
    return created(sessionView(session));
  },

  /** Extension: the school's sessions, latest first. */
  'GET /orgs/{orgId}/sessions': async ({ params }) => ok({ sessions: await listSessions(params.orgId!) }),

  /** Extension: one session. */
  'GET /sessions/{sessionId}': async ({ resource }) => ok(sessionView(resource)),

  'POST /sessions/{sessionId}/proposals': async ({ resource, actor, body, committer }) => {
    const input = body(DraftBody);
    const p = await createDraft(resource, actor.record, input, committer());
    return created({ ...proposalView(p, actor), proposalId: p.proposalId, status: 'draft' });
  },

  /** The session's proposals, read by key from the ids its totals item (read with the session) names. */
  'GET /sessions/{sessionId}/proposals': [
    async ({ resource, actor, loaded }) => ok({ proposals: await sessionProposals(loaded<SessionTotalsItem>(SessionTotals.key(resource)), actor) }),
    { preload: (p) => [SessionTotals.key({ sessionId: p.sessionId! })] },
  ],

  /** The figures from the session's counters (one item read with the session). */
  'GET /sessions/{sessionId}/stats': [
    async ({ resource, actor, loaded }) => ok(sessionStats(loaded<SessionTotalsItem>(SessionTotals.key(resource)), actor)),
    { preload: (p) => [SessionTotals.key({ sessionId: p.sessionId! })] },
  ],

  /** Extension: publishes the committee's decisions and answers recorded since the last publication. */
  'POST /sessions/{sessionId}/publish': async ({ resource, body, committer }) => {
    body(NoBody);
    const { published } = await publish(resource, committer({ sessionId: resource.sessionId }));
    return ok({ published: published.length, proposalIds: published });
  },

  'GET /proposals/{proposalId}': async ({ resource, actor }) => {
    if (!mayRead(resource, actor)) throw notFound('找不到该提案');
    return ok(await proposalPage(resource, actor));
  },

  /** Extension: the proposer edits their draft. */
  'PATCH /proposals/{proposalId}': async ({ resource, actor, body, committer }) => {
    const input = body(EditDraftBody);
    const p = await editDraft(resource, actor, input, committer());
    return ok(proposalView(p, actor));
  },

  'POST /proposals/{proposalId}/submit': async ({ resource, actor, body, committer }) => {
    body(NoBody);
    const p = await submit(resource, actor, committer());
    return ok({ ...proposalView(p, actor), status: p.status, number: p.number });
  },

  /** Extension: the proposer withdraws it before the committee decides (its number is never given again). */
  'POST /proposals/{proposalId}/withdraw': async ({ resource, actor, body, committer }) => {
    body(NoBody);
    const p = await withdraw(resource, actor, committer());
    return ok(proposalView(p, actor));
  },

  'POST /proposals/{proposalId}/cosign': async ({ resource, actor, body, committer }) => {
    body(NoBody);
    const p = await cosign(resource, actor, committer());
    return ok({ cosigners: p.cosignerIds.length, status: proposalView(p, actor).status });
  },

  'POST /proposals/{proposalId}/decision': async ({ resource, actor, body, committer }) => {
    const input = body(DecisionBody);
    const p = await decide(resource, actor, input, committer({ outcome: input.outcome }));
    return ok(proposalView(p, actor));
  },

  'POST /proposals/{proposalId}/answer': async ({ resource, actor, body, committer }) => {
    const { text } = body(AnswerBody);
    const p = await answer(resource, actor, text, committer());
    return ok(proposalView(p, actor));
  },

  'POST /proposals/{proposalId}/progress': async ({ resource, actor, body, committer }) => {
    const input = body(ProgressBody);
    const p = await progress(resource, actor, input, committer({ done: input.done }));
    return ok(proposalView(p, actor));
  },

  'POST /proposals/{proposalId}/rating': async ({ resource, actor, body, committer }) => {
    const input = body(RatingBody);
    const p = await rate(resource, actor, input, committer());
    return ok(proposalView(p, actor));
  },

  /** Extension: 督办 (committee): a dated entry with its note and who chased, listed on the proposal. */
  'POST /proposals/{proposalId}/chase': async ({ resource, actor, body, committer }) => {
    const { note } = body(ChaseBody);
    const entry = await chase(resource, actor, note, committer());
    return created({ note: entry.note, at: entry.at, by: { memberId: entry.byId, name: entry.byName } });
  },

  'GET /orgs/{orgId}/proposals/overdue': async ({ params, actor }) => ok({ proposals: await overdue(params.orgId!, actor) }),

  /** Extension: 我的提案, what I am assigned as an office's contact, and what waits for my 附议. */
  'GET /me/proposals': async ({ actor }) => ok(await myProposals(actor)),

  /** Extension: 金点子, any member, any time of the year. */
  'POST /orgs/{orgId}/ideas': async ({ actor, body, committer }) => {
    const input = body(IdeaBody);
    return created(ideaView(await sendIdea(actor.record, input, committer())));
  },
  'GET /orgs/{orgId}/ideas': async ({ params }) => ok(await listIdeas(params.orgId!)),
  'GET /ideas/{ideaId}': async ({ resource }) => ok(ideaView(resource)),
  /** Extension: the committee replies (and marks 采纳); the author is told. */
  'POST /ideas/{ideaId}/reply': async ({ resource, actor, body, committer }) => {
    const input = body(IdeaReplyBody);
    return ok(ideaView(await replyIdea(resource, actor, input, committer({ adopted: input.adopted ?? resource.adopted }))));
  },
  /** Extension: 评优, one of the best of a term (or no longer). */
  'POST /ideas/{ideaId}/best': async ({ resource, body, committer }) => {
    const input = body(IdeaBestBody);
    return ok(ideaView(await pickBest(resource, input, committer({ term: input.term, best: input.best }))));
  },
});
