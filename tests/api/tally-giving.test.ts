import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { previousTerm, termOf, termRange } from '../../shared/domain/term';
import { anon, as, type School } from '../support/fixtures';
import { eventually, indexSettled } from '../support/eventually';
import { inHours } from '../support/time';

/**
 * The term tallies of donations and proposals (the district's rollup, issue #11 item 8), through
 * the real API: every kept figure of donations.* and proposals.* must equal the school's term
 * report for the term's dates (GET /dev/orgs/{orgId}/tally-check), after each phase and in every
 * term touched. members.* and events.* are kept by other commands (not these): left out here.
 */
type Call = Awaited<ReturnType<typeof as>>;
interface Row {
  figure: string;
  report: number | null;
  recount: number | null;
  ok: boolean;
}

const tag = randomBytes(4).toString('hex');
const districtId = `dist-g-${tag}`;
const giftId = () => `g-${randomBytes(9).toString('base64url')}`;

/** The term now, the one before, and the next (from the day after this term's last). */
const T = termOf(Date.now());
const PREV = previousTerm(T);
const NEXT = termOf(Date.parse(`${termRange(T).to}T12:00:00+08:00`) + 86_400_000);
/** The last minutes of this term and the first of the next, China time: the boundary. */
const lastOfTerm = `${termRange(T).to}T23:30:00+08:00`;
const firstOfNext = `${termRange(NEXT).from}T00:30:00+08:00`;

let A: School;
let B: School;
let chairA: Call;
let treasurerA: Call;
let treasurerB: Call;
let admin: Call;
let membersA: Call[];
let memberIdsA: string[];
let membersB: Call[];

async function seedIn(members: number, delegates: number): Promise<School> {
  const res = await anon()('POST', '/dev/seed', { members, delegates, districtId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as School;
}

/** The tally check of a school's term, on donations.* and proposals.*; the failing rows are printed. */
async function tallyOk(school: School, term: string) {
  // The report lists campaigns and sessions through the index: a moment's lag after a write.
  await eventually(async () => {
    const res = await anon()('GET', `/dev/orgs/${school.orgId}/tally-check?term=${term}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body.rows as Row[];
    expect(rows.length).toBeGreaterThan(10);
    const failing = rows.filter((r) => !r.ok);
    expect(failing, `tally-check ${term} of ${school.orgId}: ${JSON.stringify(failing)}`).toEqual([]);
  });
}

/** The school's term report for a term's dates, as the chair reads it. */
async function report(chair: Call, school: School, term: string) {
  const { from, to } = termRange(term);
  const res = await chair('GET', `/orgs/${school.orgId}/report?from=${from}&to=${to}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function give(who: Call, campaignId: string, amountFen: number, over: Record<string, unknown> = {}) {
  const donationId = giftId();
  const res = await who('POST', `/campaigns/${campaignId}/donations`, { donationId, amountFen, anonymous: false, ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return donationId;
}
const confirm = async (treasurer: Call, donationId: string) => {
  const res = await treasurer('POST', `/donations/${donationId}/confirm`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const reject = async (treasurer: Call, donationId: string) => {
  const res = await treasurer('POST', `/donations/${donationId}/reject`, { reason: '未收到这笔现金' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
async function schoolCampaign(closesAt: string, title = '慈善一日捐') {
  const res = await chairA('POST', `/orgs/${A.orgId}/campaigns`, { title, kind: 'day-pay', closesAt });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.campaignId as string;
}

beforeAll(async () => {
  [A, B] = await Promise.all([seedIn(24, 10), seedIn(12, 2)]);
  await indexSettled();
  const busy = new Set([A.chair, A.treasurer, ...A.committee, ...A.groupLeaders, ...A.delegates]);
  memberIdsA = A.members.filter((m) => !busy.has(m)).slice(0, 5);
  const busyB = new Set([B.chair, B.treasurer, ...B.committee, ...B.groupLeaders, ...B.delegates]);
  [chairA, treasurerA, treasurerB, admin, membersA, membersB] = await Promise.all([
    as(A.chair),
    as(A.treasurer),
    as(B.treasurer),
    as(A.districtAdmin),
    Promise.all(memberIdsA.map(as)),
    Promise.all(B.members.filter((m) => !busyB.has(m)).slice(0, 3).map(as)),
  ]);
});

describe('the term tallies of donations', () => {
  it('a school campaign: gifts recorded, confirmed one by one and in bulk, rejected (confirmed or not); its share in the term of its close', async () => {
    expect(NEXT).not.toBe(T);
    const now = await schoolCampaign(inHours(48));
    const last = await schoolCampaign(lastOfTerm, '学期末助学');
    const next = await schoolCampaign(firstOfNext, '下学期助学');
    // Nothing confirmed yet: the campaigns count, no fen.
    await tallyOk(A, T);

    const [m0, m1, m2, m3, m4] = membersA;
    const one = await give(m0!, now, 1234);
    const cash = await give(treasurerA, now, 5000, { memberId: memberIdsA[1] }); // cash handed to the treasurer
    const bulk1 = await give(m2!, now, 777);
    const bulk2 = await give(m3!, now, 10_050);
    const neverConfirmed = await give(m4!, now, 300);
    const atEnd = await give(m1!, last, 4321);
    const inNext = await give(m0!, next, 999);

    await confirm(treasurerA, one);
    await confirm(treasurerA, cash);
    await confirm(treasurerA, one); // twice changes nothing
    const res = await treasurerA('POST', `/campaigns/${now}/donations/confirm`, { donationIds: [bulk1, bulk2, one, 'g-not-a-gift-here'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.results.map((r: { status?: string }) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed', undefined]);
    await reject(treasurerA, bulk2); // a confirmation taken back: its fen leave the tally
    await reject(treasurerA, neverConfirmed); // never counted: nothing leaves
    await reject(treasurerA, bulk2); // again: nothing changes
    await confirm(treasurerA, atEnd);
    await confirm(treasurerA, inNext);

    // The report lists campaigns through the index: a moment's lag after they were opened.
    await eventually(async () => {
      const r = await report(chairA, A, T);
      expect(r.donations.confirmedFen).toBe(1234 + 5000 + 777 + 4321);
      expect(r.donations.campaigns).toBe(2);
      expect((await report(chairA, A, NEXT)).donations).toMatchObject({ campaigns: 1, confirmedFen: 999 });
    });
    await tallyOk(A, T);
    await tallyOk(A, NEXT);
  });

  it("a 全区 campaign: gifts of two schools, each school's share in its own tally; the report counts it with the share, and the recount agrees", async () => {
    const before = await eventually(async () => {
      const r = (await report(chairA, A, T)).donations;
      expect(r.campaigns).toBe(2); // the school's two campaigns of this term, listed
      return r;
    });
    const res = await admin('POST', `/districts/${districtId}/campaigns`, { title: '博爱一日捐', kind: 'day-pay', closesAt: inHours(72) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const c = res.body.campaignId as string;
    const a1 = await give(membersA[0]!, c, 2000);
    const a2 = await give(membersA[1]!, c, 3500);
    const b1 = await give(membersB[0]!, c, 8000);
    const b2 = await give(membersB[1]!, c, 600);
    await confirm(treasurerA, a1);
    const bulk = await treasurerA('POST', `/campaigns/${c}/donations/confirm`, { donationIds: [a2, b1] });
    // A treasurer confirms their own school's gifts only: B's is not found in A's part.
    expect(bulk.body.results.map((r: { status?: string }) => r.status)).toEqual(['confirmed', undefined]);
    expect((await treasurerA('POST', `/donations/${b1}/confirm`)).status).toBe(403);
    await confirm(treasurerB, b1);
    await confirm(treasurerB, b2);
    await reject(treasurerB, b2);

    const { from, to } = termRange(T);
    await eventually(async () => {
      const r = await report(chairA, A, T);
      expect(r.donations.campaigns).toBe(before.campaigns + 1);
      expect(r.donations.confirmedFen).toBe(before.confirmedFen + 2000 + 3500);
      expect(r.donations.perCampaign.find((x: { campaignId: string }) => x.campaignId === c)).toMatchObject({ districtWide: true, confirmedFen: 5500 });
      const rb = await report(await as(B.chair), B, T);
      expect(rb.donations).toMatchObject({ campaigns: 1, confirmedFen: 8000 });
    });
    for (const s of [A, B]) {
      const check = await anon()('GET', `/dev/orgs/${s.orgId}/recount?from=${from}&to=${to}`);
      expect(check.status).toBe(200);
      const wrong = (check.body.rows as Row[]).filter((x) => !x.ok);
      expect(wrong, `recount of ${s.orgId}: ${JSON.stringify(wrong)}`).toEqual([]);
    }
    await tallyOk(A, T);
    await tallyOk(B, T);
  });
});

describe('the term tallies of proposals', () => {
  let d: Call[];
  let committee: Call;

  beforeAll(async () => {
    const offices = new Set([A.chair, A.treasurer, ...A.committee]);
    d = await Promise.all(A.delegates.filter((id) => !offices.has(id)).slice(0, 4).map(as));
    committee = chairA;
  });

  async function session(opensAt: string) {
    const res = await committee('POST', `/orgs/${A.orgId}/sessions`, { title: '教代会提案征集', opensAt, closesAt: inHours(48), cosignersNeeded: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.sessionId as string;
  }
  async function draft(sessionId: string, category = 'welfare') {
    const res = await d[0]!('POST', `/sessions/${sessionId}/proposals`, { title: '增加教师体检项目', category, reason: '体检项目偏少。', suggestion: '增加颈椎检查。' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.proposalId as string;
  }
  const step = async (who: Call, id: string, action: string, body?: unknown, status = 200) => {
    const res = await who('POST', `/proposals/${id}/${action}`, body);
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(status);
    return res.body;
  };
  async function inReview(sessionId: string, category?: string) {
    const id = await draft(sessionId, category);
    await step(d[0]!, id, 'submit');
    await step(d[1]!, id, 'cosign');
    expect((await step(d[2]!, id, 'cosign')).status).toBe('review');
    return id;
  }
  const decide = (id: string, outcome: string, over: Record<string, unknown> = {}) =>
    step(committee, id, 'decision', { outcome, reason: '经委员会研究', ...(outcome === 'accepted' ? { office: '总务处', dueAt: inHours(240) } : {}), ...over });

  it("submit, 附议, each decision, answer, progress and done, ratings (reopened by 不满意), withdraw: the tally follows in the session's term", async () => {
    const s = await session(inHours(-1));
    const accepted = await inReview(s);
    await decide(accepted, 'accepted');
    await tallyOk(A, T);
    await step(committee, accepted, 'answer', { text: '已安排明年体检增加颈椎检查。' });
    await step(committee, accepted, 'progress', { note: '已与医院商定', done: false });
    await step(committee, accepted, 'progress', { note: '已落实', done: true });
    await step(d[0]!, accepted, 'rating', { rating: 'satisfied' });

    const reopened = await inReview(s, 'teaching');
    await decide(reopened, 'accepted');
    await step(committee, reopened, 'answer', { text: '正在研究。' });
    await step(d[0]!, reopened, 'rating', { rating: 'unsatisfied' }); // 重新办理: back to accepted
    await step(committee, reopened, 'answer', { text: '已调整方案。' });
    await step(d[0]!, reopened, 'rating', { rating: 'basically' });

    await decide(await inReview(s, 'logistics'), 'converted');
    await decide(await inReview(s, 'rules'), 'rejected');
    await decide(await inReview(s, 'campus'), 'merged', { mergedInto: accepted });

    const cosigning = await draft(s, 'other');
    await step(d[0]!, cosigning, 'submit');
    await step(d[1]!, cosigning, 'cosign');
    await step(d[1]!, cosigning, 'cosign'); // the same delegate again: no change
    await step(d[0]!, cosigning, 'withdraw'); // numbered, then withdrawn: still received
    await step(d[0]!, await draft(s), 'withdraw'); // a draft withdrawn was never received
    await draft(s); // a draft counts nowhere
    expect((await committee('POST', `/sessions/${s}/publish`, {})).status).toBe(200);

    await eventually(async () =>
      expect((await report(chairA, A, T)).proposals).toMatchObject({ received: 6, accepted: 2, answered: 2, converted: 1, rejected: 1, merged: 1, done: 1, withdrawn: 1, satisfactionRate: 1 }),
    );
    await tallyOk(A, T);
  });

  it('a session that opened last term counts there, however late its proposals move', async () => {
    const s = await session(`${termRange(PREV).to}T20:00:00+08:00`);
    const id = await inReview(s);
    await decide(id, 'accepted');
    await step(committee, id, 'answer', { text: '已答复。' });
    await eventually(async () => expect((await report(chairA, A, PREV)).proposals).toMatchObject({ received: 1, accepted: 1, answered: 1 }));
    await tallyOk(A, PREV);
    await tallyOk(A, T);
  });
});
