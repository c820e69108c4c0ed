import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BallotList, BallotResults, BallotView } from '../../shared/schemas/ballots';
import { as, ordinary, seed, type School } from '../support/fixtures';
import { pool } from '../support/pool';

type Call = Awaited<ReturnType<typeof as>>;

let school: School;
let other: School;
let chair: Call;

const motion = (id = 'q1', text = '关于修订教职工考勤制度的决议') => ({ id, text, kind: 'motion' });
const rating = (id = 'r1', text = '对王校长的民主测评') => ({ id, text, kind: 'rating' });
const election = (id = 'e1', seats = 2) => ({
  id,
  text: '选举工会委员',
  kind: 'election',
  seats,
  candidates: [
    { id: 'c1', name: '张老师' },
    { id: 'c2', name: '李老师' },
    { id: 'c3', name: '王老师' },
  ],
});

async function newBallot(s: School = school, by: Call = chair, over: Record<string, unknown> = {}) {
  const res = await by('POST', `/orgs/${s.orgId}/ballots`, { title: '第九届教代会第二次会议表决', electorate: 'delegates', questions: [motion()], ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body).toMatchObject({ ballotId: expect.any(String), status: 'draft' });
  return res.body.ballotId as string;
}
async function openBallot(ballotId: string, by: Call = chair) {
  const res = await by('POST', `/ballots/${ballotId}/open`, {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const close = async (ballotId: string, by: Call = chair) => expect((await by('POST', `/ballots/${ballotId}/close`, {})).status).toBe(200);
const sha256 = (ids: string[]) => createHash('sha256').update([...ids].sort().join('\n')).digest('hex');

beforeAll(async () => {
  [school, other] = await Promise.all([seed(30, 9), seed(12, 3)]);
  chair = await as(school.chair);
});

describe('a motion, from draft to results', () => {
  it('draft → open (electorate frozen, hash shown) → votes with receipts → close → results', async () => {
    const ballotId = await newBallot();
    const delegate = await as(school.delegates[0]!);
    // A draft: only the chair and committee see it; nobody votes yet; no results.
    expect((await delegate('GET', `/ballots/${ballotId}`)).status).toBe(404);
    expect((await chair('GET', `/ballots/${ballotId}`)).body).toMatchObject({ status: 'draft', eligibleCount: 0, votedCount: 0, me: { voted: false, eligible: false } });
    const early = await delegate('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' } });
    expect([early.status, early.body.error?.code]).toEqual([409, 'BALLOT_NOT_OPEN']);

    const opened = await openBallot(ballotId);
    expect(opened).toMatchObject({ status: 'open', eligibleCount: 9, electorateHash: sha256(school.delegates) });
    const view = (await delegate('GET', `/ballots/${ballotId}`)).body;
    expect(BallotView.safeParse(view).success, JSON.stringify(view)).toBe(true);
    expect(view).toMatchObject({ status: 'open', eligibleCount: 9, votedCount: 0, electorateHash: sha256(school.delegates), me: { voted: false, eligible: true } });
    expect((await chair('POST', `/ballots/${ballotId}/open`, {})).status).toBe(409);

    // Answers that do not fit: 400 with the rule's Chinese message; nothing counted.
    for (const answers of [{}, { q1: 'yes' }, { q1: 'for', q9: 'for' }, { q1: ['for'] }]) {
      const res = await delegate('POST', `/ballots/${ballotId}/votes`, { answers });
      expect([res.status, res.body.error?.code], JSON.stringify(answers)).toEqual([400, 'INVALID_INPUT']);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await delegate('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' }, extra: 1 })).status).toBe(400);

    const res = await delegate('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' } });
    expect(res.status).toBe(201);
    expect(res.body.receipt).toMatch(/^[0-9a-f]{32}$/);
    const again = await delegate('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'against' } });
    expect([again.status, again.body.error?.code]).toEqual([409, 'ALREADY_VOTED']);
    expect((await delegate('GET', `/ballots/${ballotId}`)).body).toMatchObject({ votedCount: 1, me: { voted: true, eligible: true } });

    // Not a delegate: 403, and the page says so.
    const member = await as(ordinary(school));
    const refused = await member('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' } });
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    expect((await member('GET', `/ballots/${ballotId}`)).body.me).toEqual({ voted: false, eligible: false });

    const before = await member('GET', `/ballots/${ballotId}/results`);
    expect([before.status, before.body.error?.code]).toEqual([409, 'BALLOT_NOT_CLOSED']);

    // Five more for, two against, one abstains: 6 for of 9 eligible, 9 cast.
    const answers = ['for', 'for', 'for', 'for', 'for', 'against', 'against', 'abstain'];
    const receipts = [res.body.receipt as string];
    for (const [i, a] of answers.entries()) {
      const r = await (await as(school.delegates[i + 1]!))('POST', `/ballots/${ballotId}/votes`, { answers: { q1: a } });
      expect(r.status).toBe(201);
      receipts.push(r.body.receipt);
    }
    await close(ballotId);
    const late = await delegate('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' } });
    expect([late.status, late.body.error?.code]).toEqual([409, 'BALLOT_NOT_OPEN']);
    const closeAgain = await chair('POST', `/ballots/${ballotId}/close`, {});
    expect([closeAgain.status, closeAgain.body.error?.code]).toEqual([409, 'BALLOT_NOT_OPEN']);

    const results = await member('GET', `/ballots/${ballotId}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({
      eligibleCount: 9,
      ballotsCast: 9,
      quorumMet: true,
      electorateHash: sha256(school.delegates),
      questions: [{ id: 'q1', counts: { for: 6, against: 2, abstain: 1 }, passed: true }],
    });
    expect(results.body.receipts).toEqual([...receipts].sort());
    expect(BallotResults.safeParse(results.body).success, JSON.stringify(results.body)).toBe(true);
  });

  it('quorum and the pass rule count the whole electorate: 5 for of 9 passes only with 6 cast', async () => {
    const ballotId = await newBallot();
    await openBallot(ballotId);
    for (const id of school.delegates.slice(0, 5)) expect((await (await as(id))('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' } })).status).toBe(201);
    await close(ballotId);
    // 5 of 9 cast: 15 < 18, no quorum, so not passed although 5 > 4.5.
    expect((await chair('GET', `/ballots/${ballotId}/results`)).body).toMatchObject({ ballotsCast: 5, quorumMet: false, questions: [{ counts: { for: 5, against: 0, abstain: 0 }, passed: false }] });
  });
});

describe('ratings and elections', () => {
  it('a 民主测评 counts each rating; an election elects by majority within the seats, and reports a tie at the last seat', async () => {
    const ballotId = await newBallot(school, chair, { electorate: 'delegates', questions: [rating(), election('e1', 2)] });
    await openBallot(ballotId);
    const votes = [
      { r1: 'excellent', e1: ['c1', 'c2'] },
      { r1: 'excellent', e1: ['c1', 'c3'] },
      { r1: 'competent', e1: ['c1', 'c2'] },
      { r1: 'competent', e1: ['c1', 'c3'] },
      { r1: 'basic', e1: ['c1'] },
      { r1: 'incompetent', e1: [] },
    ];
    const tooMany = await (await as(school.delegates[0]!))('POST', `/ballots/${ballotId}/votes`, { answers: { r1: 'excellent', e1: ['c1', 'c2', 'c3'] } });
    expect(tooMany.status).toBe(400);
    await pool(votes, 6, async (answers, i) => expect((await (await as(school.delegates[i]!))('POST', `/ballots/${ballotId}/votes`, { answers })).status).toBe(201));
    await close(ballotId);
    const r = (await chair('GET', `/ballots/${ballotId}/results`)).body;
    expect(r.ballotsCast).toBe(6);
    expect(r.quorumMet).toBe(true); // 6 of 9
    expect(r.questions[0]).toMatchObject({ id: 'r1', kind: 'rating', counts: { excellent: 2, competent: 2, basic: 1, incompetent: 1 }, goodPermille: 667 });
    // c1: 5 of 6 (elected); c2 and c3: 2 each, not more than half: not elected, no tie reported.
    expect(r.questions[1]).toMatchObject({ id: 'e1', kind: 'election', counts: { c1: 5, c2: 2, c3: 2 }, elected: ['c1'], tied: [] });
  });

  it('an electorate of all members; refuses a ballot without voters and bad bodies', async () => {
    const ballotId = await newBallot(school, chair, { electorate: 'members' });
    expect((await openBallot(ballotId)).eligibleCount).toBe(30);
    expect((await (await as(ordinary(school)))('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'abstain' } })).status).toBe(201);

    const empty = await seed(10, 0);
    const emptyChair = await as(empty.chair);
    const none = await newBallot(empty, emptyChair);
    const refused = await emptyChair('POST', `/ballots/${none}/open`, {});
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'CONFLICT']);
    expect(refused.body.error.message).toMatch(/代表/);

    for (const bad of [{ electorate: 'everyone' }, { questions: [] }, { questions: [{ id: 'q1', text: 'x', kind: 'vote' }] }, { questions: [motion(), motion()] }, { title: '' }, { extra: 1 }, { questions: [{ ...election(), seats: 4 }] }, { questions: [{ ...motion(), seats: 1 }] }]) {
      const res = await chair('POST', `/orgs/${school.orgId}/ballots`, { title: '表决', electorate: 'delegates', questions: [motion()], ...bad });
      expect([res.status, res.body.error?.code], JSON.stringify(bad)).toEqual([400, 'INVALID_INPUT']);
    }
  });
});

describe('who may do what', () => {
  it('only the chair creates, opens and closes; only the chair and committee download the results; another school sees nothing', async () => {
    const committee = await as(school.committee[0]!);
    const member = await as(ordinary(school));
    const body = { title: '表决', electorate: 'delegates', questions: [motion()] };
    expect((await committee('POST', `/orgs/${school.orgId}/ballots`, body)).status).toBe(403);
    expect((await member('POST', `/orgs/${school.orgId}/ballots`, body)).status).toBe(403);
    const ballotId = await newBallot();
    expect((await committee('GET', `/ballots/${ballotId}`)).status).toBe(200); // the committee sees a draft
    expect((await committee('POST', `/ballots/${ballotId}/open`, {})).status).toBe(403);
    await openBallot(ballotId);
    expect((await committee('POST', `/ballots/${ballotId}/close`, {})).status).toBe(403);
    const notYet = await chair('GET', `/ballots/${ballotId}/results.xlsx`);
    expect([notYet.status, notYet.body.error?.code]).toEqual([409, 'BALLOT_NOT_CLOSED']);
    await close(ballotId);
    expect((await member('GET', `/ballots/${ballotId}/results.xlsx`)).status).toBe(403);
    expect((await committee('GET', `/ballots/${ballotId}/results.xlsx`)).status).toBe(200);

    const stranger = await as(other.chair);
    for (const [method, path, b] of [
      ['GET', `/ballots/${ballotId}`],
      ['GET', `/ballots/${ballotId}/results`],
      ['POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' } }],
      ['POST', `/ballots/${ballotId}/close`, {}],
      ['GET', `/orgs/${school.orgId}/ballots`],
    ] as const)
      expect((await stranger(method, path, b)).status, `${method} ${path}`).toBe(403);
    expect((await chair('GET', '/ballots/b-nope0000/results')).status).toBe(404);
  });

  it('lists the school’s ballots with the caller’s state; drafts only for the chair and committee', async () => {
    const draft = await newBallot();
    const open = await newBallot();
    await openBallot(open);
    const delegate = await as(school.delegates[0]!);
    const list = async (who: Call) => {
      for (let i = 0; ; i++) {
        const res = await who('GET', `/orgs/${school.orgId}/ballots`);
        expect(res.status).toBe(200);
        expect(BallotList.safeParse(res.body).success).toBe(true);
        const ids = res.body.ballots.map((b: { ballotId: string }) => b.ballotId);
        if (ids.includes(open) || i > 20) return res.body.ballots as { ballotId: string; status: string; me: { voted: boolean; eligible: boolean } }[];
        await new Promise((r) => setTimeout(r, 100)); // the index may lag a moment
      }
    };
    const mine = await list(delegate);
    expect(mine.find((b) => b.ballotId === open)).toMatchObject({ status: 'open', me: { voted: false, eligible: true } });
    expect(mine.some((b) => b.ballotId === draft)).toBe(false);
    expect(mine.every((b) => b.status !== 'draft')).toBe(true);
    expect((await delegate('POST', `/ballots/${open}/votes`, { answers: { q1: 'against' } })).status).toBe(201);
    expect((await list(delegate)).find((b) => b.ballotId === open)).toMatchObject({ votedCount: 1, me: { voted: true, eligible: true } });
    for (let i = 0; i < 20 && !(await list(chair)).some((b) => b.ballotId === draft); i++) await new Promise((r) => setTimeout(r, 100));
    expect((await list(chair)).some((b) => b.ballotId === draft)).toBe(true);
  });
});

describe('at the same moment', () => {
  it('the same delegate voting twice at once: one 201, one 409 ALREADY_VOTED, counted once', async () => {
    const ballotId = await newBallot();
    await openBallot(ballotId);
    const delegate = await as(school.delegates[2]!);
    const results = await Promise.all([delegate('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' } }), delegate('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'against' } })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('ALREADY_VOTED');
    await close(ballotId);
    const r = (await chair('GET', `/ballots/${ballotId}/results`)).body;
    expect(r.ballotsCast).toBe(1);
    expect(r.receipts).toEqual([results.find((x) => x.status === 201)!.body.receipt]);
    expect((await chair('GET', `/ballots/${ballotId}`)).body.votedCount).toBe(1);
  });

  it('votes racing the close either count or get 409 BALLOT_NOT_OPEN: the count always equals the papers', async () => {
    const s = await seed(40, 30);
    const c = await as(s.chair);
    const ballotId = await newBallot(s, c);
    await openBallot(ballotId, c);
    const callers = await pool(s.delegates, 30, (id) => as(id));
    const votes = pool(callers, 30, (call) => call('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' } }));
    await new Promise((r) => setTimeout(r, 30));
    await close(ballotId, c);
    const results = await votes;
    for (const r of results) expect([201, 409], JSON.stringify(r.body)).toContain(r.status);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('BALLOT_NOT_OPEN');
    const counted = results.filter((r) => r.status === 201);
    const after = (await c('GET', `/ballots/${ballotId}/results`)).body;
    expect(after.ballotsCast).toBe(counted.length);
    expect(after.receipts).toEqual(counted.map((r) => r.body.receipt).sort());
    expect((await c('GET', `/ballots/${ballotId}`)).body.votedCount).toBe(counted.length);
  });

  it('200 delegates voting at once are counted exactly: votedCount, ballotsCast and receipts all 200', async () => {
    const big = await seed(220, 200);
    const bigChair = await as(big.chair);
    const ballotId = await newBallot(big, bigChair, { questions: [motion(), rating()] });
    expect((await openBallot(ballotId, bigChair)).eligibleCount).toBe(200);
    const callers = await pool(big.delegates, 50, (id) => as(id));
    const choice = (i: number) => ({ q1: (['for', 'against', 'abstain'] as const)[i % 3], r1: (['excellent', 'competent', 'basic', 'incompetent'] as const)[i % 4] });
    const results = await pool(callers, 200, (call, i) => call('POST', `/ballots/${ballotId}/votes`, { answers: choice(i) }));
    expect(results.filter((r) => r.status !== 201).map((r) => JSON.stringify(r.body))).toEqual([]);
    expect((await bigChair('GET', `/ballots/${ballotId}`)).body.votedCount).toBe(200);
    await close(ballotId, bigChair);
    const r = (await bigChair('GET', `/ballots/${ballotId}/results`)).body;
    expect(r.ballotsCast).toBe(200);
    expect(r.receipts).toHaveLength(200);
    expect(new Set(r.receipts).size).toBe(200);
    expect(r.receipts).toEqual(results.map((x) => x.body.receipt).sort());
    const expected = { for: 0, against: 0, abstain: 0 } as Record<string, number>;
    results.forEach((_, i) => expected[choice(i).q1!]!++);
    expect(r.questions[0].counts).toEqual(expected);
    expect(r.questions[0].passed).toBe(false); // 67 for of 200
  }, 240_000);
});

/** Last: it makes one more delegate, which would change the electorate of the ballots above. */
describe('the frozen electorate', () => {
  it('a delegate named after the opening cannot vote in it; the frozen electorate stays as it was', async () => {
    const ballotId = await newBallot();
    await openBallot(ballotId);
    const newcomer = ordinary(school);
    const committee = await as(school.committee[0]!);
    expect((await committee('PATCH', `/members/${newcomer}`, { isDelegate: true })).status).toBe(200);
    const res = await (await as(newcomer))('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'for' } });
    expect([res.status, res.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    expect((await chair('GET', `/ballots/${ballotId}`)).body.eligibleCount).toBe(9);
    // A ballot opened now includes them (the roster is read through its index, which may lag a moment).
    let next = await newBallot();
    for (let i = 0; (await openBallot(next)).eligibleCount !== 10; i++) {
      expect(i, 'the new delegate never reached the electorate').toBeLessThan(20);
      await new Promise((r) => setTimeout(r, 100));
      next = await newBallot();
    }
    expect((await (await as(newcomer))('POST', `/ballots/${next}/votes`, { answers: { q1: 'for' } })).status).toBe(201);
  });
});
