import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/apiProcess';
import { routes, scheduledHandlers } from '../../local/serverlessConfig';
import { POLICY } from '../../shared/domain/policy';
import { DOCX_FUNCTIONS, EXCELJS_FUNCTIONS } from '../../bench/sizes';

/** Minified handler module per function, bytes. exceljs (.xlsx import and export) alone is ~450 KB. */
const BUNDLE_BUDGET = 150 * 1024;
const EXCELJS_BUNDLE_BUDGET = 650 * 1024;
/** The docx package with its zip library is ~235 KB: the draft report's function alone carries it. */
const DOCX_BUNDLE_BUDGET = 400 * 1024;

/** Uncompressed size of each file in a zip, from its central directory. */
function zipEntrySizes(zip: Buffer): Map<string, number> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); // end of central directory
  const sizes = new Map<string, number>();
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(at + 28);
    sizes.set(zip.toString('utf8', at + 46, at + 46 + nameLength), zip.readUInt32LE(at + 24));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return sizes;
}

/** The content of the zip's first entry whose name ends with `suffix` (stored or deflated). */
function zipEntryText(zip: Buffer, suffix: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength).endsWith(suffix)) {
      const [method, size, local] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt32LE(at + 42)];
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`no ${suffix} in the zip`);
}

/** `serverless package` for prod, offline, with dummy credentials: what a deploy would upload. */
describe('serverless package', () => {
  const out = mkdtempSync(join(tmpdir(), 'sls-'));
  execFileSync(join(ROOT, 'node_modules/.bin/serverless'), ['package', '--stage', 'prod', '--package', out], {
    cwd: ROOT,
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'dummy', AWS_SECRET_ACCESS_KEY: 'dummy', SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', TOKEN_SECRET: '' },
    stdio: 'pipe',
    timeout: 300_000,
  });
  const template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  const resources = Object.values(template.Resources) as { Type: string; Properties: any }[];

  it('bundles one zip per function', () => {
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip'));
    const functions = new Set([...routes().map((r) => r.handler), ...scheduledHandlers()].map((h) => h.split('/').at(-1)!.split('.')[0]!));
    expect(zips.sort()).toEqual([...functions].map((f) => `${f}.zip`).sort());
    for (const z of zips) expect(statSync(join(out, z)).size).toBeLessThan(5 * 1024 * 1024);
  });

  it('keeps every minified bundle within its budget', () => {
    const rows = readdirSync(out)
      .filter((f) => f.endsWith('.zip'))
      .map((zip) => {
        const fn = zip.slice(0, -'.zip'.length);
        const [, bytes] = [...zipEntrySizes(readFileSync(join(out, zip)))].find(([name]) => name.endsWith('.mjs'))!;
        const budget = EXCELJS_FUNCTIONS.includes(fn) ? EXCELJS_BUNDLE_BUDGET : DOCX_FUNCTIONS.includes(fn) ? DOCX_BUNDLE_BUDGET : BUNDLE_BUDGET;
        return { fn, bytes, zipped: statSync(join(out, zip)).size, budget };
      });
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    console.table(Object.fromEntries(rows.map((r) => [r.fn, { '.mjs (minified)': kb(r.bytes), zip: kb(r.zipped), budget: kb(r.budget) }])));
    expect(rows.filter((r) => r.bytes > r.budget).map((r) => `${r.fn}: ${kb(r.bytes)} > ${kb(r.budget)}`)).toEqual([]);
  });

  it('bundles into each function only what its routes use: health has no events code, events no spreadsheet', () => {
    const code = (fn: string) => zipEntryText(readFileSync(join(out, `${fn}.zip`)), '.mjs');
    const health = code('health');
    for (const marker of ['waitTail', 'confirmedSeats', '候补成功']) expect(health, marker).not.toContain(marker);
    const events = code('events');
    expect(events).toContain('waitTail'); // the markers are real: they are in the events bundle
    expect(events).not.toContain('sharedStrings'); // exceljs stays in eventExports
  });

  it('leaves the AWS SDK to the Lambda runtime', () => {
    const zip = readFileSync(join(out, 'health.zip'));
    expect(zip.length).toBeLessThan(300 * 1024);
  });

  it('routes every policy-table route, and nothing the policy table lacks', () => {
    const keys = routes().filter((r) => r.routeKey !== '$default').map((r) => r.routeKey).sort();
    expect(keys).toEqual(Object.keys(POLICY).sort());
    const apiRoutes = resources.filter((r) => r.Type === 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
    expect(apiRoutes).toContain('$default');
  });

  it('has one on-demand table with PITR, deletion protection in prod and its index', () => {
    const tables = resources.filter((r) => r.Type === 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const p = tables[0]!.Properties;
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
    expect(p.DeletionProtectionEnabled).toBe(true);
    expect(p.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName)).toEqual(['gsi1']);
  });

  it('gives each function a role with only the table actions its code uses: health none, audit and district read-only', () => {
    const byLogicalId = template.Resources as Record<string, { Type: string; Properties: any }>;
    const functions = Object.values(byLogicalId).filter((r) => r.Type === 'AWS::Lambda::Function');
    const actionsOf = (fn: { Properties: any }) => {
      const role = byLogicalId[fn.Properties.Role['Fn::GetAtt'][0]]!;
      return role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).flatMap((s: any) => [s.Action].flat()).filter((a: string) => a.startsWith('dynamodb:')).sort();
    };
    const granted = Object.fromEntries(functions.map((f) => [f.Properties.FunctionName.split('-').at(-1), actionsOf(f)]));
    const read = ['dynamodb:BatchGetItem', 'dynamodb:Query'];
    expect(granted).toEqual({
      health: [],
      fallback: [],
      dev: [], // answers 404 on every deployed stage before any read
      audit: read,
      district: read,
      report: read,
      reportExports: read,
      reportDraft: read,
      eventExports: read,
      donationExports: read,
      ballotExports: read,
      proposalExports: read,
      auth: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      me: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      roster: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      events: ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      donations: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      pay: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      aid: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      ballots: ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      care: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      notices: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      proposals: ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      jobs: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
    });
    const all = Object.values(byLogicalId).filter((r) => r.Type === 'AWS::IAM::Role').flatMap((r) => r.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).flatMap((s: any) => [s.Action].flat()));
    expect(all.filter((a: string) => /Scan|\*|Table$|CreateTable|DeleteTable/.test(a))).toEqual([]);
  });

  it('throttles the API stage (burst and rate)', () => {
    const stage = resources.find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!;
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingBurstLimit: expect.any(Number), ThrottlingRateLimit: expect.any(Number) });
  });
});
