import { CreateCareVisitBody, EditCareVisitBody } from '../../shared/schemas/care';
import '../domain/care/scope';
import { careFilter, careVisitView, createCareVisit, editCareVisit, listCareVisits } from '../domain/care/visits';
import '../domain/orgs';
import { created, defineApi, ok } from '../lib/http';

/** 送温暖 (五必访) visits: the committee's record of who was visited, by whom, with what. Never shown to members. */
export const handler = defineApi({
  'POST /orgs/{orgId}/care-visits': async ({ resource, actor, body, committer }) => {
    const input = body(CreateCareVisitBody);
    // The audit entry names the visit's kind and money, not the person or the note.
    const visit = await createCareVisit(resource, input, actor.memberId, committer({ kind: input.kind, date: input.date, giftFen: input.giftFen }));
    return created(careVisitView(visit));
  },

  /** Filter: `kind`, `from`, `to` (YYYY-MM-DD, both included). Newest first. */
  'GET /orgs/{orgId}/care-visits': async ({ params, query }) => ok({ visits: (await listCareVisits(params.orgId!, careFilter(query))).map(careVisitView) }),

  'GET /care-visits/{visitId}': async ({ resource }) => ok(careVisitView(resource)),

  /** An edit, audited with what changed. */
  'PATCH /care-visits/{visitId}': async ({ resource, actor, body, committer }) => {
    const input = body(EditCareVisitBody);
    const { visit } = await editCareVisit(resource, input, actor.memberId, (changes) => committer({ changes }));
    return ok(careVisitView(visit));
  },
});
