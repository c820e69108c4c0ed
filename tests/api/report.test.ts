import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDateTime } from '../../shared/domain/chinaTime';
import { addDays } from '../../shared/domain/care';
import { as, ordinary, seed, type School } from '../support/fixtures';
import { indexSettled } from '../support/eventually';
import { inHours } from '../support/time';
import { readXlsx } from '../support/xlsx';
import { docxParagraphs, zipEntry } from '../support/zip';
import * as ExcelJS from '../../functions/lib/workbook';

/**
 * 送温暖 and the term report, through the real API: a term built step by step with known answers
 * (events with sign-ups, a cancellation, a waitlist, check-ins and a cancelled event; campaigns with
 * confirmed, unconfirmed, rejected and anonymous gifts; ballots closed, open and draft; care visits
 * in and out of the range, one edited; proposals of a session opened in the range and of one
 * opened before it; 金点子), then every figure asserted exactly, the recount agreeing, the records
 * behind figures, and who may see what.
 */
type Call = Awaited<ReturnType<typeof as>>;

let school: School;
let other: School;
let chair: Call;
let committee: Call;
let treasurer: Call;
let plain: string[];
const today = chinaDateTime(Date.now()).date;
const from = addDays(today, -2);
const to = addDays(today, 60);
const q = `from=${from}&to=${to}`;

/** Index reads may lag writes a little: ask again until `check` passes or the deadline. */
async function eventually<T>(read: () => Promise<T>, check: (t: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const t = await read();
    if (check(t) || Date.now() > until) return t;
    await new Promise((r) => setTimeout(r, 150));
  }
}

const must = async (p: Promise<{ status: number; body: any }>, status = [200, 201]) => {
  const res = await p;
  expect(status, JSON.stringify(res.body)).toContain(res.status);
  return res.body;
};

let ids: Record<string, string> = {};

beforeAll(async () => {
  [school, other] = await Promise.all([seed(30, 6), seed(10, 2)]);
  [chair, committee, treasurer] = await Promise.all([as(school.chair), as(school.committee.find((id) => id !== school.chair && id !== school.treasurer)!), as(school.treasurer)]);
  const busy = new Set([school.chair, school.treasurer, ...school.committee, ...school.groupLeaders, ...school.delegates]);
  plain = school.members.filter((m) => !busy.has(m));
  const [A, B, C, D, E, F, G, H] = plain;
  const call = Object.fromEntries(await Promise.all([A, B, C, D, E, F, G].map(async (id) => [id!, await as(id!)]))) as Record<string, Call>;

  // Members: one deactivated (before the ballots open, so the electorate of the members' ballot excludes them).
  await must(chair('POST', `/members/${H}/deactivate`, {}));
  await indexSettled(); // the members' ballot below reads the roster through the index

  // Events. E1: A, B (+2 family), C confirmed; D signs up and cancels; A and B checked in.
  const event = (title: string, startsIn: number, capacity: number, maxFamily = 0) =>
    must(chair('POST', `/orgs/${school.orgId}/events`, { title, place: '学校礼堂', startsAt: inHours(startsIn), signupClosesAt: inHours(startsIn - 1), capacity, maxFamily })).then((b) => b.eventId as string);
  const e1 = await event('春季踏青', 20, 10, 2); // check-in opens the day before
  await must(call[A!]!('POST', `/events/${e1}/registrations`, {}));
  await must(call[B!]!('POST', `/events/${e1}/registrations`, { family: 2 }));
  await must(call[C!]!('POST', `/events/${e1}/registrations`, {}));
  await must(call[D!]!('POST', `/events/${e1}/registrations`, {}));
  await must(call[D!]!('DELETE', `/events/${e1}/registrations/me`));
  await must(chair('POST', `/events/${e1}/checkins`, { memberId: A }));
  await must(chair('POST', `/events/${e1}/checkins`, { memberId: B }));
  // E2: one seat, A confirmed, E waits (not a participant).
  const e2 = await event('羽毛球赛', 120, 1);
  await must(call[A!]!('POST', `/events/${e2}/registrations`, {}));
  expect((await must(call[E!]!('POST', `/events/${e2}/registrations`, {}))).status).toBe('waitlisted');
  // E3 cancelled (F had signed up); E4 starts after the range (G).
  const e3 = await event('卡拉OK', 96, 10);
  await must(call[F!]!('POST', `/events/${e3}/registrations`, {}));
  await must(chair('POST', `/events/${e3}/cancel`, {}));
  const e4 = await event('寒假出游', 24 * 70, 10);
  await must(call[G!]!('POST', `/events/${e4}/registrations`, {}));

  // Campaigns. C1 closes in range: A 5000 + A 99 confirmed, B 3001 anonymous confirmed, C 2000 unconfirmed, D 1000 rejected.
  const campaign = (title: string, closesIn: number) => must(chair('POST', `/orgs/${school.orgId}/campaigns`, { title, kind: 'day-pay', closesAt: inHours(closesIn) })).then((b) => b.campaignId as string);
  const c1 = await campaign('慈善一日捐', 48);
  const give = async (c: string, who: string, amountFen: number, anonymous = false) =>
    (await must(call[who]!('POST', `/campaigns/${c}/donations`, { donationId: `r-${Math.random().toString(36).slice(2, 12)}`, amountFen, anonymous }))).donationId as string;
  const g1 = await give(c1, A!, 5000);
  const g2 = await give(c1, A!, 99);
  const g3 = await give(c1, B!, 3001, true);
  await give(c1, C!, 2000);
  const g5 = await give(c1, D!, 1000);
  for (const g of [g1, g2, g3]) await must(treasurer('POST', `/donations/${g}/confirm`, {}));
  await must(treasurer('POST', `/donations/${g5}/reject`, { reason: '重复登记' }));
  // C2 closes after the range: not counted.
  const c2 = await campaign('寒冬送暖', 24 * 70);
  await must(treasurer('POST', `/donations/${await give(c2, E!, 7000)}/confirm`, {}));

  // Ballots. B1 delegates (6): 4 vote. B2 members (29 active): 3 vote. B3 open, B4 draft: not counted.
  const ballot = async (electorate: string) => (await must(chair('POST', `/orgs/${school.orgId}/ballots`, { title: `表决-${electorate}`, electorate, questions: [{ id: 'q1', text: '通过本学期工作计划', kind: 'motion' }] }))).ballotId as string;
  const b1 = await ballot('delegates');
  await must(chair('POST', `/ballots/${b1}/open`, {}));
  for (const d of school.delegates.slice(0, 4)) await must((await as(d))('POST', `/ballots/${b1}/votes`, { answers: { q1: 'for' } }));
  await must(chair('POST', `/ballots/${b1}/close`, {}));
  const b2 = await ballot('members');
  await must(chair('POST', `/ballots/${b2}/open`, {}));
  for (const m of [A!, B!, C!]) await must(call[m]!('POST', `/ballots/${b2}/votes`, { answers: { q1: 'against' } }));
  await must(chair('POST', `/ballots/${b2}/close`, {}));
  const b3 = await ballot('delegates');
  await must(chair('POST', `/ballots/${b3}/open`, {}));
  await ballot('members');

  // Care visits: two in range, one the day before the range, one edited (wedding 0 → birth 6600).
  const visit = (memberId: string, kind: string, date: string, giftFen: number) => must(chair('POST', `/orgs/${school.orgId}/care-visits`, { memberId, kind, date, giftFen })).then((b) => b.visitId as string);
  ids.v1 = await visit(A!, 'illness', today, 50_000);
  ids.v2 = await visit(B!, 'retiree', addDays(today, 10), 20_000);
  ids.v3 = await visit(C!, 'hardship', addDays(from, -1), 10_000);
  ids.v4 = await visit(D!, 'wedding', today, 0);
  await must(committee('PATCH', `/care-visits/${ids.v4}`, { kind: 'birth', giftFen: 6600 }));

  // Hardship aid: two cases paid in the range (illness 2500.50 yuan, family 500 yuan), one approved but not yet paid.
  await must(treasurer('POST', `/orgs/${school.orgId}/fund/entries`, { kind: 'opening', amountFen: 1_000_000 }));
  const aid = async (memberId: string, category: string, fen: number, pay: boolean) => {
    const caseId = (await must((await as(memberId))('POST', `/orgs/${school.orgId}/aid-cases`, { category, requestedFen: fen, reason: '家中困难' }))).caseId as string;
    await must(chair('POST', `/aid-cases/${caseId}/approve`, { approvedFen: fen }));
    if (pay) await must(treasurer('POST', `/aid-cases/${caseId}/pay`, {}));
  };
  await aid(A!, 'illness', 250_050, true);
  await aid(B!, 'family', 50_000, true);
  await aid(C!, 'other', 70_000, false);

  // Proposals. S1 opened in the range: P1 accepted → answered → rated satisfied; P2 rejected; P4 accepted; P3 a draft.
  // S0 opened before the range: its proposal is not counted.
  const session = async (opensIn: number) => (await must(chair('POST', `/orgs/${school.orgId}/sessions`, { title: '第九届教代会提案征集', opensAt: inHours(opensIn), closesAt: inHours(240), cosignersNeeded: 0 }))).sessionId as string;
  const s1 = await session(-1);
  const s0 = await session(-24 * 5);
  const delegate = await as(school.delegates[0]!);
  const propose = async (s: string, title: string) => {
    const id = (await must(delegate('POST', `/sessions/${s}/proposals`, { title, category: 'welfare', reason: '案由', suggestion: '建议' }))).proposalId as string;
    return id;
  };
  const submit = (p: string) => must(delegate('POST', `/proposals/${p}/submit`, {}));
  const p1 = await propose(s1, '改善食堂');
  const p2 = await propose(s1, '增加车位');
  await propose(s1, '草稿');
  const p4 = await propose(s1, '图书角');
  const p0 = await propose(s0, '往届提案');
  for (const p of [p1, p2, p4, p0]) await submit(p);
  const accept = { outcome: 'accepted', reason: '符合立案条件', office: '总务处', dueAt: inHours(24 * 14) };
  await must(chair('POST', `/proposals/${p1}/decision`, accept));
  await must(chair('POST', `/proposals/${p4}/decision`, accept));
  await must(chair('POST', `/proposals/${p2}/decision`, { outcome: 'rejected', reason: '不属于提案范围' }));
  await must(chair('POST', `/proposals/${p1}/answer`, { text: '已安排改进' }));
  await must(delegate('POST', `/proposals/${p1}/rating`, { rating: 'satisfied' }));

  // 金点子: two sent, one adopted.
  const i1 = (await must(call[A!]!('POST', `/orgs/${school.orgId}/ideas`, { title: '办公室绿植', category: 'campus', text: '每个办公室一盆绿植' }))).ideaId;
  await must(call[B!]!('POST', `/orgs/${school.orgId}/ideas`, { title: '读书会', category: 'teaching', text: '每月一次' }));
  await must(chair('POST', `/ideas/${i1}/reply`, { text: '好主意，采纳', adopted: true }));

  ids = { ...ids, e1, e2, e3, e4, c1, c2, b1, b2, b3, s1, s0, A: A!, B: B!, C: C!, H: H! };
});

const report = () => eventually(() => chair('GET', `/orgs/${school.orgId}/report?${q}`), (r) => r.status === 200 && r.body.members.active === 29 && r.body.donations.campaigns === 1 && r.body.ballots.held === 2 && r.body.care.visits === 3 && r.body.events.held === 2 && r.body.ideas.received === 2 && r.body.proposals.received === 3);

describe('the term report', () => {
  it('gives every figure of the seeded term exactly', async () => {
    const res = await report();
    expect(res.status).toBe(200);
    const members = (await chair('GET', `/orgs/${school.orgId}/members`)).body.members as { memberId: string; active: boolean; retired: boolean }[];
    const retired = members.filter((m) => m.active && m.retired).length;
    expect(members.find((m) => m.memberId === ids.H)?.active ?? false).toBe(false);
    expect(res.body).toMatchObject({
      from,
      to,
      members: { active: 29, retired, new: 29 },
      events: { held: 2, participants: 3, participationRate: 3 / 29, checkedIn: 2 },
      donations: { campaigns: 1, confirmedFen: 8100, donors: 2 },
      proposals: { received: 3, accepted: 2, answered: 1, answerRate: 0.5, rejected: 1, converted: 0, merged: 0, satisfactionRate: 1 },
      ideas: { received: 2, adopted: 1 },
      ballots: { held: 2, turnout: 7 / 35, cast: 7, eligible: 35 },
      care: { visits: 3, giftFen: 76_600 },
      aid: { count: 2, fen: 300_050, byCategory: { illness: { count: 1, fen: 250_050 }, family: { count: 1, fen: 50_000 }, other: { count: 0, fen: 0 }, disaster: { count: 0, fen: 0 } } },
    });
    expect(res.body.events.perEvent.map((e: any) => [e.eventId, e.participants, e.checkedIn]).sort()).toEqual([[ids.e1, 3, 2], [ids.e2, 1, 0]].sort());
    expect(res.body.donations.perCampaign).toEqual([expect.objectContaining({ campaignId: ids.c1, confirmedFen: 8100, donors: 2 })]);
    expect(res.body.ballots.perBallot.map((b: any) => [b.ballotId, b.cast, b.eligible]).sort()).toEqual([[ids.b1, 4, 6], [ids.b2, 3, 29]].sort());
    expect(res.body.care.byKind).toMatchObject({ illness: { visits: 1, giftFen: 50_000 }, retiree: { visits: 1, giftFen: 20_000 }, birth: { visits: 1, giftFen: 6600 }, wedding: { visits: 0, giftFen: 0 }, hardship: { visits: 0, giftFen: 0 } });
    for (const f of [res.body.events.participationRate, res.body.ballots.turnout, res.body.proposals.answerRate]) expect(f >= 0 && f <= 1).toBe(true);
  });

  it('agrees with the recount of every figure from the base records', async () => {
    await report();
    const check = (await must(chair('GET', `/dev/orgs/${school.orgId}/recount?${q}`))) as { ok: boolean; rows: { figure: string; ok: boolean; report: unknown; recount: unknown }[] };
    expect(check.rows.filter((r) => !r.ok)).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.rows.length).toBeGreaterThan(40);
    expect(check.rows.find((r) => r.figure === 'donations.confirmedFen')).toMatchObject({ report: 8100, recount: 8100 });
  });

  it('a range with nothing in it: zero counts and null rates (zero denominators)', async () => {
    const res = await chair('GET', `/orgs/${school.orgId}/report?from=2020-01-01&to=2020-01-31`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ events: { held: 0, participants: 0, checkedIn: 0 }, donations: { campaigns: 0, confirmedFen: 0, donors: 0 }, proposals: { received: 0, answerRate: null }, ballots: { held: 0, turnout: null }, care: { visits: 0, giftFen: 0 } });
    expect(res.body.events.participationRate).toBe(0); // 29 active members, nobody took part
  });

  it('refuses a missing, malformed or reversed range with 400', async () => {
    for (const bad of ['', `from=${from}`, `to=${to}`, 'from=2026-1-01&to=2026-02-01', 'from=2026-02-30&to=2026-03-01', 'from=2026-03-01&to=2026-02-01', 'from=20260101&to=20260201']) {
      const res = await chair('GET', `/orgs/${school.orgId}/report?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('INVALID_INPUT');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('opens the records behind a figure: as many as it counts, or adding up to it', async () => {
    await report();
    const records = async (figure: string) => (await must(committee('GET', `/orgs/${school.orgId}/report/records?figure=${figure}&${q}`))) as { count: number; records: any[] };
    const people = await records('events.participants');
    expect(people.records.map((r) => r.memberId).sort()).toEqual([ids.A, ids.B, ids.C].sort());
    expect((await records('events.checkedIn')).count).toBe(2);
    const gifts = await records('donations.confirmedFen');
    expect(gifts.records.reduce((n, g) => n + g.amountFen, 0)).toBe(8100);
    // The anonymous gift stays anonymous here too: no name, no id.
    const anon = gifts.records.find((g) => g.amountFen === 3001);
    expect(anon).toMatchObject({ name: '匿名' });
    expect(anon.memberId).toBeUndefined();
    expect((await records('donations.donors')).count).toBe(2);
    expect((await records('care.visits')).records.map((v) => v.visitId).sort()).toEqual([ids.v1, ids.v2, ids.v4].sort());
    expect((await records('care.byKind.birth.visits')).records).toEqual([expect.objectContaining({ visitId: ids.v4, giftFen: 6600 })]);
    expect((await records('proposals.accepted')).count).toBe(2);
    expect((await records('proposals.received')).count).toBe(3);
    expect((await records('ideas.adopted')).count).toBe(1);
    expect((await records('ballots.held')).records.map((b) => b.cast).sort()).toEqual([3, 4]);
    expect((await records(`events.perEvent.${ids.e1}.participants`)).count).toBe(3);
    expect((await records('members.active')).count).toBe(29);
    const bad = await committee('GET', `/orgs/${school.orgId}/report/records?figure=events.nothing&${q}`);
    expect(bad.status).toBe(400);
  });

  it('every counted figure has exactly as many records behind it, and every sum adds up from its records', async () => {
    const figures = (await report()).body;
    const get = (name: string) => name.split('.').reduce((o: any, k) => o?.[k], figures);
    const counts = ['members.active', 'members.retired', 'members.new', 'events.held', 'events.participants', 'events.checkedIn', 'donations.campaigns', 'donations.donors', 'proposals.received', 'proposals.accepted', 'proposals.answered', 'proposals.converted', 'proposals.rejected', 'proposals.merged', 'proposals.done', 'proposals.withdrawn', 'ideas.received', 'ideas.adopted', 'ballots.held', 'care.visits'];
    for (const name of counts) {
      const res = await chair('GET', `/orgs/${school.orgId}/report/records?figure=${name}&${q}`);
      expect(res.status, name).toBe(200);
      expect(res.body.count, name).toBe(get(name));
      expect(res.body.records.length, name).toBe(get(name));
    }
    const sums: [string, string][] = [['donations.confirmedFen', 'amountFen'], ['care.giftFen', 'giftFen']];
    for (const [name, field] of sums) {
      const { records } = (await chair('GET', `/orgs/${school.orgId}/report/records?figure=${name}&${q}`)).body;
      expect(records.reduce((n: number, r: Record<string, number>) => n + r[field]!, 0), name).toBe(get(name));
    }
    const turnout = (await chair('GET', `/orgs/${school.orgId}/report/records?figure=ballots.turnout&${q}`)).body.records as { cast: number; eligible: number }[];
    expect(turnout.reduce((n, b) => n + b.cast, 0) / turnout.reduce((n, b) => n + b.eligible, 0)).toBe(figures.ballots.turnout);
  });

  it('stays with the chair and the committee: members, the treasurer, group leaders and other schools get 403', async () => {
    const leader = school.groupLeaders.find((id) => !school.committee.includes(id) && id !== school.chair && id !== school.treasurer)!;
    for (const id of [ordinary(school), school.treasurer, leader, school.delegates.find((d) => !school.committee.includes(d) && d !== school.chair && d !== school.treasurer)!, other.chair]) {
      const caller = await as(id);
      for (const path of [`/orgs/${school.orgId}/report?${q}`, `/orgs/${school.orgId}/report/records?figure=care.visits&${q}`]) {
        const res = await caller('GET', path);
        expect(res.status, `${id} ${path}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
  });
});

describe('the draft report (.docx) and the figures (.xlsx)', () => {
  it('downloads the draft in the four usual parts, with the seeded figures and nothing invented', async () => {
    await report();
    const res = await chair('GET', `/orgs/${school.orgId}/report.docx?${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(`工会工作总结-${from}至${to}.docx`);
    const text = docxParagraphs(Buffer.from(res.raw));
    const headings = text.filter((p) => /^[一二三四]、/.test(p));
    expect(headings).toEqual(['一、基本情况', '二、主要工作', '三、存在问题', '四、下学期打算']);
    const all = text.join('\n');
    expect(all).toContain('现有会员 29 人');
    expect(all).toContain('举办活动 2 场，参加会员 3 人');
    expect(all).toContain('参与率 10.3%（3/29）');
    expect(all).toContain('确认到账 81.00 元，捐款会员 2 人');
    expect(all).toContain('收到提案 3 件，立案 2 件，已答复 1 件，办复率 50.0%（1/2）');
    expect(all).toContain('收到“金点子” 2 条，采纳 1 条');
    expect(all).toContain('总投票率 20.0%（7/35）');
    expect(all).toContain('走访慰问 3 人次，发放慰问金 766.00 元');
    expect(all).toContain('有 26 名会员未参加任何活动');
    expect(all).toContain('2 次表决中有 1 次投票人数未达到应投票人数的三分之二');
    expect(all).toContain('（由工会委员会填写。）');
    expect(all).toContain('春季踏青');
    // 4 of 6 delegates is exactly two thirds (quorum met); 3 of 29 members is not.
    // Who was visited stays out of the draft: kinds and sums only.
    const visited = (await chair('GET', `/care-visits/${ids.v1}`)).body.memberName as string;
    expect(all).not.toContain(visited);
    // The charts, native Word charts: each event's participants, each campaign's yuan (to the fen), the proposals' outcomes.
    const cached = (n: number) => [...zipEntry(Buffer.from(res.raw), `word/charts/chart${n}.xml`).match(/<c:numCache>[\s\S]*?<\/c:numCache>/)![0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    expect(cached(1).map(Number).sort()).toEqual([1, 3]);
    expect(cached(2)).toEqual(['81.00']);
    expect(cached(3)).toEqual(['2', '0', '1', '0', '1', '0', '0']); // 立案 转为建议 不予立案 并案 已答复 已落实 撤回
  });

  it('downloads the figures as .xlsx: the summary, the tables and every figure by name', async () => {
    await report();
    const res = await chair('GET', `/orgs/${school.orgId}/report.xlsx?${q}`);
    expect(res.status).toBe(200);
    const summary = (await readXlsx(res.raw)).map((r) => r.join(' ')).join('\n');
    expect(summary).toContain('走访慰问 3 人次');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw);
    const figures = new Map<string, unknown>();
    wb.getWorksheet('全部指标')!.eachRow((row, i) => i > 1 && figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('donations.confirmedFen')).toBe(8100);
    expect(figures.get('care.giftFen')).toBe(76_600);
    expect(figures.get('events.participants')).toBe(3);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['概况', '各项活动参与情况', '各次募捐情况', '各次表决投票情况', '走访慰问分类', '全部指标']));
    expect(wb.worksheets[1]!.name).toBe('图表'); // its three charts read its cells
    expect(zipEntry(Buffer.from(res.raw), 'xl/charts/chart3.xml')).toMatch(/<c:f>&apos;图表&apos;!\$A\$\d+:\$A\$\d+<\/c:f>/);
  });

  it('is the committee’s: members get 403; a bad range 400', async () => {
    const member = await as(ordinary(school));
    for (const ext of ['docx', 'xlsx']) {
      expect((await member('GET', `/orgs/${school.orgId}/report.${ext}?${q}`)).status).toBe(403);
      expect((await chair('GET', `/orgs/${school.orgId}/report.${ext}?from=${to}&to=${from}`)).status).toBe(400);
    }
  });
});

describe('送温暖 care visits', () => {
  it('records a visit (201) with its visitors and gifts, exactly as sent', async () => {
    const res = await chair('POST', `/orgs/${school.orgId}/care-visits`, { memberId: ids.C, kind: 'bereavement', date: today, giftFen: 30_001, note: '家属丧事慰问', visitors: [school.chair, school.committee[0]], gifts: '花圈一个' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ visitId: expect.any(String), memberId: ids.C, kind: 'bereavement', date: today, giftFen: 30_001, note: '家属丧事慰问', gifts: '花圈一个' });
    expect(res.body.visitors.map((v: { memberId: string }) => v.memberId)).toEqual([school.chair, school.committee[0]]);
    expect(res.body.memberName).toEqual(expect.any(String));
  });

  it('refuses bad bodies with 400: kinds, dates (format, real, > 90 days ahead), money, note, unknown fields, people of another school', async () => {
    const ok = { memberId: ids.A, kind: 'illness', date: today, giftFen: 100 };
    for (const bad of [
      { kind: 'party' },
      { date: '2026-2-01' },
      { date: '2026-02-30' },
      { date: addDays(today, 91) },
      { giftFen: -1 },
      { giftFen: 10.5 },
      { giftFen: '100' },
      { note: 'x'.repeat(501) },
      { extra: true },
      { memberId: other.chair },
      { visitors: [other.chair] },
      { memberId: undefined },
    ]) {
      const res = await chair('POST', `/orgs/${school.orgId}/care-visits`, { ...ok, ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('INVALID_INPUT');
    }
    expect((await chair('POST', `/orgs/${school.orgId}/care-visits`, { ...ok, date: addDays(today, 90), note: 'x'.repeat(500) })).status).toBe(201);
    expect((await chair('POST', `/orgs/${school.orgId}/care-visits`, { ...ok, date: '2019-09-10', giftFen: 0 })).status).toBe(201);
  });

  it('lists with a filter by kind and dates; edits are audited with what changed', async () => {
    const list = await eventually(() => committee('GET', `/orgs/${school.orgId}/care-visits?kind=retiree&from=${from}&to=${to}`), (r) => r.body.visits?.length === 1);
    expect(list.body.visits.map((v: { visitId: string }) => v.visitId)).toEqual([ids.v2]);
    const early = await eventually(() => committee('GET', `/orgs/${school.orgId}/care-visits?to=${addDays(from, -1)}&from=${addDays(from, -1)}`), (r) => r.body.visits?.length >= 1);
    expect(early.body.visits.map((v: { visitId: string }) => v.visitId)).toEqual([ids.v3]);
    expect((await committee('GET', `/orgs/${school.orgId}/care-visits?kind=party`)).status).toBe(400);
    expect((await committee('GET', `/orgs/${school.orgId}/care-visits?from=${to}&to=${from}`)).status).toBe(400);

    const edited = await must(chair('PATCH', `/care-visits/${ids.v3}`, { giftFen: 12_000, note: '补记' }));
    expect(edited).toMatchObject({ visitId: ids.v3, giftFen: 12_000, note: '补记', kind: 'hardship' });
    expect((await chair('GET', `/care-visits/${ids.v3}`)).body).toMatchObject({ giftFen: 12_000 });
    expect((await chair('PATCH', `/care-visits/${ids.v3}`, {})).status).toBe(400);
    expect((await chair('PATCH', `/care-visits/${ids.v3}`, { date: addDays(today, 120) })).status).toBe(400);
    const audit = (await chair('GET', `/orgs/${school.orgId}/audit`)).body.entries as { action: string; target: Record<string, string>; detail?: { changes?: Record<string, unknown> } }[];
    const entry = audit.find((e) => e.action === 'PATCH /care-visits/{visitId}' && e.target.visitId === ids.v3);
    expect(entry?.detail?.changes).toMatchObject({ giftFen: [10_000, 12_000], note: '已修改' });
    expect(audit.some((e) => e.action === 'POST /orgs/{orgId}/care-visits')).toBe(true);
  });

  it('is the committee’s alone, to read too: members never see who was visited', async () => {
    const leader = school.groupLeaders.find((id) => !school.committee.includes(id) && id !== school.chair && id !== school.treasurer)!;
    for (const id of [ordinary(school), ids.A!, school.treasurer, leader, other.chair]) {
      const caller = await as(id);
      const tries = [
        caller('GET', `/orgs/${school.orgId}/care-visits`),
        caller('GET', `/care-visits/${ids.v1}`),
        caller('POST', `/orgs/${school.orgId}/care-visits`, { memberId: ids.A, kind: 'illness', date: today, giftFen: 1 }),
        caller('PATCH', `/care-visits/${ids.v1}`, { giftFen: 1 }),
      ];
      for (const res of await Promise.all(tries)) {
        expect(res.status, id).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain(ids.v1);
      }
    }
  });
});
