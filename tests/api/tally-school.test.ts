import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDateTime } from '../../shared/domain/chinaTime';
import { previousTerm, termOf, termRange } from '../../shared/domain/term';
import { eventually } from '../support/eventually';
import { anon, as, type School } from '../support/fixtures';
import { rosterXlsx } from '../support/xlsx';

/**
 * The district rollup's term tallies of a school, kept by the writes themselves (members, care
 * visits, 金点子, ballots, aid), through the real API: after each phase, every kept figure of the
 * terms touched equals the school's term report for the term's dates (GET /dev/orgs/{orgId}/tally-check),
 * and the member counts and tallies have the values the phase must give them.
 */
type Call = Awaited<ReturnType<typeof as>>;
type Row = { figure: string; report: number | null; recount: number | null; ok: boolean };

/** This engineer's figures (events, donations and proposals are kept by other commands). */
const term = termOf(Date.now());
const before = previousTerm(term);
const today = chinaDateTime(Date.now()).date;

let school: School;
let chair: Call;
let committee: Call;
let treasurer: Call;
let plain: string[];

const must = async (p: Promise<{ status: number; body: any }>, status = [200, 201]) => {
  const res = await p;
  expect(status, JSON.stringify(res.body)).toContain(res.status);
  return res.body;
};

/** The tally check of a term, ok for this engineer's figures (the report reads indexes: asked again until it agrees); the kept figures by name. */
async function tallyOk(t: string, expected: Record<string, number> = {}): Promise<Record<string, number | null>> {
  return eventually(async () => {
    const res = await anon()('GET', `/dev/orgs/${school.orgId}/tally-check?term=${t}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body.rows as Row[]; // every figure: the others' too
    const bad = rows.filter((r) => !r.ok);
    expect(bad, `${t}: rows that disagree (recount = the tally): ${JSON.stringify(bad)}`).toEqual([]);
    const kept = Object.fromEntries(rows.map((r) => [r.figure, r.recount]));
    for (const [figure, value] of Object.entries(expected)) expect(kept[figure], `${t} ${figure}`).toBe(value);
    return kept;
  });
}

beforeAll(async () => {
  // 60 members: the eighth group is 退休组 (7 retirees).
  const res = await anon()('POST', '/dev/seed', { members: 60, delegates: 4 });
  expect(res.status).toBe(201);
  school = res.body as School;
  [chair, committee, treasurer] = await Promise.all([as(school.chair), as(school.committee[0]!), as(school.treasurer)]);
  const busy = new Set([school.chair, school.treasurer, ...school.committee, ...school.groupLeaders, ...school.delegates]);
  // Ordinary serving members (the roster lists them through the index: asked until all 60 show).
  const listed = await eventually(async () => {
    const members = (await must(chair('GET', `/orgs/${school.orgId}/members`))).members as { memberId: string; retired: boolean }[];
    expect(members).toHaveLength(60);
    return members;
  });
  plain = listed.filter((m) => !m.retired && !busy.has(m.memberId)).map((m) => m.memberId);
  expect(plain.length).toBeGreaterThanOrEqual(16);
});

describe('the term tallies of a school', () => {
  it('the seed writes the member counts and this term’s new members: the check agrees at once', async () => {
    await tallyOk(term, { 'members.active': 60, 'members.retired': 7, 'members.new': 60 });
    await tallyOk(before, { 'members.new': 0 });
  });

  it('roster: import, retire, deactivate (twice), reactivate, an import that retires', async () => {
    const groups = (await must(chair('GET', `/orgs/${school.orgId}/groups`))).groups as { name: string }[];
    const g = groups[0]!.name;
    const rows = [
      ['甲老师', 'T901', '', g, '否', '', '在职'],
      ['乙老师', 'T902', '', g, '否', '', '退休'],
      ['丙老师', 'T903', '', g, '否', '', '在职'],
    ];
    const imported = await must(chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: (await rosterXlsx(rows)).toString('base64'), dryRun: false }));
    expect(imported.report.created).toBe(3);
    await tallyOk(term, { 'members.active': 63, 'members.retired': 8, 'members.new': 63 });

    const [A, B, C] = plain;
    await must(chair('PATCH', `/members/${A}`, { retired: true }));
    await must(chair('PATCH', `/members/${A}`, { name: '改名老师' })); // no count moves
    await tallyOk(term, { 'members.active': 63, 'members.retired': 9 });

    // A retired member stopped: one fewer, and one fewer retired; a second stop changes nothing.
    await must(chair('POST', `/members/${A}/deactivate`, {}));
    await must(chair('POST', `/members/${A}/deactivate`, {}));
    await must(chair('POST', `/members/${B}/deactivate`, {}));
    await tallyOk(term, { 'members.active': 61, 'members.retired': 8, 'members.new': 61 });
    // Retiring someone stopped moves nothing until they are back.
    await must(chair('PATCH', `/members/${B}`, { retired: true }));
    await tallyOk(term, { 'members.active': 61, 'members.retired': 8 });
    await must(chair('POST', `/members/${B}/reactivate`, {}));
    await must(chair('POST', `/members/${B}/reactivate`, {}));
    await tallyOk(term, { 'members.active': 62, 'members.retired': 9, 'members.new': 62 });

    // Stopped and restored at once, racing: each counts only from the state it found; then back for sure.
    const raced = await Promise.all([chair('POST', `/members/${C}/deactivate`, {}), chair('POST', `/members/${C}/deactivate`, {}), chair('POST', `/members/${C}/reactivate`, {})]);
    expect(raced.map((r) => r.status)).toEqual([200, 200, 200]);
    await tallyOk(term);
    await must(chair('POST', `/members/${C}/reactivate`, {}));
    await tallyOk(term, { 'members.active': 62, 'members.retired': 9, 'members.new': 62 });

    // The same file again with 丙 retired: one update, one more retired.
    rows[2]![6] = '退休';
    const again = await must(chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: (await rosterXlsx(rows)).toString('base64'), dryRun: false }));
    expect(again.report).toMatchObject({ created: 0, updated: 1 });
    await tallyOk(term, { 'members.active': 62, 'members.retired': 10, 'members.new': 62 });
    await tallyOk(before);
  });

  it('care visits: created, edited in kind and gift, moved to the term before', async () => {
    const lastDayBefore = termRange(before).to;
    const visit = (memberId: string, kind: string, date: string, giftFen: number) => must(committee('POST', `/orgs/${school.orgId}/care-visits`, { memberId, kind, date, giftFen })).then((b) => b.visitId as string);
    const v1 = await visit(plain[3]!, 'illness', today, 50_000);
    const v2 = await visit(plain[4]!, 'wedding', today, 0);
    const v3 = await visit(plain[5]!, 'retiree', lastDayBefore, 20_000);
    await tallyOk(term, { 'care.visits': 2, 'care.giftFen': 50_000, 'care.byKind.illness.visits': 1, 'care.byKind.wedding.visits': 1 });
    await tallyOk(before, { 'care.visits': 1, 'care.giftFen': 20_000, 'care.byKind.retiree.giftFen': 20_000 });

    await must(committee('PATCH', `/care-visits/${v1}`, { giftFen: 60_000 }));
    await must(committee('PATCH', `/care-visits/${v2}`, { kind: 'birth', giftFen: 6_600, date: lastDayBefore }));
    await must(committee('PATCH', `/care-visits/${v3}`, { date: today }));
    await must(committee('PATCH', `/care-visits/${v3}`, { note: '送去慰问品' })); // moves no figure
    await tallyOk(term, { 'care.visits': 2, 'care.giftFen': 80_000, 'care.byKind.illness.giftFen': 60_000, 'care.byKind.wedding.visits': 0, 'care.byKind.retiree.visits': 1 });
    await tallyOk(before, { 'care.visits': 1, 'care.giftFen': 6_600, 'care.byKind.birth.visits': 1, 'care.byKind.birth.giftFen': 6_600, 'care.byKind.retiree.visits': 0 });
  });

  it('金点子: sent, adopted, un-adopted and adopted again, replied without 采纳', async () => {
    const author = await as(plain[6]!);
    const send = (title: string) => must(author('POST', `/orgs/${school.orgId}/ideas`, { title, category: 'campus', text: '建议在操场边增设饮水点' })).then((b) => b.ideaId as string);
    const [i1, i2, i3] = [await send('增设饮水点'), await send('图书角'), await send('错峰就餐')];
    await must(committee('POST', `/ideas/${i1}/reply`, { text: '很好，采纳', adopted: true }));
    await must(committee('POST', `/ideas/${i2}/reply`, { text: '谢谢建议', adopted: true }));
    await must(committee('POST', `/ideas/${i2}/reply`, { text: '经费不足，暂缓', adopted: false }));
    await must(committee('POST', `/ideas/${i3}/reply`, { text: '收到' }));
    await must(committee('POST', `/ideas/${i1}/reply`, { text: '已落实' })); // stays adopted
    await tallyOk(term, { 'ideas.received': 3, 'ideas.adopted': 1 });
  });

  it('ballots: counted at the close with the votes as they are then, also with votes racing the close', async () => {
    const ballot = async (electorate: string) => (await must(chair('POST', `/orgs/${school.orgId}/ballots`, { title: `表决-${electorate}`, electorate, questions: [{ id: 'q1', text: '通过本学期工作计划', kind: 'motion' }] }))).ballotId as string;
    const b1 = await ballot('delegates');
    const opened = await must(chair('POST', `/ballots/${b1}/open`, {}));
    for (const d of school.delegates.slice(0, 3)) await must((await as(d))('POST', `/ballots/${b1}/votes`, { answers: { q1: 'for' } }));
    expect((await must(chair('POST', `/ballots/${b1}/close`, {}))).votedCount).toBe(3);
    await tallyOk(term, { 'ballots.held': 1, 'ballots.cast': 3, 'ballots.eligible': opened.eligibleCount });

    // Votes and the close at once: whatever the close answers is the count the papers give, and the tally's.
    const b2 = await ballot('members');
    const open2 = await must(chair('POST', `/ballots/${b2}/open`, {}));
    const voters = await Promise.all(plain.slice(3, 9).map((m) => as(m)));
    const [closed, ...votes] = await Promise.all([
      new Promise<{ status: number; body: any }>((r) => setTimeout(() => r(chair('POST', `/ballots/${b2}/close`, {})), 15)),
      ...voters.map((v) => v('POST', `/ballots/${b2}/votes`, { answers: { q1: 'against' } })),
    ]);
    expect(closed!.status, JSON.stringify(closed!.body)).toBe(200);
    const taken = votes.filter((v) => v.status === 201).length;
    expect(votes.filter((v) => v.status !== 201).map((v) => v.body.error.code)).toEqual(Array(votes.length - taken).fill('BALLOT_NOT_OPEN'));
    expect(closed!.body.votedCount).toBe(taken);
    expect((await must(chair('GET', `/ballots/${b2}/results`))).ballotsCast).toBe(taken);
    await tallyOk(term, { 'ballots.held': 2, 'ballots.cast': 3 + taken, 'ballots.eligible': opened.eligibleCount + open2.eligibleCount });
  });

  it('aid: counted when paid, by category, at the ledger entry’s time', async () => {
    await must(treasurer('POST', `/orgs/${school.orgId}/fund/entries`, { kind: 'opening', amountFen: 500_000, note: '互助储金期初' }));
    const applicant = await as(plain[7]!);
    const paid = async (category: string, fen: number) => {
      const opened = await must(applicant('POST', `/orgs/${school.orgId}/aid-cases`, { category, requestedFen: fen, reason: '家庭遭遇变故，生活困难' }));
      await must(committee('POST', `/aid-cases/${opened.caseId}/approve`, { approvedFen: fen }));
      return opened.caseId as string;
    };
    const c1 = await paid('illness', 30_000);
    const c2 = await paid('disaster', 12_345);
    await paid('family', 9_999); // approved, not paid: not counted
    await must(treasurer('POST', `/aid-cases/${c1}/pay`, {}));
    await must(treasurer('POST', `/aid-cases/${c1}/pay`, {})); // paid already: nothing moves
    await must(treasurer('POST', `/aid-cases/${c2}/pay`, {}));
    await tallyOk(term, { 'aid.count': 2, 'aid.fen': 42_345, 'aid.byCategory.illness.fen': 30_000, 'aid.byCategory.disaster.count': 1, 'aid.byCategory.family.count': 0 });
    await tallyOk(before);
  });
});
