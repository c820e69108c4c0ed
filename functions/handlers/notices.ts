import { NoBody } from '../../shared/schemas/common';
import { CreateNoticeBody, EditNoticeBody } from '../../shared/schemas/notices';
import { NoticeRead } from '../entities/noticeRead';
import { createNotice, editNotice, listNotices, markRead, noticeReaders, noticeView } from '../domain/notices/notices';
import '../domain/notices/scope';
import '../domain/orgs';
import { created, defineApi, ok } from '../lib/http';

/** 通知 / 校务公开: the committee posts notices (pinned or not); members read them; the committee sees who read. */
export const handler = defineApi({
  'POST /orgs/{orgId}/notices': async ({ actor, body, committer }) => {
    const input = body(CreateNoticeBody);
    const notice = await createNotice(actor, input, committer({ title: input.title, pinned: input.pinned ?? false }));
    return created(noticeView(notice, false, actor.roles));
  },

  'GET /orgs/{orgId}/notices': async ({ params, actor }) => ok({ notices: await listNotices(params.orgId!, actor) }),

  /** The notice and the caller's read mark, in the request's one read. */
  'GET /notices/{noticeId}': [
    async ({ resource, actor, loaded }) => ok(noticeView(resource, loaded(NoticeRead.key({ noticeId: resource.noticeId, memberId: actor.memberId })) !== undefined, actor.roles)),
    { preload: (p, memberId) => [NoticeRead.key({ noticeId: p.noticeId!, memberId })] },
  ],

  'PATCH /notices/{noticeId}': async ({ resource, actor, body, committer }) => {
    const input = body(EditNoticeBody);
    const notice = await editNotice(resource, input, committer({ fields: Object.keys(input) }));
    return ok(noticeView(notice, false, actor.roles));
  },

  /** Marks it read (once: again changes nothing). */
  'POST /notices/{noticeId}/read': async ({ resource, actor, body, commit }) => {
    body(NoBody);
    await markRead(resource, actor.memberId, (writes, options) => commit(writes, undefined, options));
    return ok({ noticeId: resource.noticeId, read: true });
  },

  'GET /notices/{noticeId}/reads': async ({ resource }) => ok(await noticeReaders(resource)),
});
