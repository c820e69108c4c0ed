import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startApi, type ApiProcess } from '../support/apiProcess';
import { pool } from '../support/pool';

/**
 * Nobody may learn how a person voted: not the chair, not a reader of the table, not a reader of
 * the logs. A whole ballot is held (the chair and committee vote too, so their votes are audited),
 * then EVERY item of the emulator's raw table, the server's whole log output (at DEBUG) and the
 * results workbook are searched for anything that joins a ballot paper to a voter.
 */
let api: ApiProcess;
let items: Record<string, unknown>[];
let members: { memberId: string; name: string }[];
let voters: string[];
let receipts: string[];
let ballotId: string;
let xlsxCells: string[];

const CANDIDATES = [
  { id: 'cand-a', name: '候选人甲' },
  { id: 'cand-b', name: '候选人乙' },
  { id: 'cand-c', name: '候选人丙' },
];
/** Distinctive answers: the election picks are ids nothing else in the product uses. */
const answersOf = (i: number) => ({
  q1: (['for', 'against', 'abstain'] as const)[i % 3],
  r1: (['excellent', 'competent', 'basic', 'incompetent'] as const)[i % 4],
  e1: i % 5 === 0 ? [] : [CANDIDATES[i % 3]!.id],
});

async function scanAll(endpoint: string): Promise<Record<string, unknown>[]> {
  const db = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const out: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: 'staff-home', ExclusiveStartKey }));
    out.push(...(page.Items ?? []).map((i) => unmarshall(i)));
    ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey;
  } while (ExclusiveStartKey);
  db.destroy();
  return out;
}

beforeAll(async () => {
  api = await startApi({ env: { LOG_LEVEL: 'DEBUG' } });
  const anon = client(api.url);
  const school = (await anon('POST', '/dev/seed', { members: 40, delegates: 12 })).body;
  const token = async (id: string) => (await anon('POST', '/dev/login', { memberId: id })).body.token as string;
  const chair = client(api.url, await token(school.chair));
  members = (await chair('GET', `/orgs/${school.orgId}/members`)).body.members;
  const created = await chair('POST', `/orgs/${school.orgId}/ballots`, {
    title: '第九届教代会第三次会议',
    electorate: 'members',
    questions: [
      { id: 'q1', text: '关于绩效工资分配方案的决议', kind: 'motion' },
      { id: 'r1', text: '对副校长的民主测评', kind: 'rating' },
      { id: 'e1', text: '增补工会委员', kind: 'election', seats: 1, candidates: CANDIDATES },
    ],
  });
  ballotId = created.body.ballotId;
  expect((await chair('POST', `/ballots/${ballotId}/open`, {})).status).toBe(200);
  // 30 of 40 vote, the chair and the committee among them.
  voters = [school.chair, ...school.committee, ...(school.members as string[]).filter((m) => m !== school.chair && !school.committee.includes(m))].slice(0, 30);
  receipts = await pool(voters, 10, async (id, i) => {
    const res = await client(api.url, await token(id))('POST', `/ballots/${ballotId}/votes`, { answers: answersOf(i) });
    expect(res.status).toBe(201);
    return res.body.receipt as string;
  });
  expect((await chair('POST', `/ballots/${ballotId}/close`, {})).status).toBe(200);
  const results = await chair('GET', `/ballots/${ballotId}/results`);
  expect(results.body.receipts).toEqual([...receipts].sort());
  const xlsx = await chair('GET', `/ballots/${ballotId}/results.xlsx`);
  expect(xlsx.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.raw);
  xlsxCells = wb.worksheets.flatMap((ws) => {
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    return cells;
  });
  items = await scanAll(`http://127.0.0.1:${api.dynamoPort}`);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const text = (x: unknown) => JSON.stringify(x, (_, v) => (v instanceof Set ? [...v] : v));
const TIMELIKE = /(^|[a-z])(at|At|time|Time|ts|date|Date|created|updated)$/;

describe('secret ballot: nothing joins a paper to its voter', () => {
  it('the table holds one anonymous paper per vote: key, receipt and answers only, no member id, no timestamp', () => {
    const papers = items.filter((i) => i.type === 'ballotPaper');
    expect(papers).toHaveLength(30);
    expect(papers.map((p) => p.receipt).sort()).toEqual([...receipts].sort());
    for (const p of papers) {
      expect(Object.keys(p).sort()).toEqual(['answers', 'pk', 'receipt', 'sk', 'type']);
      expect(Object.keys(p).some((k) => TIMELIKE.test(k))).toBe(false);
      const all = text(p);
      for (const m of members) expect(all).not.toContain(m.memberId);
      // The key holds no time: the receipt is 128 random bits, not a ULID or time-based UUID.
      expect(p.receipt).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('no other item holds a receipt or answers; each mark of a voter holds nothing but its key', () => {
    for (const item of items.filter((i) => i.type !== 'ballotPaper')) {
      const all = text(item);
      expect(item).not.toHaveProperty('answers');
      for (const r of receipts) expect(all, `${item.type} holds a receipt`).not.toContain(r);
      // Candidate ids are on the ballot itself (its questions), and nowhere else.
      if (item.type !== 'ballot') for (const c of CANDIDATES) expect(all).not.toContain(c.id);
    }
    const marks = items.filter((i) => i.type === 'voterMark');
    expect(marks).toHaveLength(30);
    for (const m of marks) expect(Object.keys(m).sort()).toEqual(['pk', 'sk', 'type']);
  });

  it('audit entries of the votes say only that the officer voted, in which ballot', () => {
    const audits = items.filter((i) => i.type === 'audit' && i.action === 'POST /ballots/{ballotId}/votes');
    expect(audits.length).toBe(5); // the chair, the treasurer and the three committee members are officers: traced
    for (const a of audits) {
      expect(a.detail).toEqual({ ballotId });
      expect(a.target).toEqual({ ballotId });
      for (const r of receipts) expect(text(a)).not.toContain(r);
      expect(text(a)).not.toMatch(/"(for|against|abstain|excellent|competent|basic|incompetent)"/);
    }
  });

  it('the server’s log output names no receipt, no choice and no voter', () => {
    const log = api.output();
    expect(log).toContain('POST /ballots/{ballotId}/votes'); // the log was written (DEBUG), so the search means something
    for (const r of receipts) expect(log).not.toContain(r);
    for (const c of CANDIDATES) expect(log).not.toContain(c.id);
    expect(log).not.toContain('answers');
    for (const v of voters) expect(log).not.toContain(v);
  });

  it('the results workbook has counts and receipts, and no member id or name', () => {
    expect(xlsxCells).toEqual(expect.arrayContaining([...receipts]));
    const all = xlsxCells.join('\n');
    for (const m of members) {
      expect(all).not.toContain(m.memberId);
      expect(xlsxCells).not.toContain(m.name);
    }
  });
});
