import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../local/dynamodb/index';
import { ensureTable } from '../../local/stack';
import { dbStats } from '../lib/db';
import { issueSession } from '../lib/tokens';

/**
 * What a sign-up costs on DynamoDB, through the real handler pipeline: one batched read (the
 * session's member, the event, its seat counters, my registration) and one transaction.
 */
let dynamo: LocalDynamo;
let handler: (e: APIGatewayProxyEventV2) => Promise<{ statusCode?: number; body?: string }>;
let seed: { orgId: string; chair: string; members: string[] };

beforeAll(async () => {
  dynamo = await startLocalDynamo({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'cost-')) });
  Object.assign(process.env, { AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_REGION: 'local', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', TABLE_NAME: 'cost', LOG_LEVEL: 'ERROR' });
  await ensureTable(dynamo.endpoint, 'cost');
  handler = (await import('./events')).handler as never;
  seed = await (await import('../domain/seed')).seedSchool({ members: 12, delegates: 0 });
});
afterAll(() => dynamo.close());

const call = async (routeKey: string, path: Record<string, string>, memberId: string, body?: unknown) => {
  const res = await handler({
    routeKey,
    pathParameters: path,
    headers: { authorization: `Bearer ${await issueSession(memberId)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: { http: { method: routeKey.split(' ')[0]! }, requestId: 'test' },
  } as unknown as APIGatewayProxyEventV2);
  return { status: res.statusCode, body: JSON.parse(res.body ?? '{}') };
};

describe('what a sign-up costs', () => {
  it('confirmed, or waitlisted in a quiet queue, a sign-up is one batched read and one transaction; in a busy queue one query more', async () => {
    const future = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    const created = await call('POST /orgs/{orgId}/events', { orgId: seed.orgId }, seed.chair, { title: '春游', place: '东门', startsAt: future(48), signupClosesAt: future(24), capacity: 2 });
    expect(created.status).toBe(201);
    const eventId = created.body.eventId as string;
    const outcomes: { status: string; position?: number; requests: number }[] = [];
    // The last two arrive at clock readings of our choosing (however slow the machine): the fourth
    // after a quiet moment, the fifth 100 ms behind it, well within the busy window.
    let fourthAt = 0;
    for (const [i, memberId] of seed.members.slice(2, 7).entries()) {
      if (i === 3) {
        await new Promise((r) => setTimeout(r, 400)); // the queue grows quiet again
        fourthAt = Date.now();
      }
      const clock = i === 3 ? vi.spyOn(Date, 'now').mockReturnValue(fourthAt) : i === 4 ? vi.spyOn(Date, 'now').mockReturnValue(fourthAt + 100) : undefined;
      const before = dbStats.requests;
      const res = await call('POST /events/{eventId}/registrations', { eventId }, memberId, {}).finally(() => clock?.mockRestore());
      expect(res.status).toBe(201);
      outcomes.push({ ...res.body, requests: dbStats.requests - before });
    }
    expect(outcomes).toEqual([
      { status: 'confirmed', requests: 2 },
      { status: 'confirmed', requests: 2 },
      { status: 'waitlisted', position: 1, requests: 2 },
      { status: 'waitlisted', position: 2, requests: 2 },
      // Right behind another arrival: joins without insisting on the count, then counts its place.
      { status: 'waitlisted', position: 3, requests: 3 },
    ]);
  });
});

describe('a command commits its trace', () => {
  it('cancelling an event is one transaction: the change, its audit entry and the fan-out of its notices', async () => {
    const { db } = await import('../lib/db');
    const sent: { command: string; input: Record<string, unknown> }[] = [];
    db().middlewareStack.add(
      (next, context) => async (args) => {
        sent.push({ command: context.commandName as string, input: args.input as Record<string, unknown> });
        return next(args);
      },
      { step: 'initialize', name: 'captureForTest' },
    );
    try {
      const future = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
      const eventId = (await call('POST /orgs/{orgId}/events', { orgId: seed.orgId }, seed.chair, { title: '观影', place: '礼堂', startsAt: future(48), signupClosesAt: future(24), capacity: 5 })).body.eventId as string;
      await call('POST /events/{eventId}/registrations', { eventId }, seed.members[7]!, {});
      sent.length = 0;
      expect((await call('POST /events/{eventId}/cancel', { eventId }, seed.chair, {})).status).toBe(200);
      const writes = sent.filter((s) => !/Get|Query/.test(s.command));
      const [change, ...after] = writes;
      expect(change!.command).toBe('TransactWriteItemsCommand');
      const types = (change!.input.TransactItems as { Put?: { Item: { type?: string } }; Update?: unknown }[]).map((i) => i.Put?.Item.type ?? (i.Update ? 'update' : '?'));
      // The event, its seat counters, its share leaving the term tally, the notices, the audit entry.
      expect(types).toEqual(['update', 'update', 'update', 'fanout', 'audit']);
      const tally = (change!.input.TransactItems as { Update?: { Key: { sk: string }; ExpressionAttributeValues: Record<string, unknown> } }[])[2]!.Update!;
      expect(tally.Key.sk).toMatch(/^TALLY#/);
      expect(Object.values(tally.ExpressionAttributeValues)).toEqual(expect.arrayContaining([-1]));
      // What follows only expands the fan-out (messages and outbox entries with its progress), never a lone audit or notice write.
      for (const w of after) {
        expect(w.command).toBe('TransactWriteItemsCommand');
        const kinds = new Set((w.input.TransactItems as { Put?: { Item: { type?: string } } }[]).map((i) => i.Put?.Item.type ?? 'progress'));
        expect([...kinds].sort()).toEqual(['message', 'outbox', 'progress']);
      }
    } finally {
      db().middlewareStack.remove('captureForTest');
    }
  });
});
