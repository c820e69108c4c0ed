/**
 * `npm run bench`: the sign-up rush and the ballot storm (ballots.ts) through the real API, next to the raw emulator's
 * transaction rate measured in the same run. The ratio is the figure (these machines are noisy).
 * Then each Lambda function's module init (init.ts). Writes bench/results.json and the tables
 * in BENCHMARKS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchPutItems } from '../local/dynamodb/bench';
import { lastRunLine, rawTransactionRates, startBenchStack } from './stack';
import { dbStats } from '../functions/lib/db';
import { ROOT } from '../local/serverlessConfig';
import { pct, pool, round } from './stats';
import { ballotStorm, ballotTable } from './ballots';
import { districtDrive, donationTable } from './donations';
import { checkDistrictBudget, districtBudgetRow, districtTable, districtView } from './district';
import { INIT_BUDGET_RATIO, initTable, measureInit } from './init';
import { DOCX_FUNCTIONS, EXCELJS_FUNCTIONS, weappSizes } from './sizes';

process.env.STAGE ??= 'local'; // the local stack's stage: dev fixtures seed the rush

const QUIET_CONFIRMED = 20;
const QUIET_WAITING = 10;
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 2000);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 300);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 200);


async function main() {
  const stack = await startBenchStack();
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(stack.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  console.log(`seeding ${MEMBERS} members…`);
  const school = (await post('/dev/seed', { members: MEMBERS, delegates: 0 })).body;
  const chair = (await post('/dev/login', { memberId: school.chair })).body.token;
  const in2days = new Date(Date.now() + 48 * 3600_000).toISOString();
  const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
  const event = (await post(`/orgs/${school.orgId}/events`, { title: '春游', place: '东门', startsAt: in2days, signupClosesAt: tomorrow, capacity: CAPACITY }, chair)).body;
  const tokens = await pool(school.members as string[], 50, async (memberId) => (await post('/dev/login', { memberId })).body.token as string);

  console.log(`rush: ${MEMBERS} sign-ups, ${IN_FLIGHT} in flight, ${CAPACITY} seats…`);
  const before = dbStats.requests;
  const started = performance.now();
  const results = await pool(tokens, IN_FLIGHT, async (token) => {
    const t0 = performance.now();
    const res = await post(`/events/${event.eventId}/registrations`, {}, token);
    return { ms: performance.now() - t0, status: res.status, outcome: res.body.status as string };
  });
  const seconds = (performance.now() - started) / 1000;
  const requests = dbStats.requests - before;
  const confirmed = results.filter((r) => r.outcome === 'confirmed').length;
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  if (confirmed !== CAPACITY || results.some((r) => r.status !== 201)) throw new Error(`rush broke an invariant: ${confirmed} confirmed`);

  // A quiet queue: one sign-up at a time (the waitlisted ones a moment apart), as most sign-ups
  // happen outside the first minute. Budget: one batched read and one transaction each.
  console.log('quiet sign-ups, one at a time…');
  const quietEvent = (await post(`/orgs/${school.orgId}/events`, { title: '读书会', place: '图书馆', startsAt: in2days, signupClosesAt: tomorrow, capacity: QUIET_CONFIRMED }, chair)).body;
  const quietBefore = dbStats.requests;
  for (const [i, token] of tokens.slice(0, QUIET_CONFIRMED + QUIET_WAITING).entries()) {
    if (i >= QUIET_CONFIRMED) await new Promise((r) => setTimeout(r, 350));
    const res = await post(`/events/${quietEvent.eventId}/registrations`, {}, token);
    if (res.status !== 201) throw new Error(`quiet sign-up failed: ${res.status}`);
  }
  const quietRequests = (dbStats.requests - quietBefore) / (QUIET_CONFIRMED + QUIET_WAITING);

  const ballots = await ballotStorm(stack.url);
  const donations = await districtDrive(stack.url);
  const district = await districtView(stack.url);

  console.log('raw emulator, same run…');
  const rawTx = await rawTransactionRates(stack.dynamoEndpoint);
  const rawPut = await benchPutItems(stack.dynamoEndpoint, 2000);
  await stack.close();

  console.log('module init per function…');
  const init = await measureInit();
  console.log('weapp build and its size…');
  const weapp = weappSizes();

  const signupsPerSec = MEMBERS / seconds;
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    rush: { members: MEMBERS, capacity: CAPACITY, inFlight: IN_FLIGHT, confirmed, waitlisted: MEMBERS - confirmed },
    signupsPerSec: round(signupsPerSec),
    latencyMs: { p50: round(pct(latencies, 50)), p99: round(pct(latencies, 99)), max: round(latencies.at(-1)!) },
    dynamoRequestsPerSignup: round(requests / MEMBERS, 2),
    dynamoRequestsPerQuietSignup: round(quietRequests, 2),
    weapp,
    emulator: { transactWritePerSec: round(rawTx.transactWritePerSec), transactWriteHotKeyPerSec: round(rawTx.transactWriteHotKeyPerSec), putItemPerSec: round(rawPut.opsPerSec) },
    ratio: { signupsToRawTransactions: round(signupsPerSec / rawTx.transactWritePerSec, 3), signupsToHotKeyTransactions: round(signupsPerSec / rawTx.transactWriteHotKeyPerSec, 3) },
    ballots: {
      ...ballots,
      ratio: { votesToHotKeyTransactions: round(ballots.votesPerSec / rawTx.transactWriteHotKeyPerSec, 3), votesToRawTransactions: round(ballots.votesPerSec / rawTx.transactWritePerSec, 3) },
    },
    donations: {
      ...donations,
      ratio: { giftsToHotKeyTransactions: round(donations.giftsPerSec / rawTx.transactWriteHotKeyPerSec, 3), giftsToRawTransactions: round(donations.giftsPerSec / rawTx.transactWritePerSec, 3) },
    },
    district,
    moduleInit: init.map((r) => ({ function: r.fn, bytes: r.bytes, cpuMs: round(r.cpuMs), wallMs: round(r.wallMs), importMs: round(r.importMs), ratio: round(r.ratio, 2), baseline: r.baseline })),
  };
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(result, null, 2) + '\n');

  const table = [
    '| measure | value |',
    '| --- | --- |',
    `| sign-ups/s through the API (${MEMBERS} members, ${IN_FLIGHT} in flight, ${CAPACITY} seats) | ${result.signupsPerSec} |`,
    `| raw emulator TransactWriteItems/s (2 actions, 50 in flight) | ${result.emulator.transactWritePerSec} |`,
    `| raw emulator TransactWriteItems/s, all on one hot item | ${result.emulator.transactWriteHotKeyPerSec} |`,
    `| raw emulator PutItem/s (50 in flight) | ${result.emulator.putItemPerSec} |`,
    `| **ratio: sign-ups/s ÷ raw transactions/s** | **${result.ratio.signupsToRawTransactions}** |`,
    `| ratio: sign-ups/s ÷ hot-item transactions/s | ${result.ratio.signupsToHotKeyTransactions} |`,
    `| sign-up latency p50 / p99 / max (ms) | ${result.latencyMs.p50} / ${result.latencyMs.p99} / ${result.latencyMs.max} |`,
    `| DynamoDB requests per sign-up, in the rush | ${result.dynamoRequestsPerSignup} |`,
    `| DynamoDB requests per sign-up, one at a time (${QUIET_CONFIRMED} confirmed, ${QUIET_WAITING} waitlisted) | ${result.dynamoRequestsPerQuietSignup} |`,
  ].join('\n');
  const worst = (rows: typeof init) => rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const small = init.filter((r) => !EXCELJS_FUNCTIONS.includes(r.fn) && !DOCX_FUNCTIONS.includes(r.fn));
  const xlsx = init.filter((r) => EXCELJS_FUNCTIONS.includes(r.fn));
  const docx = init.filter((r) => DOCX_FUNCTIONS.includes(r.fn));
  const slowest = init.filter((r) => r.awsSdk).reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const budgets = [
    '| budget | limit | measured |',
    '| --- | --- | --- |',
    `| DynamoDB requests per sign-up | ≤ 2 (one batched read, one transaction) | ${result.dynamoRequestsPerQuietSignup} one at a time; ${result.dynamoRequestsPerSignup} in the rush (conflicts and the waitlist count) |`,
    `| sign-ups/s ÷ raw transactions/s, same run | as high as it goes (0.127 before this design) | ${result.ratio.signupsToRawTransactions} |`,
    `| Lambda bundle, minified (largest: ${worst(small).fn}) | ≤ 150 KB | ${kb(worst(small).bytes)} |`,
    `| Lambda bundle with exceljs (largest: ${worst(xlsx).fn}) | ≤ 650 KB | ${kb(worst(xlsx).bytes)} |`,
    `| Lambda bundle with docx (${worst(docx).fn}) | ≤ 400 KB | ${kb(worst(docx).bytes)} |`,
    `| module init, CPU, worst ratio to the quickest (${slowest.fn}) | ≤ ${INIT_BUDGET_RATIO}× | ${slowest.ratio.toFixed(2)}× |`,
    `| 全区 rollup per school (${donations.rollup.schools} schools): DynamoDB requests / items read | ≤ 3 / ≤ 2 × schools + 4, never per gift | ${donations.rollup.dynamoRequests} / ${donations.rollup.itemsRead} |`,
    `| 全区 campaign read: DynamoDB requests / items read | ≤ 2 / ≤ 4 | ${donations.campaignRead.dynamoRequests} / ${donations.campaignRead.itemsRead} |`,
    districtBudgetRow(district),
    `| weapp main package | ≤ 400 KB | ${weapp.mainKb} KB |`,
    `| weapp, whole | ≤ 1,536 KB | ${weapp.totalKb} KB |`,
  ].join('\n');
  const doc = join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(doc, 'utf8');
  const lastRun = lastRunLine(result.date);
  writeFileSync(
    doc,
    text
      .replace(/<!-- budgets:start -->[\s\S]*<!-- budgets:end -->/, `<!-- budgets:start -->\n${lastRun}\n\n${budgets}\n<!-- budgets:end -->`)
      .replace(/<!-- rush:start -->[\s\S]*<!-- rush:end -->/, `<!-- rush:start -->\n${lastRun}\n\n${table}\n<!-- rush:end -->`)
      .replace(/<!-- ballots:start -->[\s\S]*<!-- ballots:end -->/, `<!-- ballots:start -->\n${ballotTable(ballots, result.emulator, lastRun)}\n<!-- ballots:end -->`)
      .replace(/<!-- donations:start -->[\s\S]*<!-- donations:end -->/, `<!-- donations:start -->\n${donationTable(donations, result.emulator, lastRun)}\n<!-- donations:end -->`)
      .replace(/<!-- district:start -->[\s\S]*<!-- district:end -->/, `<!-- district:start -->\n${districtTable(district, lastRun)}\n<!-- district:end -->`)
      .replace(/<!-- init:start -->[\s\S]*<!-- init:end -->/, `<!-- init:start -->\n${lastRun}\n\n${initTable(init)}\n<!-- init:end -->`),
  );
  console.log(budgets);
  console.log(table);
  console.log(initTable(init));
  if (!checkDistrictBudget(district)) process.exitCode = 1;
}

await main();
process.exit(0);
