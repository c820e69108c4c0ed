import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../shared/domain/fen';
import { statsOf } from '../../shared/domain/proposals';
import { DistrictReport } from '../../shared/schemas/district';
import { districtTotals, MEMBER_COUNT_FIGURES, SCHOOL_ROW_COLUMNS, schoolRow, TALLY_FIGURES, type SchoolRow } from '../../shared/domain/tally';
import { previousTerm, termOf, termRange } from '../../shared/domain/term';
import { eventually, indexSettled } from '../support/eventually';
import { anon, as, type School } from '../support/fixtures';
import { inHours } from '../support/time';

/**
 * 区级汇总: the district admin reads every school's term figures side by side, from the schools'
 * term tallies (one item per school and term) and member counts. Three schools get tallies through
 * the dev fixture (POST /dev/orgs/{orgId}/tally); a fourth has records only (its seed, a care visit,
 * and the district's campaign), so its row can be compared with its own term report.
 */
type Call = Awaited<ReturnType<typeof as>>;
type Report = DistrictReport;

/** The columns compared with the school's own term report (GET /orgs/{orgId}/report for the term's dates): every one, since every write keeps its figure. */

/** Where each column of a school's row is in its term report. */
const REPORT_FIGURE: Record<keyof SchoolRow, string> = {
  active: 'members.active',
  retired: 'members.retired',
  newMembers: 'members.new',
  eventsHeld: 'events.held',
  participations: 'events.participations',
  checkedIn: 'events.checkedIn',
  campaigns: 'donations.campaigns',
  confirmedFen: 'donations.confirmedFen',
  proposalsReceived: 'proposals.received',
  proposalsAccepted: 'proposals.accepted',
  proposalsAnswered: 'proposals.answered',
  answerRate: 'proposals.answerRate',
  satisfactionRate: 'proposals.satisfactionRate',
  ideasReceived: 'ideas.received',
  ideasAdopted: 'ideas.adopted',
  ballotsHeld: 'ballots.held',
  ballotsCast: 'ballots.cast',
  ballotsEligible: 'ballots.eligible',
  turnout: 'ballots.turnout',
  careVisits: 'care.visits',
  careGiftFen: 'care.giftFen',
  aidCount: 'aid.count',
  aidFen: 'aid.fen',
};
const at = (report: unknown, path: string) => path.split('.').reduce<any>((o, k) => o?.[k], report);

const tag = randomBytes(4).toString('hex');
const districtId = `dist-r-${tag}`;
const elsewhere = `dist-s-${tag}`;
const term = termOf(Date.now());

/** The fixtures' tallies: different enough that every column sorts differently. */
const FIXTURES: { figures: Record<string, number>; members: Record<string, number> }[] = [
  {
    figures: { 'members.new': 3, 'events.held': 4, 'events.participations': 120, 'events.checkedIn': 100, 'donations.campaigns': 1, 'donations.confirmedFen': 1_234_567, 'proposals.received': 10, 'proposals.accepted': 8, 'proposals.answered': 6, 'proposals.rated': 5, 'proposals.satisfied': 4, 'ideas.received': 7, 'ideas.adopted': 2, 'ballots.held': 1, 'ballots.cast': 45, 'ballots.eligible': 50, 'care.visits': 9, 'care.giftFen': 450_001, 'aid.count': 2, 'aid.fen': 300_000 },
    members: { 'members.active': 80, 'members.retired': 12 },
  },
  {
    figures: { 'members.new': 1, 'events.held': 2, 'events.participations': 30, 'events.checkedIn': 28, 'donations.confirmedFen': 99, 'proposals.received': 3, 'proposals.accepted': 3, 'proposals.answered': 3, 'ballots.held': 2, 'ballots.cast': 70, 'ballots.eligible': 100, 'care.visits': 1, 'care.giftFen': 20_000 },
    members: { 'members.active': 150, 'members.retired': 40 },
  },
  {
    figures: { 'events.held': 1, 'events.participations': 5, 'ideas.received': 1 },
    members: { 'members.active': 41, 'members.retired': 0 },
  },
];

let schools: School[]; // with fixtures
/** What each fixture school's tally and member counts held before the fixture (what its seed's writes keep, once they are hooked). */
let baseline: Record<string, number>[];
let plain: School; // records only
let away: School;
let admin: Call;
let districtCampaigns: number;
let eventInTerm: boolean;

async function seedIn(district: string, members: number): Promise<School> {
  const res = await anon()('POST', '/dev/seed', { members, delegates: 2, districtId: district });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as School;
}

const report = async (q = `?term=${term}`, caller = admin) => caller('GET', `/districts/${districtId}/report${q}`);

beforeAll(async () => {
  [plain, away, ...schools] = await Promise.all([seedIn(districtId, 10), seedIn(elsewhere, 10), seedIn(districtId, 10), seedIn(districtId, 10), seedIn(districtId, 10)]);
  baseline = await Promise.all(schools.map((s) => kept(s.orgId)));
  for (const [i, s] of schools.entries()) {
    const res = await anon()('POST', `/dev/orgs/${s.orgId}/tally`, { term, ...FIXTURES[i] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  admin = await as(plain.districtAdmin);
  // The district's 全区 campaign: in every school's row, once in the totals.
  const closesAt = inHours(48);
  const opened = await admin('POST', `/districts/${districtId}/campaigns`, { title: '博爱一日捐', kind: 'day-pay', closesAt, goalFen: 1_000_000 });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  districtCampaigns = termOf(closesAt) === term ? 1 : 0;
  // A care visit in the plain school: its report counts it; its tally does once care is hooked.
  const chair = await as(plain.chair);
  const visit = await chair('POST', `/orgs/${plain.orgId}/care-visits`, { memberId: plain.members.at(-1), kind: 'illness', date: today(), giftFen: 50_000 });
  expect(visit.status, JSON.stringify(visit.body)).toBe(201);
  // An event with two sign-ups and a check-in, and a confirmed gift to the district's campaign.
  const startsAt = inHours(20);
  eventInTerm = termOf(startsAt) === term;
  const event = await chair('POST', `/orgs/${plain.orgId}/events`, { title: '观影', place: '礼堂', startsAt, signupClosesAt: inHours(10), capacity: 5 });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  for (const who of plain.members.slice(3, 5)) expect((await (await as(who))('POST', `/events/${event.body.eventId}/registrations`, {})).status).toBe(201);
  expect((await chair('POST', `/events/${event.body.eventId}/checkins`, { memberId: plain.members[3] })).status).toBe(200);
  const donationId = `g-${randomBytes(9).toString('base64url')}`;
  expect((await (await as(plain.members[4]!))('POST', `/campaigns/${opened.body.campaignId}/donations`, { donationId, amountFen: 10_001, anonymous: false })).status).toBe(201);
  expect((await (await as(plain.treasurer))('POST', `/donations/${donationId}/confirm`)).status).toBe(200);
  await indexSettled();
});

/** A school's kept counts (tally and member counts) as the tally check reads them by key: its `recount` column. */
async function kept(orgId: string): Promise<Record<string, number>> {
  const res = await anon()('GET', `/dev/orgs/${orgId}/tally-check?term=${term}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const names = new Set<string>([...TALLY_FIGURES, ...MEMBER_COUNT_FIGURES]);
  return Object.fromEntries((res.body.rows as { figure: string; recount: number }[]).filter((r) => names.has(r.figure) && r.recount).map((r) => [r.figure, r.recount]));
}

/** Fixture i's counts on top of what the school kept before it. */
function counts(i: number): Record<string, number> {
  const sum = { ...baseline[i]! };
  for (const [k, v] of Object.entries({ ...FIXTURES[i]!.figures, ...FIXTURES[i]!.members })) sum[k] = (sum[k] ?? 0) + v;
  return sum;
}

function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

describe('GET /districts/{districtId}/report', () => {
  it('is the district admin’s alone: a school’s chair and another district’s admin get 403, no session 401', async () => {
    expect((await report(`?term=${term}`, await as(schools[0]!.chair))).status).toBe(403);
    expect((await report(`?term=${term}`, await as(away.districtAdmin))).status).toBe(403);
    expect((await anon()('GET', `/districts/${districtId}/report`)).status).toBe(401);
    const xlsx = await (await as(away.districtAdmin))('GET', `/districts/${districtId}/report.xlsx?term=${term}`);
    expect(xlsx.status).toBe(403);
    expect((await report()).status).toBe(200);
  });

  it('lists every school of the district by name, each row its tally and member counts with the district’s campaigns, none of another district', async () => {
    const r = await eventually(async () => {
      const res = await report();
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.schools).toHaveLength(4);
      expect(res.body.districtCampaigns).toBe(districtCampaigns);
      return res.body as Report;
    });
    expect(DistrictReport.safeParse(r).error).toBeUndefined(); // the contract's schema (shared/schemas/district.ts)
    expect(r).toMatchObject({ districtId, term, label: expect.stringContaining('学期'), ...termRange(term) });
    const names = r.schools.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    expect(r.schools.map((s) => s.orgId)).not.toContain(away.orgId);
    for (const [i, s] of schools.entries()) {
      const row = r.schools.find((x) => x.orgId === s.orgId)!;
      expect(row, s.orgId).toEqual({ orgId: s.orgId, name: expect.any(String), ...schoolRow(counts(i), districtCampaigns) });
    }
    expect(r.schools.find((x) => x.orgId === schools[0]!.orgId)).toMatchObject({ confirmedFen: 1_234_567, answerRate: 0.75, satisfactionRate: 0.8, turnout: 0.9 });
    const plainRow = r.schools.find((x) => x.orgId === plain.orgId)!;
    const fixtureTotals = districtTotals([0, 1, 2].map(counts), districtCampaigns);
    for (const c of SCHOOL_ROW_COLUMNS.filter((c) => c.kind !== 'rate' && c.key !== 'campaigns')) expect(r.totals[c.key], c.key).toBe((fixtureTotals[c.key] as number) + (plainRow[c.key] as number));
  });

  it('totals are the rows summed; rates from the sums, never an average; the district’s campaigns once', async () => {
    const r: Report = (await report()).body;
    const sum = (k: keyof SchoolRow) => r.schools.reduce((n, s) => n + (s[k] as number), 0);
    for (const c of SCHOOL_ROW_COLUMNS.filter((c) => c.kind !== 'rate' && c.key !== 'campaigns')) expect(r.totals[c.key], c.key).toBe(sum(c.key));
    expect(r.totals.campaigns).toBe(sum('campaigns') - r.schools.length * districtCampaigns + districtCampaigns);
    expect(r.totals.turnout).toBeCloseTo(sum('ballotsCast') / sum('ballotsEligible'), 12);
    expect(r.totals.turnout).toBeCloseTo(115 / 150, 12); // not (0.9 + 0.7) / 2
    expect(r.totals.answerRate).toBeCloseTo(sum('proposalsAnswered') / sum('proposalsAccepted'), 12);
    expect(r.totals.satisfactionRate).toBe(statsOf({ rated: 5, satisfied: 4 }).satisfactionRate);
  });

  it('defaults to the term now; another term has its own tallies; a bad term is a 400 in Chinese', async () => {
    const now = await report('');
    expect(now.body.term).toBe(term);
    const before: Report = (await report(`?term=${previousTerm(term)}`)).body;
    expect(before.term).toBe(previousTerm(term));
    expect(before.schools.find((s) => s.orgId === schools[0]!.orgId)).toMatchObject({ eventsHeld: 0, confirmedFen: 0, active: counts(0)['members.active'] }); // member counts are now, not per term
    for (const bad of ['2026-2027-3', '2026-2028-1', 'abc', '2026-2027']) {
      const res = await report(`?term=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.message).toMatch(/学期/);
      expect((await admin('GET', `/districts/${districtId}/report.xlsx?term=${bad}`)).status).toBe(400);
    }
  });

  it('exports .xlsx: one row per school and the totals, equal to the JSON (yuan exact to the fen, rates as percent), and what each column counts', async () => {
    const r: Report = (await report()).body;
    const res = await admin('GET', `/districts/${districtId}/report.xlsx?term=${term}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw);
    const sheet = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((row) => row[0] === '学校');
    expect(rows[header]).toEqual(['学校', ...SCHOOL_ROW_COLUMNS.map((c) => c.label)]);
    const expected = (name: string, row: SchoolRow) => [name, ...SCHOOL_ROW_COLUMNS.map((c) => (c.kind === 'fen' ? formatFen(row[c.key] as number) : c.kind === 'rate' ? (row[c.key] ?? '—') : row[c.key]))];
    expect(rows.slice(header + 1)).toEqual([...r.schools.map((s) => expected(s.name, s)), expected('全区合计', r.totals)]);
    const first = r.schools.findIndex((s) => s.orgId === schools[0]!.orgId);
    expect(rows[header + 1 + first]![SCHOOL_ROW_COLUMNS.findIndex((c) => c.key === 'confirmedFen') + 1]).toBe('12345.67');
    const rateCell = sheet.getRow(header + 2 + first).getCell(SCHOOL_ROW_COLUMNS.findIndex((c) => c.key === 'turnout') + 2);
    expect(rateCell.numFmt).toMatch(/%/);
    const about = new Map<string, string>();
    wb.getWorksheet('指标说明')!.eachRow((row, i) => i > 1 && about.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    for (const c of SCHOOL_ROW_COLUMNS) expect(about.get(c.label), c.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('each school’s row equals its own term report for the figures the writes keep (schools with records only, no fixture)', async () => {
    const { from, to } = termRange(term);
    const r: Report = (await report()).body;
    for (const school of [plain]) {
      const chair = await as(school.chair);
      const own = await eventually(async () => {
        const res = await chair('GET', `/orgs/${school.orgId}/report?from=${from}&to=${to}`);
        expect(res.status).toBe(200);
        expect(at(res.body, 'care.visits')).toBe(1);
        expect(at(res.body, 'donations.campaigns')).toBe(districtCampaigns);
        expect(at(res.body, 'events.participations')).toBe(eventInTerm ? 2 : 0);
        expect(at(res.body, 'donations.confirmedFen')).toBe(districtCampaigns ? 10_001 : 0);
        return res.body;
      });
      const row = r.schools.find((s) => s.orgId === school.orgId)!;
      const rows = (Object.keys(REPORT_FIGURE) as (keyof SchoolRow)[]).map((k) => ({ column: k, figure: REPORT_FIGURE[k], row: row[k], report: at(own, REPORT_FIGURE[k]) }));
      const wrong = rows.filter((x) => x.row !== x.report);
      expect(wrong, `${school.orgId}: ${JSON.stringify(rows, null, 1)}`).toEqual([]);
    }
  });
});
