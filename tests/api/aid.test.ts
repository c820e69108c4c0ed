import { beforeAll, describe, expect, it } from 'vitest';
import { termOf } from '../../shared/domain/aid';
import { AidCaseList, AidCaseView, FundView, LedgerView, TermSummaryView } from '../../shared/schemas/aid';
import { eventually } from '../support/eventually';
import { as, seed, type School } from '../support/fixtures';

/**
 * 互助储金 / 困难补助基金 through the API: the ledger and its balance, cases applied for and put
 * forward, the four-eyes rule, payment (one transaction with the balance's condition, also under
 * twenty payouts at once), and privacy: who received aid reaches the chair, the treasurer and
 * the member themselves only.
 */
type Call = Awaited<ReturnType<typeof as>>;
interface Person {
  memberId: string;
  name: string;
  groupId: string;
}

let school: School;
let other: School;
let chair: Call;
let treasurer: Call;
let committeeA: Call;
let committeeB: Call;
let people: Person[];
let leader: Person;
let plain: Person[];
const person = (id: string) => people.find((p) => p.memberId === id)!;

async function fundOf(s: School = school) {
  const res = await chair('GET', `/orgs/${s.orgId}/fund/entries`);
  expect(res.status).toBe(200);
  return res.body as { balanceFen: number; sumFen: number; entryCount: number; entries: { kind: string; amountFen: number; caseId?: string }[] };
}

/** A case applied for by `who`, approved by committee A, ready to pay. */
async function approvedCase(who: Call, amountFen: number) {
  const opened = await who('POST', `/orgs/${school.orgId}/aid-cases`, { category: 'illness', requestedFen: amountFen, reason: '住院治疗，费用较大' });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const approved = await committeeA('POST', `/aid-cases/${opened.body.caseId}/approve`, { approvedFen: amountFen });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return opened.body.caseId as string;
}

beforeAll(async () => {
  [school, other] = await Promise.all([seed(40, 6), seed(10, 2)]);
  [chair, treasurer, committeeA, committeeB] = await Promise.all([as(school.chair), as(school.treasurer), as(school.committee[0]!), as(school.committee[1]!)]);
  people = (await chair('GET', `/orgs/${school.orgId}/members`)).body.members;
  const busy = new Set([school.chair, school.treasurer, ...school.committee, ...school.groupLeaders, ...school.delegates]);
  plain = people.filter((p) => !busy.has(p.memberId) && people.filter((q) => q.name === p.name).length === 1);
  leader = person(school.groupLeaders.find((id) => !busy.has(id) || (id !== school.chair && id !== school.treasurer && !school.committee.includes(id)))!);
  const opening = await treasurer('POST', `/orgs/${school.orgId}/fund/entries`, { kind: 'opening', amountFen: 2_000_000, note: '互助储金期初' });
  expect(opening.status, JSON.stringify(opening.body)).toBe(201);
});

describe('the ledger', () => {
  it('the treasurer enters the opening balance once and allocations; the balance is the sum of the entries', async () => {
    const before = await fundOf();
    expect(before.balanceFen).toBe(before.sumFen);
    const again = await treasurer('POST', `/orgs/${school.orgId}/fund/entries`, { kind: 'opening', amountFen: 100 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/期初/);
    const alloc = await treasurer('POST', `/orgs/${school.orgId}/fund/entries`, { kind: 'allocation', amountFen: 50_005 });
    expect(alloc.status).toBe(201);
    expect(alloc.body.balance.balanceFen).toBe(before.balanceFen + 50_005);
    const after = await fundOf();
    expect(after.balanceFen).toBe(after.sumFen);
    expect(after.entries[0]).toMatchObject({ kind: 'allocation', amountFen: 50_005 });
    // Aid out is written only by paying a case; bad bodies are 400.
    for (const bad of [{ kind: 'aid', amountFen: 1 }, { kind: 'allocation', amountFen: 0 }, { kind: 'allocation', amountFen: 1.5 }, { kind: 'allocation', amountFen: 1, x: 1 }]) {
      expect((await treasurer('POST', `/orgs/${school.orgId}/fund/entries`, bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('only the treasurer writes the ledger; only the chair and the treasurer read it and the balance', async () => {
    const member = await as(plain[0]!.memberId);
    expect((await chair('POST', `/orgs/${school.orgId}/fund/entries`, { kind: 'allocation', amountFen: 1 })).status).toBe(403);
    expect((await committeeA('GET', `/orgs/${school.orgId}/fund/entries`)).status).toBe(403);
    expect((await member('GET', `/orgs/${school.orgId}/fund/entries`)).status).toBe(403);
    expect((await (await as(other.treasurer))('GET', `/orgs/${school.orgId}/fund/entries`)).status).toBe(403);
    const mine = (await member('GET', `/orgs/${school.orgId}/fund`)).body;
    expect(mine.balance).toBeUndefined();
    expect(mine.terms).toEqual(expect.any(Array));
    expect((await chair('GET', `/orgs/${school.orgId}/fund`)).body.balance.balanceFen).toBe((await fundOf()).balanceFen);
  });
});

describe('aid cases', () => {
  it('a member applies, a committee member approves, the treasurer pays: the balance moves by exactly the amount, the term’s tally too', async () => {
    const applicant = await as(plain[1]!.memberId);
    const before = await fundOf();
    const termBefore = (await applicant('GET', `/orgs/${school.orgId}/aid/summary`)).body;
    const opened = await applicant('POST', `/orgs/${school.orgId}/aid-cases`, { category: 'disaster', requestedFen: 300_000, reason: '家中遭龙卷风，房屋受损' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'pending', name: plain[1]!.name, selfApplied: true, requestedFen: 300_000 });
    const caseId = opened.body.caseId;
    // The treasurer cannot pay a case not yet approved.
    expect((await treasurer('POST', `/aid-cases/${caseId}/pay`, {})).status).toBe(409);
    expect((await applicant('POST', `/aid-cases/${caseId}/approve`, { approvedFen: 1 })).status).toBe(403);
    const approved = await committeeA('POST', `/aid-cases/${caseId}/approve`, { approvedFen: 250_050 });
    expect(approved.status).toBe(200);
    expect((await committeeB('POST', `/aid-cases/${caseId}/approve`, { approvedFen: 1 })).status).toBe(409); // decided already
    const paid = await treasurer('POST', `/aid-cases/${caseId}/pay`, {});
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', approvedFen: 250_050 });
    const again = await treasurer('POST', `/aid-cases/${caseId}/pay`, {});
    expect(again.status).toBe(200); // paying twice changes nothing
    const after = await fundOf();
    expect(before.balanceFen - after.balanceFen).toBe(250_050);
    expect(after.balanceFen).toBe(after.sumFen);
    expect(after.entries.filter((e) => e.caseId === caseId)).toEqual([expect.objectContaining({ kind: 'aid', amountFen: 250_050 })]);
    const termAfter = (await applicant('GET', `/orgs/${school.orgId}/aid/summary?term=${termOf(Date.now())}`)).body;
    const disaster = (t: { categories: { category: string; count: number; totalFen: number }[] }) => t.categories.find((c) => c.category === 'disaster')!;
    expect(disaster(termAfter).count - disaster(termBefore).count).toBe(1);
    expect(disaster(termAfter).totalFen - disaster(termBefore).totalFen).toBe(250_050);
    expect(termAfter.totalFen - termBefore.totalFen).toBe(250_050);
    // Every answer has the shape the mini-program (and its sandbox fixtures) rely on.
    AidCaseView.parse(paid.body);
    AidCaseList.parse((await chair('GET', `/orgs/${school.orgId}/aid-cases`)).body);
    FundView.parse((await chair('GET', `/orgs/${school.orgId}/fund`)).body);
    LedgerView.parse((await treasurer('GET', `/orgs/${school.orgId}/fund/entries`)).body);
    TermSummaryView.parse(termAfter);
    // The applicant reads their own case and its outcome.
    expect((await applicant('GET', `/aid-cases/${caseId}`)).body).toMatchObject({ status: 'paid', approvedFen: 250_050 });
    expect((await applicant('GET', `/orgs/${school.orgId}/aid-cases`)).body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
  });

  it('four eyes: whoever put a case forward (or is its subject) does not decide it', async () => {
    const target = plain[2]!;
    const forward = await committeeA('POST', `/orgs/${school.orgId}/aid-cases`, { category: 'family', requestedFen: 100_000, reason: '家庭变故', memberId: target.memberId });
    expect(forward.status).toBe(201);
    expect(forward.body).toMatchObject({ name: target.name, selfApplied: false, canDecide: false });
    const own = await committeeA('POST', `/aid-cases/${forward.body.caseId}/approve`, { approvedFen: 100_000 });
    expect(own.status).toBe(409);
    expect(own.body.error).toMatchObject({ code: 'OWN_CASE', message: expect.stringMatching(/不能审批自己/) });
    expect((await committeeA('POST', `/aid-cases/${forward.body.caseId}/decline`, { reason: '不符合条件' })).status).toBe(409);
    // A committee member applying for themselves cannot approve their own case either.
    const self = await committeeB('POST', `/orgs/${school.orgId}/aid-cases`, { category: 'illness', requestedFen: 5000, reason: '住院' });
    expect((await committeeB('POST', `/aid-cases/${self.body.caseId}/approve`, { approvedFen: 5000 })).body.error.code).toBe('OWN_CASE');
    // Someone else decides: the chair declines with a reason the member reads.
    const declined = await chair('POST', `/aid-cases/${forward.body.caseId}/decline`, { reason: '已由学校另行解决' });
    expect(declined.status).toBe(200);
    const seen = await (await as(target.memberId))('GET', `/aid-cases/${forward.body.caseId}`);
    expect(seen.body).toMatchObject({ status: 'declined', declineReason: '已由学校另行解决' });
    expect((await treasurer('POST', `/aid-cases/${forward.body.caseId}/pay`, {})).status).toBe(409);
  });

  it('who may put a case forward: a group leader for their own group, the committee for anyone; a member only for themselves', async () => {
    const mate = people.find((p) => p.groupId === leader.groupId && p.memberId !== leader.memberId && p.memberId !== school.chair)!;
    const stranger = people.find((p) => p.groupId !== leader.groupId && p.memberId !== school.chair)!;
    const lead = await as(leader.memberId);
    const body = (memberId: string) => ({ category: 'other', requestedFen: 1000, reason: '困难', memberId });
    expect((await lead('POST', `/orgs/${school.orgId}/aid-cases`, body(mate.memberId))).status).toBe(201);
    expect((await lead('POST', `/orgs/${school.orgId}/aid-cases`, body(stranger.memberId))).status).toBe(403);
    expect((await (await as(plain[3]!.memberId))('POST', `/orgs/${school.orgId}/aid-cases`, body(plain[4]!.memberId))).status).toBe(403);
    expect((await chair('POST', `/orgs/${school.orgId}/aid-cases`, body(other.members[3]!))).status).toBe(403);
    for (const bad of [{ category: 'lottery' }, { requestedFen: 0 }, { reason: '' }, { extra: 1 }]) {
      expect((await lead('POST', `/orgs/${school.orgId}/aid-cases`, { category: 'other', requestedFen: 1000, reason: '困难', ...bad })).status, JSON.stringify(bad)).toBe(400);
    }
  });
});

describe('privacy', () => {
  it('a member, a committee member who is not the chair, a group leader and another school see no recipient name in any response', async () => {
    const recipient = plain[5]!;
    const caseId = await approvedCase(await as(recipient.memberId), 12_345);
    expect((await treasurer('POST', `/aid-cases/${caseId}/pay`, {})).status).toBe(200);
    // The chair and the treasurer see who it was.
    await eventually(async () => {
      const list = (await chair('GET', `/orgs/${school.orgId}/aid-cases`)).body.cases;
      expect(list.find((c: { caseId: string }) => c.caseId === caseId)?.name).toBe(recipient.name);
    });
    expect((await treasurer('GET', `/aid-cases/${caseId}`)).body.name).toBe(recipient.name);
    const readers = [await as(plain[6]!.memberId), committeeB, await as(leader.memberId), await as(other.chair)];
    for (const reader of readers) {
      const responses = [
        await reader('GET', `/aid-cases/${caseId}`),
        await reader('GET', `/orgs/${school.orgId}/aid-cases`),
        await reader('GET', `/orgs/${school.orgId}/aid-cases?status=paid`),
        await reader('GET', `/orgs/${school.orgId}/fund`),
        await reader('GET', `/orgs/${school.orgId}/fund/entries`),
        await reader('GET', `/orgs/${school.orgId}/aid/summary`),
        await reader('GET', `/orgs/${school.orgId}/audit`),
      ];
      for (const res of responses) expect(JSON.stringify(res.body)).not.toContain(recipient.name);
      expect(responses[0]!.status).toBeGreaterThanOrEqual(403); // 404 in school (not theirs), 403 from another school
    }
    // The audit log (the chair's only) records the payment without the name.
    const audit = (await chair('GET', `/orgs/${school.orgId}/audit`)).body;
    expect(JSON.stringify(audit)).toContain(caseId);
    expect(JSON.stringify(audit)).not.toContain(recipient.name);
  });

  it('committee members see the cases awaiting decision, and not once decided', async () => {
    const applicant = plain[7]!;
    const opened = await (await as(applicant.memberId))('POST', `/orgs/${school.orgId}/aid-cases`, { category: 'illness', requestedFen: 8000, reason: '手术' });
    await eventually(async () => {
      const pending = (await committeeB('GET', `/orgs/${school.orgId}/aid-cases?status=pending`)).body.cases;
      expect(pending.find((c: { caseId: string }) => c.caseId === opened.body.caseId)).toMatchObject({ name: applicant.name, canDecide: true });
    });
    await committeeA('POST', `/aid-cases/${opened.body.caseId}/approve`, { approvedFen: 8000 });
    expect((await committeeB('GET', `/aid-cases/${opened.body.caseId}`)).status).toBe(404);
    expect(JSON.stringify((await committeeB('GET', `/orgs/${school.orgId}/aid-cases`)).body)).not.toContain(applicant.name);
  });
});

describe('payouts at once', () => {
  it('20 payouts against a balance that covers 7: exactly 7 succeed, the rest 409 in Chinese, balance = recount, never negative', async () => {
    const s = (await seed(30, 2)) as School;
    const [c2, t2, k2] = await Promise.all([as(s.chair), as(s.treasurer), as(s.committee[0]!)]);
    expect((await t2('POST', `/orgs/${s.orgId}/fund/entries`, { kind: 'opening', amountFen: 7 * 10_000 + 9_999 })).status).toBe(201);
    const busy = new Set([s.chair, s.treasurer, s.committee[0]!]);
    const applicants = s.members.filter((m) => !busy.has(m)).slice(0, 20);
    const cases: string[] = [];
    for (const m of applicants) {
      const opened = await (await as(m))('POST', `/orgs/${s.orgId}/aid-cases`, { category: 'illness', requestedFen: 10_000, reason: '大病' });
      expect((await k2('POST', `/aid-cases/${opened.body.caseId}/approve`, { approvedFen: 10_000 })).status).toBe(200);
      cases.push(opened.body.caseId);
    }
    const results = await Promise.all(cases.map((id) => t2('POST', `/aid-cases/${id}/pay`, {})));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(7);
    expect(statuses.filter((x) => x === 409)).toHaveLength(13);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error).toMatchObject({ code: 'INSUFFICIENT_FUNDS', message: expect.stringMatching(/余额不足/) });
    const ledger = (await c2('GET', `/orgs/${s.orgId}/fund/entries`)).body;
    expect(ledger.balanceFen).toBe(9_999);
    expect(ledger.sumFen).toBe(ledger.balanceFen);
    expect(ledger.entries.filter((e: { kind: string }) => e.kind === 'aid')).toHaveLength(7);
    const summary = (await (await as(applicants[0]!))('GET', `/orgs/${s.orgId}/aid/summary`)).body;
    expect(summary.categories.find((c: { category: string }) => c.category === 'illness')).toMatchObject({ count: 7, totalFen: 70_000 });
  }, 60_000);
});
