/**
 * The congress votes: 200 delegates tap 提交 at the same moment on one ballot (a motion and a
 * 民主测评), through the real API, next to the raw emulator's transaction rate in the same run.
 * Every vote is one transaction of four actions, all on the one ballot item's counter, so the
 * hot-item rate is the one to compare with. Then the chair closes it and the results are read:
 * one query of the ballot's partition. `npm run bench` runs this inside the sign-up run;
 * `npm run bench:ballots` runs it alone and rewrites only its section and its key.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastRunLine, rawTransactionRates, startBenchStack } from './stack';
import { dbStats } from '../functions/lib/db';
import { ROOT } from '../local/serverlessConfig';
import { pct, pool, round } from './stats';

export const DELEGATES = Number(process.env.BENCH_DELEGATES ?? 200);



export interface BallotStorm {
  delegates: number;
  votesPerSec: number;
  latencyMs: { p50: number; p99: number; max: number };
  dynamoRequestsPerVote: number;
  /** DynamoDB requests of GET /results: the request's one batched read and the papers' one query. */
  resultsDynamoRequests: number;
  resultsMs: number;
}

/** Runs the storm against a started stack (in this process: dbStats counts its DynamoDB requests). */
export async function ballotStorm(url: string, delegates = DELEGATES): Promise<BallotStorm> {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const school = (await call('POST', '/dev/seed', { members: delegates + 20, delegates })).body;
  const chair = (await call('POST', '/dev/login', { memberId: school.chair })).body.token as string;
  const questions = [
    { id: 'q1', text: '关于修订教职工考勤制度的决议', kind: 'motion' },
    { id: 'r1', text: '对校长的民主测评', kind: 'rating' },
  ];
  const { ballotId } = (await call('POST', `/orgs/${school.orgId}/ballots`, { title: '教代会表决', electorate: 'delegates', questions }, chair)).body;
  if ((await call('POST', `/ballots/${ballotId}/open`, {}, chair)).status !== 200) throw new Error('open failed');
  const tokens = await pool(school.delegates as string[], 50, async (memberId) => (await call('POST', '/dev/login', { memberId })).body.token as string);

  console.log(`ballot storm: ${delegates} delegates voting at once…`);
  const before = dbStats.requests;
  const started = performance.now();
  const results = await pool(tokens, delegates, async (token, i) => {
    const t0 = performance.now();
    const res = await call('POST', `/ballots/${ballotId}/votes`, { answers: { q1: ['for', 'against', 'abstain'][i % 3], r1: ['excellent', 'competent', 'basic', 'incompetent'][i % 4] } }, token);
    return { ms: performance.now() - t0, status: res.status };
  });
  const seconds = (performance.now() - started) / 1000;
  const requests = dbStats.requests - before;
  if (results.some((r) => r.status !== 201)) throw new Error(`ballot storm: ${results.filter((r) => r.status !== 201).length} votes refused`);
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);

  if ((await call('POST', `/ballots/${ballotId}/close`, {}, chair)).status !== 200) throw new Error('close failed');
  const resultsBefore = dbStats.requests;
  const t0 = performance.now();
  const outcome = (await call('GET', `/ballots/${ballotId}/results`, undefined, chair)).body;
  const resultsMs = performance.now() - t0;
  const resultsDynamoRequests = dbStats.requests - resultsBefore;
  const votedCount = (await call('GET', `/ballots/${ballotId}`, undefined, chair)).body.votedCount;
  if (outcome.ballotsCast !== delegates || outcome.receipts.length !== delegates || votedCount !== delegates) {
    throw new Error(`ballot storm broke an invariant: ${votedCount} voted, ${outcome.ballotsCast} cast, ${outcome.receipts.length} receipts`);
  }
  return {
    delegates,
    votesPerSec: round(delegates / seconds),
    latencyMs: { p50: round(pct(latencies, 50)), p99: round(pct(latencies, 99)), max: round(latencies.at(-1)!) },
    dynamoRequestsPerVote: round(requests / delegates, 2),
    resultsDynamoRequests,
    resultsMs: round(resultsMs),
  };
}

export function ballotTable(s: BallotStorm, raw: { transactWritePerSec: number; transactWriteHotKeyPerSec: number }, lastRun: string): string {
  return [
    lastRun,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| votes/s through the API (${s.delegates} delegates at once, one ballot) | ${s.votesPerSec} |`,
    `| raw emulator TransactWriteItems/s (2 actions, 50 in flight) | ${raw.transactWritePerSec} |`,
    `| raw emulator TransactWriteItems/s, all on one hot item | ${raw.transactWriteHotKeyPerSec} |`,
    `| **ratio: votes/s ÷ hot-item transactions/s** | **${round(s.votesPerSec / raw.transactWriteHotKeyPerSec, 3)}** |`,
    `| ratio: votes/s ÷ raw transactions/s | ${round(s.votesPerSec / raw.transactWritePerSec, 3)} |`,
    `| vote latency p50 / p99 / max (ms) | ${s.latencyMs.p50} / ${s.latencyMs.p99} / ${s.latencyMs.max} |`,
    `| DynamoDB requests per vote, in the storm | ${s.dynamoRequestsPerVote} |`,
    `| DynamoDB requests to read the results (${s.delegates} papers) | ${s.resultsDynamoRequests} (the request's batched read + one query), ${s.resultsMs} ms |`,
  ].join('\n');
}

/** `npm run bench:ballots`: the storm and the raw emulator alone; rewrites the ballots section and key. */
async function main() {
  process.env.STAGE ??= 'local';
  const stack = await startBenchStack();
  const storm = await ballotStorm(stack.url);
  console.log('raw emulator, same run…');
  const raw = await rawTransactionRates(stack.dynamoEndpoint);
  await stack.close();
  const date = new Date().toISOString();
  const lastRun = lastRunLine(date);
  const resultsPath = join(ROOT, 'bench/results.json');
  const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  results.ballots = { date, ...storm, emulator: raw, ratio: { votesToHotKeyTransactions: round(storm.votesPerSec / raw.transactWriteHotKeyPerSec, 3), votesToRawTransactions: round(storm.votesPerSec / raw.transactWritePerSec, 3) } };
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
  const doc = join(ROOT, 'BENCHMARKS.md');
  const table = ballotTable(storm, raw, lastRun);
  writeFileSync(doc, readFileSync(doc, 'utf8').replace(/<!-- ballots:start -->[\s\S]*<!-- ballots:end -->/, `<!-- ballots:start -->\n${table}\n<!-- ballots:end -->`));
  console.log(table);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
  process.exit(0);
}
