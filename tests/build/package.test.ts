import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/apiProcess';
import { routes, scheduledHandlers } from '../../local/serverlessConfig';
import { POLICY } from '../../shared/domain/policy';

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

  it('bundles one zip per function and reports their sizes', () => {
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip'));
    const functions = new Set([...routes().map((r) => r.handler), ...scheduledHandlers()].map((h) => h.split('/').at(-1)!.split('.')[0]!));
    expect(zips.sort()).toEqual([...functions].map((f) => `${f}.zip`).sort());
    const sizes = Object.fromEntries(zips.map((z) => [z, `${(statSync(join(out, z)).size / 1024).toFixed(1)} KB`]));
    console.log('bundle sizes (zipped, with source maps):', sizes);
    for (const z of zips) expect(statSync(join(out, z)).size).toBeLessThan(5 * 1024 * 1024);
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

  it('grants least privilege: item access on the table only, never Scan', () => {
    const role = resources.find((r) => r.Type === 'AWS::IAM::Role')!;
    const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
    const dynamo = statements.filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')));
    const actions = dynamo.flatMap((s: any) => s.Action);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.some((a: string) => a.includes('*'))).toBe(false);
    expect(actions.some((a: string) => /Table$|DeleteTable|CreateTable/.test(a))).toBe(false);
  });
});
