import type { CreateNoticeBody, EditNoticeBody, NoticeView } from '../../../shared/schemas/notices';
import { keyId } from '../../entities/key';
import { Member, type MemberItem } from '../../entities/member';
import { Notice, type NoticeItem } from '../../entities/notice';
import { NoticeRead, type NoticeReadItem } from '../../entities/noticeRead';
import type { Actor } from '../../lib/access';
import { batchGet, cancellationCodes, put, queryAll, queryPage, transact, update, type Commit } from '../../lib/db';
import { newId } from '../../lib/ids';

/** 通知 / 校务公开: the committee posts and edits; every member reads and marks read; the committee sees who read. */

export const seesReadCounts = (roles: readonly string[]) => roles.includes('committee') || roles.includes('chair');

export async function createNotice(actor: Pick<Actor, 'memberId' | 'name' | 'orgId' | 'districtId'>, body: CreateNoticeBody, commit: Commit = transact, now = Date.now()) {
  const notice = Notice.item({
    noticeId: newId('n'),
    orgId: actor.orgId,
    districtId: actor.districtId,
    title: body.title,
    body: body.body,
    pinned: body.pinned ?? false,
    createdBy: actor.memberId,
    createdByName: actor.name,
    createdAt: new Date(now).toISOString(),
    readCount: 0,
  });
  await commit([put(notice, { ConditionExpression: 'attribute_not_exists(pk)' })]);
  return notice;
}

export async function editNotice(notice: NoticeItem, body: EditNoticeBody, commit: Commit = transact, now = Date.now()): Promise<NoticeItem> {
  const next: NoticeItem = { ...notice, ...body, updatedAt: new Date(now).toISOString() };
  // Every field is set (to its new or its current value): one fixed expression.
  await commit([
    update(Notice.key(notice), {
      UpdateExpression: 'SET title = :title, #body = :body, pinned = :pinned, updatedAt = :u',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#body': 'body' },
      ExpressionAttributeValues: { ':title': next.title, ':body': next.body, ':pinned': next.pinned, ':u': next.updatedAt },
    }),
  ]);
  return next;
}

/** Marks the notice read by the member, once: the mark and the count move together. */
export async function markRead(notice: NoticeItem, memberId: string, commit: Commit = transact, now = Date.now()): Promise<{ first: boolean }> {
  try {
    await commit([
      put(NoticeRead.item({ noticeId: notice.noticeId, memberId, at: new Date(now).toISOString() }), { ConditionExpression: 'attribute_not_exists(pk)' }),
      update(Notice.key(notice), { UpdateExpression: 'ADD readCount :one', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':one': 1 } }),
    ]);
    return { first: true };
  } catch (err) {
    if (cancellationCodes(err)?.[0] === 'ConditionalCheckFailed') return { first: false }; // read before: nothing changes
    throw err;
  }
}

export function noticeView(n: NoticeItem, read: boolean, roles: readonly string[]): NoticeView {
  return {
    noticeId: n.noticeId,
    orgId: n.orgId,
    title: n.title,
    body: n.body,
    pinned: n.pinned,
    createdAt: n.createdAt,
    createdByName: n.createdByName,
    ...(n.updatedAt ? { updatedAt: n.updatedAt } : {}),
    read,
    ...(seesReadCounts(roles) ? { readCount: n.readCount } : {}),
  };
}

/** The school's latest 100 notices, pinned first, then newest first, each with whether the caller read it. */
export async function listNotices(orgId: string, actor: Pick<Actor, 'memberId' | 'roles'>): Promise<NoticeView[]> {
  const notices = await queryPage<NoticeItem>({ ...Notice.queryOfOrg(orgId), ScanIndexForward: false, Limit: 100 });
  const marks = await batchGet(notices.map((n) => NoticeRead.key({ noticeId: n.noticeId, memberId: actor.memberId })));
  const sorted = [...notices.filter((n) => n.pinned), ...notices.filter((n) => !n.pinned)];
  return sorted.map((n) => noticeView(n, marks.has(keyId(NoticeRead.key({ noticeId: n.noticeId, memberId: actor.memberId }))), actor.roles));
}

/** The committee's view of who read a notice and who has not yet (active members). */
export async function noticeReaders(notice: NoticeItem) {
  const [marks, members] = await Promise.all([queryAll<NoticeReadItem>({ ...NoticeRead.queryOfNotice(notice.noticeId), ConsistentRead: true }), queryAll<MemberItem>(Member.queryOfOrg(notice.orgId))]);
  const names = new Map(members.map((m) => [m.memberId, m.name]));
  const read = new Set(marks.map((m) => m.memberId));
  const active = members.filter((m) => m.active);
  return {
    noticeId: notice.noticeId,
    readCount: notice.readCount,
    memberCount: active.length,
    readers: marks.map((m) => ({ memberId: m.memberId, name: names.get(m.memberId) ?? '', at: m.at })),
    unread: active.filter((m) => !read.has(m.memberId)).map((m) => ({ memberId: m.memberId, name: m.name })),
  };
}
