/**
 * 区级汇总: the district's view of the term report, read for a district of 236 schools whose term
 * tallies and member counts are written straight through the tally writes (functions/domain/tally/
 * writes.ts, what the flows add to their transactions), with realistic numbers. The read is what
 * is measured: GET /districts/{districtId}/report through the real API (local gateway → handler →
 * embedded DynamoDB), its DynamoDB requests and items per call (dbStats), latency p50/p95 over 50
 * calls, next to one school's own term report (GET /orgs/{orgId}/report, read from its records) in
 * the same run. The run checks the totals against the numbers it wrote and fails otherwise.
 *
 * `npm run bench:district` runs it alone and rewrites its section of BENCHMARKS.md and its key in
 * bench/results.json; `npm run bench` runs it too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AID_CATEGORIES } from '../shared/domain/aid';
import { CARE_KINDS } from '../shared/domain/care';
import type { TallyChange } from '../shared/domain/tally';
import { termOf, termRange } from '../shared/domain/term';
import { lastRunLine, startBenchStack } from './stack';
import { dbStats, transact } from '../functions/lib/db';
import { tallyWrite } from '../functions/domain/tally/writes';
import { issueSession } from '../functions/lib/tokens';
import { ROOT } from '../local/serverlessConfig';
import { pct, pool, round } from './stats';

export const DISTRICT_SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 236);
/** Members per school: the district's 13,500 staff over its schools. */
const PER_SCHOOL = Number(process.env.BENCH_PER_SCHOOL ?? 57);
const CALLS = Number(process.env.BENCH_DISTRICT_CALLS ?? 50);
const XLSX_CALLS = 10;
/** The district's own (全区) campaigns closing this term. */
const DISTRICT_CAMPAIGNS = 2;

const latency = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: round(pct(s, 50)), p95: round(pct(s, 95)), max: round(s.at(-1)!) };
};

export interface DistrictBench {
  schools: number;
  districtCampaigns: number;
  calls: number;
  report: { latencyMs: { p50: number; p95: number; max: number }; dynamoRequests: number; itemsRead: number };
  xlsx: { latencyMs: { p50: number; p95: number; max: number }; bytes: number };
  schoolReport: { latencyMs: { p50: number; p95: number; max: number }; dynamoRequests: number; itemsRead: number; members: number };
  ratio: { p50: number; p95: number };
  budget: { requests: number; items: number };
  seedSeconds: number;
}

/** A school's term, made up but plausible for a school of `members` staff (i varies it). */
function tallyOf(i: number, members: number): TallyChange {
  const held = 2 + (i % 7);
  const visits = 1 + (i % 9);
  const aid = i % 4;
  const change: Record<string, number> = {
    'members.new': i % 5,
    'events.held': held,
    'events.participations': held * Math.round(members * 0.6),
    'events.checkedIn': held * Math.round(members * 0.5),
    'donations.campaigns': i % 3,
    'donations.confirmedFen': 100 * (members * 50 + (i * 37) % 1000) + (i % 100),
    'proposals.received': 3 + (i % 6),
    'proposals.accepted': 2 + (i % 5),
    'proposals.answered': 1 + (i % 5),
    'proposals.rated': 1 + (i % 4),
    'proposals.satisfied': 1 + (i % 3),
    'ideas.received': i % 11,
    'ideas.adopted': i % 4,
    'ballots.held': 1 + (i % 2),
    'ballots.cast': (1 + (i % 2)) * Math.round(members * 0.9),
    'ballots.eligible': (1 + (i % 2)) * members,
    'care.visits': visits,
    'care.giftFen': visits * 50_000,
    [`care.byKind.${CARE_KINDS[i % CARE_KINDS.length]}.visits`]: visits,
    [`care.byKind.${CARE_KINDS[i % CARE_KINDS.length]}.giftFen`]: visits * 50_000,
    'aid.count': aid,
    'aid.fen': aid * 200_000,
    ...(aid ? { [`aid.byCategory.${AID_CATEGORIES[i % AID_CATEGORIES.length]}.count`]: aid, [`aid.byCategory.${AID_CATEGORIES[i % AID_CATEGORIES.length]}.fen`]: aid * 200_000 } : {}),
  };
  return change as TallyChange;
}

/** Seeds the district, writes its tallies, and measures the reads against a started stack (in this process). */
export async function districtView(url: string, schools = DISTRICT_SCHOOLS): Promise<DistrictBench> {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    let parsed: any = undefined;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      /* a file */
    }
    return { status: res.status, body: parsed, bytes: bytes.length };
  };
  const districtId = `dist-view-${Date.now().toString(36)}`;
  const term = termOf(Date.now());
  console.log(`seeding ${schools} schools of ${PER_SCHOOL} members in ${districtId}, with their ${term} tallies…`);
  const seedStart = performance.now();
  const seeded = await pool(
    Array.from({ length: schools }, (_, i) => i),
    4,
    async () => (await call('POST', '/dev/seed', { members: PER_SCHOOL, delegates: 0, districtId })).body as { orgId: string; chair: string; districtAdmin: string },
  );
  const expected = { eventsHeld: 0, confirmedFen: 0, active: 0 };
  await pool(seeded, 8, async (s, i) => {
    const change = tallyOf(i, PER_SCHOOL);
    // The seed keeps its members' counts (and their members.new); the term's other figures are made up here.
    await transact(tallyWrite(s.orgId, termRange(term).from, change));
    expected.eventsHeld += change['events.held']!;
    expected.confirmedFen += change['donations.confirmedFen']!;
    expected.active += PER_SCHOOL;
  });
  const admin = await issueSession(seeded[0]!.districtAdmin);
  for (let k = 0; k < DISTRICT_CAMPAIGNS; k++) {
    const opened = await call('POST', `/districts/${districtId}/campaigns`, { title: `全区募捐 ${k + 1}`, kind: 'day-pay', closesAt: new Date(Date.now() + (24 + k) * 3600_000).toISOString(), goalFen: 100_000_000 }, admin);
    if (opened.status !== 201) throw new Error(`open failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;
  await new Promise((r) => setTimeout(r, 500)); // the index settles (lag is off here, but to be sure)

  console.log(`district view: ${CALLS} calls…`);
  const ms: number[] = [];
  const costs: { requests: number; items: number }[] = [];
  let last: any;
  for (let k = 0; k < CALLS; k++) {
    const b = { r: dbStats.requests, i: dbStats.itemsRead };
    const t0 = performance.now();
    const res = await call('GET', `/districts/${districtId}/report?term=${term}`, undefined, admin);
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`district view failed: ${res.status} ${JSON.stringify(res.body)}`);
    costs.push({ requests: dbStats.requests - b.r, items: dbStats.itemsRead - b.i });
    last = res.body;
  }
  const campaigns = last.districtCampaigns as number;
  const t = last.totals;
  if (last.schools.length !== schools || t.eventsHeld !== expected.eventsHeld || t.confirmedFen !== expected.confirmedFen || t.active !== expected.active || campaigns !== DISTRICT_CAMPAIGNS) {
    throw new Error(`district view broke an invariant: ${JSON.stringify({ schools: last.schools.length, expected, totals: t, campaigns })}`);
  }

  console.log(`district view as .xlsx: ${XLSX_CALLS} calls…`);
  const xlsxMs: number[] = [];
  let xlsxBytes = 0;
  for (let k = 0; k < XLSX_CALLS; k++) {
    const t0 = performance.now();
    const res = await call('GET', `/districts/${districtId}/report.xlsx?term=${term}`, undefined, admin);
    xlsxMs.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`xlsx failed: ${res.status}`);
    xlsxBytes = res.bytes;
  }

  console.log(`one school's term report: ${CALLS} calls…`);
  const { from, to } = termRange(term);
  const chair = await issueSession(seeded[1]!.chair);
  const schoolMs: number[] = [];
  let schoolCost = { requests: 0, items: 0 };
  for (let k = 0; k < CALLS; k++) {
    const b = { r: dbStats.requests, i: dbStats.itemsRead };
    const t0 = performance.now();
    const res = await call('GET', `/orgs/${seeded[1]!.orgId}/report?from=${from}&to=${to}`, undefined, chair);
    schoolMs.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`school report failed: ${res.status}`);
    schoolCost = { requests: dbStats.requests - b.r, items: dbStats.itemsRead - b.i };
  }

  const report = latency(ms);
  const school = latency(schoolMs);
  const worst = costs.reduce((a, c) => (c.requests > a.requests || c.items > a.items ? c : a));
  return {
    schools,
    districtCampaigns: campaigns,
    calls: CALLS,
    report: { latencyMs: report, dynamoRequests: worst.requests, itemsRead: worst.items },
    xlsx: { latencyMs: latency(xlsxMs), bytes: xlsxBytes },
    schoolReport: { latencyMs: school, dynamoRequests: schoolCost.requests, itemsRead: schoolCost.items, members: PER_SCHOOL },
    ratio: { p50: round(report.p50 / school.p50, 2), p95: round(report.p95 / school.p95, 2) },
    budget: districtBudget(schools, campaigns),
    seedSeconds: round(seedSeconds),
  };
}

/**
 * The read's budget: the request's own batched read (member and district), the schools' list (one
 * index query), the district's campaigns (one), and the schools' tallies and member counts, 100
 * keys a BatchGetItem. Items: those two, each school listed, its two items, each campaign.
 */
export const districtBudget = (schools: number, campaigns: number) => ({ requests: Math.ceil((2 * schools) / 100) + 3, items: 3 * schools + campaigns + 2 });
/** The view's p95 within this many times one school's own term report's p95, same run. */
export const DISTRICT_P95_RATIO = 4;

export function districtTable(s: DistrictBench, lastRun: string): string {
  return [
    lastRun,
    '',
    '| measure | value | budget |',
    '| --- | --- | --- |',
    `| district view (GET /districts/{id}/report, ${s.schools} schools, ${s.districtCampaigns} 全区 campaigns, ${s.calls} calls one after another) p50 / p95 / max (ms) | ${s.report.latencyMs.p50} / ${s.report.latencyMs.p95} / ${s.report.latencyMs.max} | |`,
    `| district view: DynamoDB requests / items read per call (the most of any call) | ${s.report.dynamoRequests} / ${s.report.itemsRead} | ≤ ⌈2 × schools ÷ 100⌉ + 3 = ${s.budget.requests} / ≤ 3 × schools + campaigns + 2 = ${s.budget.items}, never per record |`,
    `| one school's term report (GET /orgs/{id}/report, ${s.schoolReport.members} members, seeded records only) p50 / p95 / max (ms) | ${s.schoolReport.latencyMs.p50} / ${s.schoolReport.latencyMs.p95} / ${s.schoolReport.latencyMs.max} | |`,
    `| one school's term report: DynamoDB requests / items read | ${s.schoolReport.dynamoRequests} / ${s.schoolReport.itemsRead} | grows with the school's records |`,
    `| **ratio: district view ÷ one school's report**, p50 / p95 | **${s.ratio.p50} / ${s.ratio.p95}** | p95 ≤ ${DISTRICT_P95_RATIO}× |`,
    `| district view as .xlsx (${s.schools} rows) p50 / p95 (ms), size | ${s.xlsx.latencyMs.p50} / ${s.xlsx.latencyMs.p95}, ${(s.xlsx.bytes / 1024).toFixed(1)} KB | |`,
    `| seeding ${s.schools} schools and their tallies (not part of the figures) | ${s.seedSeconds} s | |`,
  ].join('\n');
}

/** The budget row of the table in BENCHMARKS.md's budgets. */
export const districtBudgetRow = (s: DistrictBench) =>
  `| 区级汇总 (${s.schools} schools): DynamoDB requests / items per call; p95 ÷ one school's report p95 | ≤ ⌈2 × schools ÷ 100⌉ + 3 / ≤ 3 × schools + campaigns + 2 (${s.budget.requests} / ${s.budget.items}), never per record; ≤ ${DISTRICT_P95_RATIO}× | ${s.report.dynamoRequests} / ${s.report.itemsRead}; ${s.ratio.p95}× |`;

/** Fails when the run broke its budget (requests, items, ratio). */
export function checkDistrictBudget(s: DistrictBench) {
  const broken = [
    s.report.dynamoRequests > s.budget.requests && `requests ${s.report.dynamoRequests} > ${s.budget.requests}`,
    s.report.itemsRead > s.budget.items && `items ${s.report.itemsRead} > ${s.budget.items}`,
    s.ratio.p95 > DISTRICT_P95_RATIO && `p95 ratio ${s.ratio.p95} > ${DISTRICT_P95_RATIO}`,
  ].filter(Boolean);
  if (broken.length) console.warn(`区级汇总 over budget: ${broken.join('; ')}`);
  return broken.length === 0;
}

/** Writes the district view's key in bench/results.json, its section of BENCHMARKS.md and its budget row. */
export function writeDistrict(s: DistrictBench, date: string, lastRun: string) {
  const resultsPath = join(ROOT, 'bench/results.json');
  const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  results.district = { date, ...s };
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
  const doc = join(ROOT, 'BENCHMARKS.md');
  writeFileSync(
    doc,
    readFileSync(doc, 'utf8')
      .replace(/<!-- district:start -->[\s\S]*<!-- district:end -->/, `<!-- district:start -->\n${districtTable(s, lastRun)}\n<!-- district:end -->`)
      .replace(/^\| 区级汇总 .*$/m, districtBudgetRow(s)),
  );
  console.log(districtTable(s, lastRun));
}

/** `npm run bench:district`: the district view alone; rewrites its section, key and budget row. */
async function main() {
  process.env.STAGE ??= 'local';
  const stack = await startBenchStack();
  const s = await districtView(stack.url);
  await stack.close();
  const date = new Date().toISOString();
  writeDistrict(s, date, lastRunLine(date));
  if (!checkDistrictBudget(s)) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
  process.exit(0);
}
