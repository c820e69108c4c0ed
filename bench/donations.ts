/**
 * 全区一日捐: the district union's drive, given to by the whole district. 13,500 gifts from the
 * members of 236 schools, 50 in flight, through the real API (local gateway → handlers →
 * embedded DynamoDB), next to the raw emulator's transaction rate measured in the same run. Each
 * gift is one transaction of five actions: its claim, the gift, the district's totals (the one hot
 * item every gift of the district moves), the donor's tally and the school's totals. Then: reading
 * the campaign (what a member's phone does), a school's list, and the district's rollup per school
 * with the DynamoDB requests and items it reads. The run checks the rollup against a recount of
 * the gifts it made and fails otherwise.
 *
 * `npm run bench:donations` runs it alone and rewrites its section of BENCHMARKS.md and its key in
 * bench/results.json; `npm run bench` runs it too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastRunLine, rawTransactionRates, startBenchStack } from './stack';
import { dbStats } from '../functions/lib/db';
import { ROOT } from '../local/serverlessConfig';
import { pct, pool, round } from './stats';
import { issueSession } from '../functions/lib/tokens';

export const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 236);
/** The district's staff: 13,500 members over its 236 schools. */
export const STAFF = Number(process.env.BENCH_STAFF ?? 13_500);
/**
 * Gifts in the run: 13,500, about one per member of the district. Every gift moves the district's
 * one totals item, so this takes ~5 minutes on a quiet 2-core machine (~50 gifts/s) and up to ~9
 * on a busy one: `BENCH_GIFTS=4000` for a quicker run (the per-request figures do not change).
 */
export const GIFTS = Number(process.env.BENCH_GIFTS ?? 13_500);
export const GIFTS_IN_FLIGHT = Number(process.env.BENCH_GIFTS_IN_FLIGHT ?? 50);
const READS = 500;

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: round(pct(s, 50)), p99: round(pct(s, 99)), max: round(s.at(-1)!) };
};


export interface DonationBench {
  schools: number;
  staff: number;
  gifts: number;
  inFlight: number;
  giftsPerSec: number;
  giftLatencyMs: { p50: number; p99: number; max: number };
  dynamoRequestsPerGift: number;
  campaignRead: { latencyMs: { p50: number; p99: number; max: number }; dynamoRequests: number; itemsRead: number };
  schoolList: { latencyMs: { p50: number; p99: number; max: number }; dynamoRequests: number };
  rollup: { ms: { p50: number; max: number }; dynamoRequests: number; itemsRead: number; schools: number };
  seedSeconds: number;
}

/** Runs the drive against a started stack (in this process: dbStats counts its DynamoDB requests and items). */
export async function districtDrive(url: string, schools = SCHOOLS, gifts = GIFTS, inFlight = GIFTS_IN_FLIGHT): Promise<DonationBench> {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const districtId = `dist-bench-${Date.now().toString(36)}`;
  const perSchool = Math.max(10, Math.ceil(STAFF / schools));
  console.log(`seeding ${schools} schools of ${perSchool} members in ${districtId}…`);
  const seedStart = performance.now();
  const seeded = await pool(
    Array.from({ length: schools }, (_, i) => i),
    4,
    async () => (await call('POST', '/dev/seed', { members: perSchool, delegates: 0, districtId })).body as { orgId: string; members: string[]; districtAdmin: string },
  );
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const admin = await issueSession(seeded[0]!.districtAdmin);
  const opened = await call('POST', `/districts/${districtId}/campaigns`, { title: '博爱一日捐', kind: 'day-pay', closesAt: new Date(Date.now() + 48 * 3600_000).toISOString(), goalFen: 200_000_000 }, admin);
  if (opened.status !== 201) throw new Error(`open failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  const campaignId = opened.body.campaignId as string;

  // Every member of every school, in school order shuffled a little (several schools give at once).
  const donors = seeded.flatMap((s) => s.members.map((memberId) => ({ orgId: s.orgId, memberId })));
  const plan = Array.from({ length: gifts }, (_, i) => donors[(i * 7919) % donors.length]!);
  const tokens = new Map<string, string>();
  for (const d of new Set(plan.map((p) => p.memberId))) tokens.set(d, await issueSession(d));

  console.log(`district drive: ${gifts} gifts from ${schools} schools, ${inFlight} in flight…`);
  const before = dbStats.requests;
  const started = performance.now();
  const results = await pool(plan, inFlight, async (p, i) => {
    const amountFen = 100 * (10 + (i % 491)) + (i % 7);
    const t0 = performance.now();
    const res = await call('POST', `/campaigns/${campaignId}/donations`, { donationId: `bench-gift-${i.toString(36).padStart(6, '0')}`, amountFen, anonymous: i % 5 === 0 }, tokens.get(p.memberId));
    if ((i + 1) % 1000 === 0) console.log(`  ${i + 1} gifts, ${round((i + 1) / ((performance.now() - started) / 1000))}/s`);
    return { ms: performance.now() - t0, status: res.status, amountFen, ...p };
  });
  const seconds = (performance.now() - started) / 1000;
  const requests = dbStats.requests - before;
  const refused = results.filter((r) => r.status !== 201);
  if (refused.length) throw new Error(`district drive: ${refused.length} gifts refused (first: ${refused[0]!.status})`);

  console.log(`campaign reads: ${READS}, ${inFlight} in flight…`);
  const readers = plan.slice(0, READS);
  const readBefore = { r: dbStats.requests, i: dbStats.itemsRead };
  const reads = await pool(readers, inFlight, async (p) => {
    const t0 = performance.now();
    const res = await call('GET', `/campaigns/${campaignId}`, undefined, tokens.get(p.memberId));
    if (res.status !== 200 || !res.body.school) throw new Error(`campaign read failed: ${res.status}`);
    return performance.now() - t0;
  });
  const campaignRead = { latencyMs: stats(reads), dynamoRequests: round((dbStats.requests - readBefore.r) / readers.length, 2), itemsRead: round((dbStats.itemsRead - readBefore.i) / readers.length, 2) };
  const listBefore = dbStats.requests;
  const listers = readers.slice(0, 100);
  const lists = await pool(listers, inFlight, async (p) => {
    const t0 = performance.now();
    const res = await call('GET', `/orgs/${p.orgId}/campaigns`, undefined, tokens.get(p.memberId));
    if (res.status !== 200) throw new Error(`list failed: ${res.status}`);
    return performance.now() - t0;
  });
  const schoolList = { latencyMs: stats(lists), dynamoRequests: round((dbStats.requests - listBefore) / listers.length, 2) };

  console.log('district rollup…');
  const rollupMs: number[] = [];
  let rollupCost = { requests: 0, items: 0 };
  let rollup: any;
  for (let k = 0; k < 5; k++) {
    const b = { r: dbStats.requests, i: dbStats.itemsRead };
    const t0 = performance.now();
    const res = await call('GET', `/districts/${districtId}/campaigns/${campaignId}/schools`, undefined, admin);
    rollupMs.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`rollup failed: ${res.status}`);
    rollupCost = { requests: dbStats.requests - b.r, items: dbStats.itemsRead - b.i };
    rollup = res.body;
  }
  // The recount: the rollup's schools and the district total against the gifts this run made.
  const recordedFen = results.reduce((t, r) => t + r.amountFen, 0);
  const sums = (f: string) => rollup.schools.reduce((t: number, s: Record<string, number>) => t + s[f]!, 0);
  const bySchool = new Map<string, number>();
  for (const r of results) bySchool.set(r.orgId, (bySchool.get(r.orgId) ?? 0) + r.amountFen);
  const wrongSchool = rollup.schools.find((s: { orgId: string; recordedFen: number }) => s.recordedFen !== (bySchool.get(s.orgId) ?? 0));
  const donorCount = new Set(results.map((r) => r.memberId)).size;
  if (rollup.campaign.recordedFen !== recordedFen || rollup.campaign.giftCount !== gifts || rollup.campaign.donorCount !== donorCount || sums('recordedFen') !== recordedFen || sums('donorCount') !== donorCount || rollup.schools.length !== schools || wrongSchool) {
    throw new Error(`district drive broke an invariant: ${JSON.stringify({ recordedFen, donorCount, campaign: rollup.campaign, wrongSchool })}`);
  }
  const ms = [...rollupMs].sort((a, b) => a - b);
  return {
    schools,
    staff: perSchool * schools,
    gifts,
    inFlight,
    giftsPerSec: round(gifts / seconds),
    giftLatencyMs: stats(results.map((r) => r.ms)),
    dynamoRequestsPerGift: round(requests / gifts, 2),
    campaignRead,
    schoolList,
    rollup: { ms: { p50: round(pct(ms, 50)), max: round(ms.at(-1)!) }, dynamoRequests: rollupCost.requests, itemsRead: rollupCost.items, schools: rollup.schools.length },
    seedSeconds: round(seedSeconds),
  };
}

export function donationTable(s: DonationBench, raw: { transactWritePerSec: number; transactWriteHotKeyPerSec: number }, lastRun: string): string {
  return [
    lastRun,
    '',
    '| measure | value | budget |',
    '| --- | --- | --- |',
    `| gifts/s through the API (${s.gifts} gifts from a district of ${s.schools} schools and ${s.staff} staff, ${s.inFlight} in flight, one 全区 campaign) | ${s.giftsPerSec} | |`,
    `| raw emulator TransactWriteItems/s (2 actions, 50 in flight) | ${raw.transactWritePerSec} | |`,
    `| raw emulator TransactWriteItems/s, all on one hot item | ${raw.transactWriteHotKeyPerSec} | |`,
    `| **ratio: gifts/s ÷ hot-item transactions/s** (every gift moves the district's totals) | **${round(s.giftsPerSec / raw.transactWriteHotKeyPerSec, 3)}** | as high as it goes |`,
    `| ratio: gifts/s ÷ raw transactions/s | ${round(s.giftsPerSec / raw.transactWritePerSec, 3)} | |`,
    `| gift latency p50 / p99 / max (ms) | ${s.giftLatencyMs.p50} / ${s.giftLatencyMs.p99} / ${s.giftLatencyMs.max} | |`,
    `| DynamoDB requests per gift, in the drive | ${s.dynamoRequestsPerGift} | 2 (one batched read, one transaction) + conflict retries |`,
    `| campaign read (GET /campaigns/{id}, ${READS} members, ${s.inFlight} in flight) p50 / p99 / max (ms) | ${s.campaignRead.latencyMs.p50} / ${s.campaignRead.latencyMs.p99} / ${s.campaignRead.latencyMs.max} | |`,
    `| campaign read: DynamoDB requests / items read | ${s.campaignRead.dynamoRequests} / ${s.campaignRead.itemsRead} | ≤ 2 / ≤ 4 (member, campaign, district totals; the school's totals), whatever the number of gifts |`,
    `| school's campaign list (GET /orgs/{orgId}/campaigns) p50 / p99 (ms), DynamoDB requests | ${s.schoolList.latencyMs.p50} / ${s.schoolList.latencyMs.p99}, ${s.schoolList.dynamoRequests} | ≤ 4 (batched read, two index queries, one batch of totals) |`,
    `| district rollup (GET …/campaigns/{id}/schools, ${s.rollup.schools} schools) p50 / max (ms) | ${s.rollup.ms.p50} / ${s.rollup.ms.max} | |`,
    `| district rollup: DynamoDB requests / items read | ${s.rollup.dynamoRequests} / ${s.rollup.itemsRead} | ≤ 3 requests / ≤ 2 × schools + 4 items (${2 * s.rollup.schools + 4}), never per gift (${s.gifts}) |`,
    `| seeding ${s.schools} schools (not part of the figures) | ${s.seedSeconds} s | |`,
  ].join('\n');
}

/** `npm run bench:donations`: the drive and the raw emulator alone; rewrites the donations section and key. */
async function main() {
  process.env.STAGE ??= 'local';
  const stack = await startBenchStack();
  const drive = await districtDrive(stack.url);
  console.log('raw emulator, same run…');
  const rates = await rawTransactionRates(stack.dynamoEndpoint);
  const raw = { transactWritePerSec: round(rates.transactWritePerSec), transactWriteHotKeyPerSec: round(rates.transactWriteHotKeyPerSec) };
  await stack.close();
  const date = new Date().toISOString();
  const lastRun = lastRunLine(date);
  writeDonations(drive, raw, date, lastRun);
}

/** Writes the drive's key in bench/results.json and its section of BENCHMARKS.md. */
export function writeDonations(drive: DonationBench, raw: { transactWritePerSec: number; transactWriteHotKeyPerSec: number }, date: string, lastRun: string) {
  const resultsPath = join(ROOT, 'bench/results.json');
  const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  results.donations = {
    date,
    ...drive,
    emulator: raw,
    ratio: { giftsToHotKeyTransactions: round(drive.giftsPerSec / raw.transactWriteHotKeyPerSec, 3), giftsToRawTransactions: round(drive.giftsPerSec / raw.transactWritePerSec, 3) },
  };
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
  const doc = join(ROOT, 'BENCHMARKS.md');
  const table = donationTable(drive, raw, lastRun);
  writeFileSync(doc, readFileSync(doc, 'utf8').replace(/<!-- donations:start -->[\s\S]*<!-- donations:end -->/, `<!-- donations:start -->\n${table}\n<!-- donations:end -->`));
  console.log(table);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
  process.exit(0);
}
