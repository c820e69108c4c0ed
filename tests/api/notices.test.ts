import { beforeAll, describe, expect, it } from 'vitest';
import { as, ordinary, seed, type School } from '../support/fixtures';

/** 通知 / 校务公开: the committee posts (pinned or not) and edits; members read and mark read; the committee sees who read. */
type Call = Awaited<ReturnType<typeof as>>;
let school: School;
let other: School;
let chair: Call;
let member: Call;
let memberId: string;

async function eventually<T>(read: () => Promise<T>, check: (t: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const t = await read();
    if (check(t) || Date.now() > until) return t;
    await new Promise((r) => setTimeout(r, 150));
  }
}

beforeAll(async () => {
  [school, other] = await Promise.all([seed(20, 4), seed(10, 2)]);
  memberId = ordinary(school);
  [chair, member] = await Promise.all([as(school.chair), as(memberId)]);
});

describe('notices', () => {
  it('the committee posts (201); members list them, pinned first, with their own read mark; only the committee sees read counts', async () => {
    const first = await chair('POST', `/orgs/${school.orgId}/notices`, { title: '关于体检安排的通知', body: '本周五上午体检，请空腹。' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ noticeId: expect.any(String), title: '关于体检安排的通知', pinned: false, read: false, readCount: 0 });
    const pinned = (await chair('POST', `/orgs/${school.orgId}/notices`, { title: '学期工会工作计划（公示）', body: '详见附件。', pinned: true })).body;
    const latest = (await chair('POST', `/orgs/${school.orgId}/notices`, { title: '三八节活动报名', body: '欢迎报名。' })).body;

    const list = await eventually(() => member('GET', `/orgs/${school.orgId}/notices`), (r) => r.body.notices?.length === 3);
    expect(list.body.notices.map((n: { noticeId: string }) => n.noticeId)).toEqual([pinned.noticeId, latest.noticeId, first.body.noticeId]);
    for (const n of list.body.notices) {
      expect(n.read).toBe(false);
      expect(n.readCount).toBeUndefined();
    }
    expect((await member('POST', `/orgs/${school.orgId}/notices`, { title: 'x', body: 'y' })).status).toBe(403);
    expect((await as(school.treasurer).then((t) => t('POST', `/orgs/${school.orgId}/notices`, { title: 'x', body: 'y' }))).status).toBe(403);
  });

  it('marking read counts once per member; the committee sees the count, who read and who has not', async () => {
    const n = (await chair('POST', `/orgs/${school.orgId}/notices`, { title: '工会会费收缴通知', body: '请于月底前缴纳。' })).body;
    expect((await member('GET', `/notices/${n.noticeId}`)).body).toMatchObject({ read: false });
    for (let i = 0; i < 3; i++) expect((await member('POST', `/notices/${n.noticeId}/read`, {})).status).toBe(200);
    const others = school.members.filter((m) => m !== memberId && m !== school.chair).slice(0, 4);
    await Promise.all(others.map(async (id) => (await as(id))('POST', `/notices/${n.noticeId}/read`, {})));
    expect((await member('GET', `/notices/${n.noticeId}`)).body).toMatchObject({ read: true });
    expect((await member('GET', `/notices/${n.noticeId}`)).body.readCount).toBeUndefined();
    expect((await chair('GET', `/notices/${n.noticeId}`)).body).toMatchObject({ readCount: 5, read: false });
    const reads = (await chair('GET', `/notices/${n.noticeId}/reads`)).body;
    expect(reads.readCount).toBe(5);
    expect(reads.readers.map((r: { memberId: string }) => r.memberId).sort()).toEqual([memberId, ...others].sort());
    expect(reads.unread.length).toBe(reads.memberCount - 5);
    expect(reads.unread.map((r: { memberId: string }) => r.memberId)).not.toContain(memberId);
    expect((await member('GET', `/notices/${n.noticeId}/reads`)).status).toBe(403);
  });

  it('the committee edits and pins (audited); bad bodies are 400; another school gets 403', async () => {
    const n = (await chair('POST', `/orgs/${school.orgId}/notices`, { title: '旧标题', body: '内容' })).body;
    const edited = await chair('PATCH', `/notices/${n.noticeId}`, { title: '新标题', pinned: true });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '新标题', pinned: true, body: '内容' });
    expect((await member('GET', `/notices/${n.noticeId}`)).body).toMatchObject({ title: '新标题', pinned: true });
    const audit = (await chair('GET', `/orgs/${school.orgId}/audit`)).body.entries as { action: string; target: Record<string, string> }[];
    expect(audit.some((e) => e.action === 'PATCH /notices/{noticeId}' && e.target.noticeId === n.noticeId)).toBe(true);
    expect(audit.some((e) => e.action === 'POST /orgs/{orgId}/notices')).toBe(true);
    expect(audit.some((e) => e.action === 'POST /notices/{noticeId}/read')).toBe(false);
    for (const bad of [{}, { title: '' }, { pinned: 'yes' }, { extra: 1 }, { body: 'x'.repeat(5001) }]) expect((await chair('PATCH', `/notices/${n.noticeId}`, bad)).status, JSON.stringify(bad)).toBe(400);
    for (const bad of [{ title: '标题' }, { body: '内容' }, { title: '标题', body: '内容', pinned: 1 }]) expect((await chair('POST', `/orgs/${school.orgId}/notices`, bad)).status, JSON.stringify(bad)).toBe(400);
    const stranger = await as(other.chair);
    expect((await stranger('GET', `/notices/${n.noticeId}`)).status).toBe(403);
    expect((await stranger('GET', `/orgs/${school.orgId}/notices`)).status).toBe(403);
    expect((await stranger('POST', `/notices/${n.noticeId}/read`, {})).status).toBe(403);
  });
});
