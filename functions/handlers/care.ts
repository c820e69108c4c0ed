import { BirthdayGivenBody, CreateCareVisitBody, EditCareVisitBody } from '../../shared/schemas/care';
import { birthdaysOf, markBirthdayGiven, monthOf } from '../domain/care/birthdays';
import '../domain/members';
import '../domain/care/scope';
import { careFilter, careVisitView, createCareVisit, editCareVisit, listCareVisits } from '../domain/care/visits';
import '../domain/orgs';
import { notFound } from '../lib/errors';
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

  /** This month's (or `?month=YYYY-MM`) birthdays from the roster: the day, never the year; whether the card or gift was given. */
  'GET /orgs/{orgId}/birthdays': async ({ params, query }) => ok(await birthdaysOf(params.orgId!, monthOf(query))),

  'POST /members/{memberId}/birthday-given': async ({ resource, actor, body, committer }) => {
    const input = body(BirthdayGivenBody);
    if (!resource.active) throw notFound('找不到这个成员');
    return ok(await markBirthdayGiven(resource, input, actor, committer({ year: input.year, what: input.what })));
  },
});
