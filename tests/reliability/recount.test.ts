import { execFile } from 'node:child_process';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateTime } from '../../shared/domain/chinaTime';
import { addDays } from '../../shared/domain/care';
import { CampaignTotals } from '../../functions/entities/campaignTotals';
import { ROOT, client, startApi, type ApiProcess } from '../support/apiProcess';

/**
 * `npm run recount` against a local stack's table: OK while the report and the records agree, and
 * MISMATCH with exit code 1 once an aggregate is tampered with behind the app's back (the report
 * reads the campaign's totals item; the recount sums the gifts).
 */
let api: ApiProcess;
let orgId: string;
let campaignId: string;
const today = chinaDateTime(Date.now()).date;
const [from, to] = [addDays(today, -1), addDays(today, 30)];

function recount(): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--no-warnings', '--import', 'tsx', 'local/recount.ts', orgId, from, to], { cwd: ROOT, env: { ...process.env, DYNAMODB_PORT: String(api.dynamoPort), TABLE_NAME: 'staff-home' }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

beforeAll(async () => {
  api = await startApi();
  const anon = client(api.url);
  const school = (await anon('POST', '/dev/seed', { members: 12, delegates: 2 })).body;
  orgId = school.orgId;
  const as = async (memberId: string) => client(api.url, (await anon('POST', '/dev/login', { memberId })).body.token);
  const [chair, treasurer, giver] = await Promise.all([as(school.chair), as(school.treasurer), as(school.members.at(-1))]);
  campaignId = (await chair('POST', `/orgs/${orgId}/campaigns`, { title: '一日捐', kind: 'day-pay', closesAt: new Date(Date.now() + 48 * 3600_000).toISOString() })).body.campaignId;
  const gift = await giver('POST', `/campaigns/${campaignId}/donations`, { donationId: 'recount-gift-1', amountFen: 5000, anonymous: false });
  expect(gift.status).toBe(201);
  expect((await treasurer('POST', '/donations/recount-gift-1/confirm', {})).status).toBe(200);
  expect((await chair('POST', `/orgs/${orgId}/care-visits`, { memberId: school.members.at(-2), kind: 'illness', date: today, giftFen: 30000 })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('npm run recount', () => {
  it('prints every figure with its recount, OK, and exits 0 when they agree', async () => {
    // The school's index may lag the writes a moment (#12): ask again until the gift is in.
    let { code, out } = await recount();
    for (const until = Date.now() + 10_000; !/care\.giftFen\s+30000/.test(out) || !/confirmedFen\s+5000/.test(out); ) {
      if (Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 300));
      ({ code, out } = await recount());
    }
    expect(out).toMatch(/donations\.confirmedFen\s+5000\s+5000\s+OK/);
    expect(out).toMatch(/care\.giftFen\s+30000\s+30000\s+OK/);
    expect(out).not.toContain('MISMATCH');
    expect(code).toBe(0);
  }, 90_000);

  it('says MISMATCH and exits 1 when an aggregate no longer agrees with its records', async () => {
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: `http://127.0.0.1:${api.dynamoPort}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
    const key = CampaignTotals.key({ campaignId });
    await doc.send(new UpdateCommand({ TableName: 'staff-home', Key: key, UpdateExpression: 'SET confirmedFen = :f', ExpressionAttributeValues: { ':f': 5001 } }));
    const { code, out } = await recount();
    expect(out).toMatch(/donations\.confirmedFen\s+5001\s+5000\s+MISMATCH/);
    expect(code).toBe(1);
    const check = (await client(api.url)('GET', `/dev/orgs/${orgId}/recount?from=${from}&to=${to}`)).body;
    expect(check.ok).toBe(false);
  }, 90_000);
});
