import { beforeAll, describe, expect, it } from 'vitest';
import { anon, as, ordinary, seed, type School } from '../support/fixtures';
import { eventually } from '../support/eventually';
import { inHours } from '../support/time';
import { readXlsx } from '../support/xlsx';

/**
 * 教代会提案 through the real API: the contract's routes, statuses and codes (api.md v1.1), who
 * may do what, numbers under concurrent submits, publication (Decidim's distinction), 督办 and the
 * reminders, and the statistics against a recount.
 */
type Call = Awaited<ReturnType<typeof as>>;

let school: School;
let other: School;
let chair: Call;
let committee: Call;
let member: Call;
/** Delegates who hold no office: d[0] proposes, the others co-sign. */
let d: Call[];
let dIds: string[];
let memberId: string;

const year = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const draftBody = (over: Record<string, unknown> = {}) => ({ title: '食堂增加早餐供应', category: 'logistics', reason: '部分老师早上来不及吃早餐。', suggestion: '食堂七点开始供应早餐。', ...over });

async function newSession(over: Record<string, unknown> = {}) {
  const res = await chair('POST', `/orgs/${school.orgId}/sessions`, { title: '第九届教代会第二次会议提案征集', opensAt: inHours(-1), closesAt: inHours(48), ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.sessionId as string;
}
async function draft(sessionId: string, by: Call = d[0]!, over: Record<string, unknown> = {}) {
  const res = await by('POST', `/sessions/${sessionId}/proposals`, draftBody(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.proposalId as string;
}
/** A proposal in review: drafted by d[0], submitted, co-signed by d[1] and d[2]. */
async function inReview(sessionId: string) {
  const id = await draft(sessionId);
  expect((await d[0]!('POST', `/proposals/${id}/submit`)).status).toBe(200);
  await d[1]!('POST', `/proposals/${id}/cosign`);
  expect((await d[2]!('POST', `/proposals/${id}/cosign`)).body.status).toBe('review');
  return id;
}
const accept = (id: string, over: Record<string, unknown> = {}) => chair('POST', `/proposals/${id}/decision`, { outcome: 'accepted', reason: '符合立案条件', office: '总务处', dueAt: inHours(24 * 10), ...over });
const outbox = async () => (await anon()('GET', `/dev/orgs/${school.orgId}/outbox`)).body.messages as { memberId: string; kind: string; title: string; body: string }[];
const poll = async <T>(read: () => Promise<T>, until: (v: T) => boolean, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (until(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
};

beforeAll(async () => {
  [school, other] = await Promise.all([seed(60, 40), seed(20, 3)]);
  const offices = new Set([school.chair, school.treasurer, ...school.committee]);
  dIds = school.delegates.filter((id) => !offices.has(id)).slice(0, 6);
  [chair, committee, member] = await Promise.all([as(school.chair), as(school.committee.find((id) => !school.delegates.includes(id)) ?? school.committee[0]!), as(ordinary(school))]);
  d = await Promise.all(dIds.map((id) => as(id)));
  memberId = ordinary(school);
});

describe('sessions', () => {
  it('the committee opens one (201, cosignersNeeded 2 by default); others may not; a bad window is 400', async () => {
    const res = await chair('POST', `/orgs/${school.orgId}/sessions`, { title: '提案征集', opensAt: inHours(-1), closesAt: inHours(24) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sessionId: expect.any(String), cosignersNeeded: 2, state: 'open' });
    expect((await member('POST', `/orgs/${school.orgId}/sessions`, { title: 'x', opensAt: inHours(-1), closesAt: inHours(24) })).status).toBe(403);
    expect((await d[0]!('POST', `/orgs/${school.orgId}/sessions`, { title: 'x', opensAt: inHours(-1), closesAt: inHours(24) })).status).toBe(403);
    expect((await chair('POST', `/orgs/${school.orgId}/sessions`, { title: 'x', opensAt: inHours(2), closesAt: inHours(1) })).status).toBe(400);
    expect((await chair('POST', `/orgs/${school.orgId}/sessions`, { title: 'x', opensAt: inHours(-1), closesAt: inHours(1), cosignersNeeded: 11 })).status).toBe(400);
    expect((await member('GET', `/sessions/${res.body.sessionId}`)).body.title).toBe('提案征集');
  });

  it('outside the window a draft is 409 SESSION_CLOSED', async () => {
    const later = await newSession({ opensAt: inHours(2), closesAt: inHours(5) });
    const res = await d[0]!('POST', `/sessions/${later}/proposals`, draftBody());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SESSION_CLOSED');
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the whole path', () => {
  it('draft → submit → cosign ×2 → decision → publish → answer → progress done → rating; 不满意 reopens once', async () => {
    const sessionId = await newSession();
    // Only delegates propose; a draft is its proposer's alone.
    expect((await member('POST', `/sessions/${sessionId}/proposals`, draftBody())).status).toBe(403);
    const created = await d[0]!('POST', `/sessions/${sessionId}/proposals`, draftBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ proposalId: expect.any(String), status: 'draft' });
    const id = created.body.proposalId as string;
    expect((await d[0]!('POST', `/sessions/${sessionId}/proposals`, { ...draftBody(), title: 'x'.repeat(61) })).status).toBe(400);
    expect((await d[0]!('POST', `/sessions/${sessionId}/proposals`, { ...draftBody(), category: 'food' })).status).toBe(400);
    expect([403, 404]).toContain((await member('GET', `/proposals/${id}`)).status);
    expect([403, 404]).toContain((await d[1]!('GET', `/proposals/${id}`)).status);
    expect((await d[0]!('GET', `/proposals/${id}`)).body).toMatchObject({ status: 'draft', proposer: { memberId: dIds[0] } });
    const list = await member('GET', `/sessions/${sessionId}/proposals`);
    expect(list.body.proposals.map((p: { proposalId: string }) => p.proposalId)).not.toContain(id);

    // Edit (extension): the proposer only.
    expect((await d[1]!('PATCH', `/proposals/${id}`, { title: '改标题' })).status).toBe(403);
    expect((await d[0]!('PATCH', `/proposals/${id}`, { title: '食堂增加早餐供应（修改）' })).body.title).toBe('食堂增加早餐供应（修改）');

    // Submit: the proposer only, once.
    expect((await d[1]!('POST', `/proposals/${id}/submit`)).status).toBe(403);
    expect((await chair('POST', `/proposals/${id}/submit`)).status).toBe(403);
    const submitted = await d[0]!('POST', `/proposals/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'cosigning', number: `提案${year()}-001` });
    const again = await d[0]!('POST', `/proposals/${id}/submit`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BAD_TRANSITION');
    expect((await d[0]!('PATCH', `/proposals/${id}`, { title: '再改' })).body.error.code).toBe('BAD_TRANSITION');

    // 附议: other delegates only; again changes nothing; the second moves it to review.
    const own = await d[0]!('POST', `/proposals/${id}/cosign`);
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('OWN_PROPOSAL');
    expect((await member('POST', `/proposals/${id}/cosign`)).status).toBe(403);
    const waiting = async (who: Call) => ((await who('GET', '/me/proposals')).body.toCosign as { proposalId: string }[]).map((p) => p.proposalId);
    await eventually(async () => expect(await waiting(d[1]!)).toContain(id)); // the home page's card: waiting for my 附议 (the school's sessions are listed through the index)
    expect(await waiting(d[0]!)).not.toContain(id);
    expect((await member('GET', '/me/proposals')).body.toCosign).toEqual([]);
    expect((await d[1]!('POST', `/proposals/${id}/cosign`)).body).toEqual({ cosigners: 1, status: 'cosigning' });
    expect(await waiting(d[1]!)).not.toContain(id);
    expect((await d[1]!('POST', `/proposals/${id}/cosign`)).body).toEqual({ cosigners: 1, status: 'cosigning' });
    // Only the committee decides, and only from review.
    const early = await chair('POST', `/proposals/${id}/decision`, { outcome: 'rejected', reason: '理由' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('BAD_TRANSITION');
    expect((await d[2]!('POST', `/proposals/${id}/cosign`)).body).toEqual({ cosigners: 2, status: 'review' });
    expect((await d[1]!('POST', `/proposals/${id}/decision`, { outcome: 'rejected', reason: '理由' })).status).toBe(403);
    expect((await member('POST', `/proposals/${id}/decision`, { outcome: 'rejected', reason: '理由' })).status).toBe(403);
    expect((await chair('POST', `/proposals/${id}/decision`, { outcome: 'accepted', reason: '符合立案条件' })).status).toBe(400);
    expect((await chair('POST', `/proposals/${id}/answer`, { text: '答复' })).body.error.code).toBe('BAD_TRANSITION');

    const dueAt = inHours(24 * 10);
    const decided = await chair('POST', `/proposals/${id}/decision`, { outcome: 'accepted', reason: '符合立案条件', office: '总务处', dueAt });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'accepted', decision: { outcome: 'accepted', office: '总务处', dueAt } });
    expect((await chair('POST', `/proposals/${id}/decision`, { outcome: 'rejected', reason: '再审' })).body.error.code).toBe('BAD_TRANSITION');

    // Recorded, not yet published: the proposer and the committee see it, other members do not.
    const mine = (await d[0]!('GET', `/proposals/${id}`)).body;
    expect(mine).toMatchObject({ status: 'accepted', cosigners: 2, decision: { outcome: 'accepted', reason: '符合立案条件', office: '总务处', dueAt }, dueAt });
    expect((await member('GET', `/proposals/${id}`)).body).toMatchObject({ status: 'review', cosigners: 2 });
    expect((await member('GET', `/proposals/${id}`)).body.decision).toBeUndefined();
    expect((await d[1]!('GET', `/proposals/${id}`)).body.status).toBe('review');
    expect((await outbox()).filter((m) => m.memberId === dIds[0] && m.kind === 'proposalDecided')).toHaveLength(1);
    expect((await outbox()).filter((m) => m.kind === 'proposalPublished' && (m.memberId === dIds[1] || m.memberId === dIds[2]))).toHaveLength(0);

    // Everything the committee does is recorded, in the same transaction as the change.
    const audit = (await chair('GET', `/orgs/${school.orgId}/audit`)).body.entries as { action: string; target: Record<string, string>; detail?: Record<string, unknown> }[];
    expect(audit.filter((e) => e.action === 'POST /proposals/{proposalId}/decision' && e.target.proposalId === id)).toEqual([expect.objectContaining({ detail: { outcome: 'accepted' } })]);
    expect((await member('POST', `/sessions/${sessionId}/publish`)).status).toBe(403);
    const pub = await chair('POST', `/sessions/${sessionId}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body.published).toBe(1);
    expect((await member('GET', `/proposals/${id}`)).body).toMatchObject({ status: 'accepted', decision: { outcome: 'accepted', office: '总务处' } });
    const told = (await outbox()).filter((m) => m.kind === 'proposalPublished');
    expect(told.filter((m) => m.memberId === dIds[1])).toHaveLength(1);
    expect(told.filter((m) => m.memberId === dIds[2])).toHaveLength(1);
    expect((await chair('POST', `/sessions/${sessionId}/publish`)).body.published).toBe(0);

    // 答复: the proposer at once (with a notice), members after publication.
    expect((await chair('POST', `/proposals/${id}/rating`, { rating: 'satisfied' })).status).toBe(403);
    expect((await d[0]!('POST', `/proposals/${id}/rating`, { rating: 'satisfied' })).body.error.code).toBe('BAD_TRANSITION');
    expect((await chair('POST', `/proposals/${id}/answer`, { text: '已安排食堂 7:00 供应早餐。' })).body.status).toBe('answered');
    expect((await d[0]!('GET', `/proposals/${id}`)).body).toMatchObject({ status: 'answered', answer: { text: '已安排食堂 7:00 供应早餐。', at: expect.any(String) } });
    expect((await member('GET', `/proposals/${id}`)).body.status).toBe('accepted');
    expect((await member('GET', `/proposals/${id}`)).body.answer).toBeUndefined();
    expect((await outbox()).filter((m) => m.memberId === dIds[0] && m.kind === 'proposalAnswered')).toHaveLength(1);
    await chair('POST', `/sessions/${sessionId}/publish`);
    expect((await member('GET', `/proposals/${id}`)).body.status).toBe('answered');

    // 落实 and satisfaction.
    expect((await chair('POST', `/proposals/${id}/progress`, { note: '已与食堂签订补充协议', done: false })).body.status).toBe('answered');
    expect((await chair('POST', `/proposals/${id}/progress`, { note: '早餐已开始供应', done: true })).body.status).toBe('done');
    expect((await chair('POST', `/proposals/${id}/progress`, { note: '又一条', done: true })).body.error.code).toBe('BAD_TRANSITION');
    const page = (await member('GET', `/proposals/${id}`)).body;
    expect(page.status).toBe('done');
    expect(page.progress.map((n: { note: string; done: boolean }) => [n.note, n.done])).toEqual([['已与食堂签订补充协议', false], ['早餐已开始供应', true]]);

    const unsatisfied = await d[0]!('POST', `/proposals/${id}/rating`, { rating: 'unsatisfied', comment: '只供应了一周' });
    expect(unsatisfied.status).toBe(200);
    expect(unsatisfied.body).toMatchObject({ status: 'accepted', rating: { rating: 'unsatisfied', comment: '只供应了一周' } });
    expect((await d[0]!('POST', `/proposals/${id}/rating`, { rating: 'satisfied' })).body.error.code).toBe('BAD_TRANSITION'); // needs a new answer
    expect((await chair('POST', `/proposals/${id}/answer`, { text: '已恢复每日供应。' })).body.status).toBe('answered');
    expect((await d[0]!('POST', `/proposals/${id}/rating`, { rating: 'unsatisfied' })).body.status).toBe('answered'); // later ratings only record
    const rated = await d[0]!('POST', `/proposals/${id}/rating`, { rating: 'satisfied' });
    expect(rated.body).toMatchObject({ status: 'answered', rating: { rating: 'satisfied' } });

    const final = (await d[0]!('GET', `/proposals/${id}`)).body;
    expect(final.history.map((h: { status: string }) => h.status)).toEqual(['draft', 'cosigning', 'review', 'accepted', 'answered', 'done', 'accepted', 'answered']);
    const times = final.history.map((h: { at: string }) => Date.parse(h.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(final.answer.text).toBe('已恢复每日供应。');

    // Every member sees every proposal that left draft (公示), with the caller's own drafts.
    const myDraft = await draft(sessionId);
    const seen = await d[0]!('GET', `/sessions/${sessionId}/proposals`); // read by key: no wait after the write
    expect(seen.body.proposals.map((p: { proposalId: string }) => p.proposalId)).toEqual([id, myDraft]);
    const theirs = await member('GET', `/sessions/${sessionId}/proposals`);
    expect(theirs.body.proposals.map((p: { proposalId: string }) => p.proposalId)).toEqual([id]);
    // Another school sees nothing of it.
    const outsider = await as(ordinary(other));
    expect((await outsider('GET', `/proposals/${id}`)).status).toBe(403);
    expect((await outsider('GET', `/sessions/${sessionId}/stats`)).status).toBe(403);
  });

  it('merged needs mergedInto: in the same session, not itself; the link shows both ways', async () => {
    const sessionId = await newSession();
    const [a, b] = [await inReview(sessionId), await inReview(sessionId)];
    const elsewhere = await inReview(await newSession());
    const merge = (into?: string) => chair('POST', `/proposals/${b}/decision`, { outcome: 'merged', reason: '内容相同，并案办理', ...(into ? { mergedInto: into } : {}) });
    expect((await merge()).status).toBe(400);
    expect((await merge(b)).status).toBe(400);
    expect((await merge(elsewhere)).status).toBe(400);
    const ok = await merge(a);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'merged', decision: { outcome: 'merged', mergedInto: a } });
    expect((await chair('GET', `/proposals/${a}`)).body.mergedFrom).toEqual([b]);
    expect((await chair('GET', `/proposals/${a}`)).body.status).toBe('review');
  });

  it('withdraw (extension): the proposer only, before a decision; the number stays taken; a withdrawn draft stays private', async () => {
    const sessionId = await newSession();
    const a = await draft(sessionId);
    await d[0]!('POST', `/proposals/${a}/submit`);
    expect((await d[1]!('POST', `/proposals/${a}/withdraw`)).status).toBe(403);
    expect((await chair('POST', `/proposals/${a}/withdraw`)).status).toBe(403);
    const gone = await d[0]!('POST', `/proposals/${a}/withdraw`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ status: 'withdrawn', number: `提案${year()}-001` });
    expect((await d[1]!('POST', `/proposals/${a}/cosign`)).body.error.code).toBe('BAD_TRANSITION');
    expect((await member('GET', `/proposals/${a}`)).body.status).toBe('withdrawn');
    const b = await draft(sessionId);
    expect((await d[0]!('POST', `/proposals/${b}/submit`)).body.number).toBe(`提案${year()}-002`);
    const c = await draft(sessionId);
    expect((await d[0]!('POST', `/proposals/${c}/withdraw`)).body.status).toBe('withdrawn');
    expect((await member('GET', `/proposals/${c}`)).status).toBe(404);
    const decided = await inReview(sessionId);
    await chair('POST', `/proposals/${decided}/decision`, { outcome: 'rejected', reason: '理由' });
    expect((await d[0]!('POST', `/proposals/${decided}/withdraw`)).body.error.code).toBe('BAD_TRANSITION');
    expect((await chair('GET', `/sessions/${sessionId}/stats`)).body).toMatchObject({ received: 3, withdrawn: 1, rejected: 1 });
  });

  it('submits with cosignersNeeded 0 go straight to review', async () => {
    const sessionId = await newSession({ cosignersNeeded: 0 });
    const id = await draft(sessionId);
    expect((await d[0]!('POST', `/proposals/${id}/submit`)).body).toMatchObject({ status: 'review', number: `提案${year()}-001` });
  });
});

describe('numbers', () => {
  it('30 submits at once are numbered 001..030, no gap, no duplicate; later ones go on from 031', async () => {
    const sessionId = await newSession({ cosignersNeeded: 0 });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await draft(sessionId, d[i % d.length]!, { title: `提案 ${i + 1}` }));
    const results = await Promise.all(ids.map((id, i) => d[i % d.length]!('POST', `/proposals/${id}/submit`)));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    const numbers = results.map((r) => r.body.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => `提案${year()}-${String(i + 1).padStart(3, '0')}`));
    // Each proposal keeps the number its submit answered.
    for (const [i, id] of ids.entries()) expect((await chair('GET', `/proposals/${id}`)).body.number).toBe(results[i]!.body.number);
    const next = await draft(sessionId);
    expect((await d[0]!('POST', `/proposals/${next}/submit`)).body.number).toBe(`提案${year()}-031`);
    // A second session counts from 001 again.
    const s2 = await newSession({ cosignersNeeded: 0 });
    const first = await draft(s2);
    expect((await d[0]!('POST', `/proposals/${first}/submit`)).body.number).toBe(`提案${year()}-001`);
  });
});

describe('stats', () => {
  it('rates are null with zero denominators; figures follow the contract and equal a recount; members see the published figures', async () => {
    const sessionId = await newSession();
    const empty = (await member('GET', `/sessions/${sessionId}/stats`)).body;
    expect(empty).toEqual({ received: 0, accepted: 0, converted: 0, rejected: 0, merged: 0, answered: 0, done: 0, withdrawn: 0, answerRate: null, satisfactionRate: null, byCategory: {} });

    const [a, b, c, e] = [await inReview(sessionId), await inReview(sessionId), await inReview(sessionId), await inReview(sessionId)];
    const welfare = await draft(sessionId, d[0]!, { category: 'welfare' });
    await d[0]!('POST', `/proposals/${welfare}/submit`); // received, in cosigning
    await draft(sessionId); // a draft counts nowhere
    expect((await accept(a)).status).toBe(200);
    expect((await accept(b)).status).toBe(200);
    await chair('POST', `/proposals/${c}/decision`, { outcome: 'converted', reason: '转为意见建议' });
    await chair('POST', `/proposals/${e}/decision`, { outcome: 'rejected', reason: '不属于教代会职权范围' });
    await chair('POST', `/proposals/${a}/answer`, { text: '答复' });
    await d[0]!('POST', `/proposals/${a}/rating`, { rating: 'basically' });

    const expected = { received: 5, accepted: 2, converted: 1, rejected: 1, merged: 0, answered: 1, done: 0, withdrawn: 0, answerRate: 0.5, satisfactionRate: 1, byCategory: { logistics: 4, welfare: 1 } };
    expect((await chair('GET', `/sessions/${sessionId}/stats`)).body).toEqual(expected);
    // Not yet published: members see the session as it was before the committee's decisions.
    expect((await member('GET', `/sessions/${sessionId}/stats`)).body).toMatchObject({ received: 5, accepted: 0, converted: 0, rejected: 0, answered: 0, answerRate: null });
    await chair('POST', `/sessions/${sessionId}/publish`);
    expect((await member('GET', `/sessions/${sessionId}/stats`)).body).toEqual(expected);

    // Recount from the proposals themselves.
    const list = (await chair('GET', `/sessions/${sessionId}/proposals`)).body.proposals as { status: string; category: string; rating?: { rating: string } }[];
    const received = list.filter((p) => p.status !== 'draft');
    const count = (...s: string[]) => received.filter((p) => s.includes(p.status)).length;
    expect(received.length).toBe(expected.received);
    expect(count('accepted', 'answered', 'done')).toBe(expected.accepted);
    expect(count('answered', 'done')).toBe(expected.answered);
    expect(count('converted')).toBe(expected.converted);
    expect(received.filter((p) => p.rating).length).toBe(1);

    // 不满意 reopens: answered falls back, the rating now counts against satisfaction.
    await chair('POST', `/proposals/${b}/answer`, { text: '答复' });
    await d[0]!('POST', `/proposals/${b}/rating`, { rating: 'unsatisfied' });
    expect((await chair('GET', `/sessions/${sessionId}/stats`)).body).toMatchObject({ accepted: 2, answered: 1, answerRate: 0.5, satisfactionRate: 0.5 });
  });
});

describe('督办', () => {
  it('overdue lists accepted, unanswered proposals past dueAt, with their chase entries; the contact is reminded exactly once', async () => {
    const sessionId = await newSession();
    const [late, soon, answered] = [await inReview(sessionId), await inReview(sessionId), await inReview(sessionId)];
    expect((await accept(late, { dueAt: inHours(-2), officeContactId: memberId })).status).toBe(200);
    expect((await accept(soon, { dueAt: inHours(30), officeContactId: memberId })).status).toBe(200);
    expect((await accept(answered, { dueAt: inHours(-3) })).status).toBe(200);
    await chair('POST', `/proposals/${answered}/answer`, { text: '答复' });

    // The office's contact sees what it is assigned, as it is (before publication too).
    const assigned = (await member('GET', '/me/proposals')).body.assigned as { proposalId: string; status: string; office: string }[];
    expect(assigned.map((p) => p.proposalId).sort()).toEqual([late, soon].sort());
    expect(assigned.every((p) => p.status === 'accepted' && p.office === '总务处')).toBe(true);
    expect((await member('GET', `/proposals/${late}`)).body.status).toBe('review'); // to everyone else: not yet published
    const mine = await poll(() => d[0]!('GET', '/me/proposals'), (r) => r.body.proposals.some((p: { proposalId: string }) => p.proposalId === late));
    expect(mine.body.proposals.map((p: { proposalId: string }) => p.proposalId)).toContain(late);

    expect((await member('GET', `/orgs/${school.orgId}/proposals/overdue`)).status).toBe(403);
    expect((await d[0]!('GET', `/orgs/${school.orgId}/proposals/overdue`)).status).toBe(403);
    const ids = async () => ((await committee('GET', `/orgs/${school.orgId}/proposals/overdue`)).body.proposals as { proposalId: string }[]).map((p) => p.proposalId);
    expect(await ids()).toContain(late);
    expect(await ids()).not.toContain(soon);
    expect(await ids()).not.toContain(answered);

    expect((await member('POST', `/proposals/${late}/chase`, { note: '请尽快答复' })).status).toBe(403);
    const chased = await committee('POST', `/proposals/${late}/chase`, { note: '电话督促总务处，答应本周内答复' });
    expect(chased.status).toBe(201);
    const page = (await chair('GET', `/proposals/${late}`)).body;
    expect(page.chases).toEqual([{ note: '电话督促总务处，答应本周内答复', at: expect.any(String), by: { memberId: expect.any(String), name: expect.any(String) } }]);
    const listed = (await chair('GET', `/orgs/${school.orgId}/proposals/overdue`)).body.proposals.find((p: { proposalId: string }) => p.proposalId === late);
    expect(listed.chases).toHaveLength(1);
    expect(listed.dueAt).toBeDefined();

    // The scheduled job (every few seconds locally) tells the contact: overdue for one, due soon for the other.
    const reminders = (kind: string) => outbox().then((all) => all.filter((m) => m.memberId === memberId && m.kind === kind));
    expect(await reminders('proposalAssigned')).toHaveLength(2); // told at the decision
    expect(await reminders('proposalChased')).toHaveLength(1);
    expect(await poll(() => reminders('proposalOverdue'), (r) => r.length > 0)).toHaveLength(1);
    expect(await poll(() => reminders('proposalDueSoon'), (r) => r.length > 0)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 7000)); // another run or two of the job
    expect(await reminders('proposalOverdue')).toHaveLength(1);
    expect(await reminders('proposalDueSoon')).toHaveLength(1);

    await chair('POST', `/proposals/${late}/answer`, { text: '已答复' });
    expect(await ids()).not.toContain(late);
    expect((await chair('POST', `/proposals/${late}/chase`, { note: 'x' })).body.error.code).toBe('BAD_TRANSITION');
  });
});

describe('金点子', () => {
  it('any member sends one with a category; the committee replies, marks 采纳 and picks the best; the author is told', async () => {
    const sent = await member('POST', `/orgs/${school.orgId}/ideas`, { title: '教学楼增设饮水机', category: 'campus', text: '三楼没有饮水机，老师们接水要下楼。' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ ideaId: expect.any(String), category: 'campus', adopted: false, author: { memberId } });
    const id = sent.body.ideaId as string;
    expect((await member('POST', `/orgs/${school.orgId}/ideas`, { title: 'x', category: 'food', text: 'x' })).status).toBe(400);
    expect((await member('POST', `/ideas/${id}/reply`, { text: '好', adopted: true })).status).toBe(403);
    expect((await d[0]!('POST', `/ideas/${id}/best`, { term: '2026学年第一学期', best: true })).status).toBe(403);
    const replied = await committee('POST', `/ideas/${id}/reply`, { text: '总务处下周安装。', adopted: true });
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({ adopted: true, reply: { text: '总务处下周安装。' } });
    expect((await chair('POST', `/ideas/${id}/best`, { term: '2026学年第一学期', best: true })).body.best).toMatchObject({ term: '2026学年第一学期' });
    expect((await member('GET', `/ideas/${id}`)).body).toMatchObject({ adopted: true, best: { term: '2026学年第一学期' } });
    expect((await outbox()).filter((m) => m.memberId === memberId && m.kind === 'ideaReplied').length).toBe(2);
    const list = await poll(() => d[1]!('GET', `/orgs/${school.orgId}/ideas`), (r) => r.body.ideas.some((i: { ideaId: string }) => i.ideaId === id));
    expect(list.body).toMatchObject({ total: expect.any(Number), adopted: expect.any(Number), best: expect.any(Number) });
    expect(list.body.byCategory.campus).toBeGreaterThanOrEqual(1);
    expect((await (await as(ordinary(other)))('GET', `/ideas/${id}`)).status).toBe(403);

    expect((await chair('GET', `/orgs/${school.orgId}/ideas.xlsx`)).status).toBe(200);
    const rows = await poll(async () => readXlsx((await chair('GET', `/orgs/${school.orgId}/ideas.xlsx`)).raw), (r) => r.some((x) => x.includes('2026学年第一学期')));
    expect(rows.some((r) => r.includes('教学楼增设饮水机') && r.includes('是') && r.includes('2026学年第一学期'))).toBe(true);
    expect((await member('GET', `/orgs/${school.orgId}/ideas.xlsx`)).status).toBe(403);
  });
});

describe('提案汇总表', () => {
  it('one row per proposal that left draft, every field (committee only)', async () => {
    const sessionId = await newSession();
    const id = await inReview(sessionId);
    expect((await accept(id, { coOffices: ['教务处', '校长室'] })).body.decision.coOffices).toEqual(['教务处', '校长室']);
    await chair('POST', `/proposals/${id}/answer`, { text: '已安排。' });
    await d[0]!('POST', `/proposals/${id}/rating`, { rating: 'satisfied', comment: '很快' });
    await draft(sessionId); // a draft is no row
    expect((await member('GET', `/sessions/${sessionId}/proposals.xlsx`)).status).toBe(403);
    const res = await chair('GET', `/sessions/${sessionId}/proposals.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    // Listed through the index, which may lag a write by a moment.
    const rows = await poll(async () => readXlsx((await chair('GET', `/sessions/${sessionId}/proposals.xlsx`)).raw), (r) => r.length > 3);
    const header = rows[2]!;
    expect(header.slice(0, 7)).toEqual(['提案编号', '标题', '类别', '提案人', '附议人数', '附议人', '状态']);
    const body = rows.slice(3);
    expect(body).toHaveLength(1);
    const row = Object.fromEntries(header.map((h, i) => [h, body[0]![i]]));
    expect(row).toMatchObject({ 提案编号: `提案${year()}-001`, 标题: '食堂增加早餐供应', 类别: '后勤食堂', 附议人数: '2', 状态: '已答复', 审查结果: '立案', 承办部门: '总务处', 协办部门: '教务处、校长室', 答复: '已安排。', 满意度: '满意', 评价意见: '很快' });
    expect(row['附议人']!.split('、')).toHaveLength(2);
  });
});
