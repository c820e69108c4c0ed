import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canPromote } from '../../../shared/domain/events';
import { startLocalDynamo, type LocalDynamo } from '../../../local/dynamodb/index';
import { ensureTable } from '../../../local/stack';
import { modelSignups } from '../../../tests/models/signups';
import { Event, type EventItem } from '../../entities/event';
import type { MemberItem } from '../../entities/member';
import { queryAll } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { createEvent } from './manage';
import { listRegistrations, loadSignupState } from './records';
import { cancelRegistration, changeRegistration, register } from './signup';

/**
 * Any interleaving of sign-ups and cancellations keeps the invariants, against the real
 * emulator and the real domain code: seats never exceed capacity, one registration per member,
 * counters agree with the records, and no seat stays free while the head of the waitlist fits.
 */
let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'events-prop-')) });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: 'events-prop',
    LOG_LEVEL: 'ERROR',
  });
  await ensureTable(dynamo.endpoint, 'events-prop');
});
afterAll(() => dynamo.close());

const member = (i: number): MemberItem =>
  ({ memberId: `m${i}`, orgId: 'o1', districtId: 'd1', name: `会员${i}`, groupId: 'g1', roles: [], retired: false, active: true }) as unknown as MemberItem;

async function freshEvent(capacity: number, maxFamily = 2): Promise<EventItem> {
  const future = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
  return createEvent({ orgId: 'o1', districtId: 'd1' }, { title: '春游', place: '东门', startsAt: future(48), signupClosesAt: future(24), capacity, maxFamily, options: [] }, 'm0');
}

async function state(e: EventItem) {
  const regs = await listRegistrations(e.eventId);
  const seats = await queryAll<{ sk: string; type?: string; n?: number; confirmedSeats?: number; waitingCount?: number; memberId?: string; seats?: number }>({
    ...Event.queryPart(e.eventId),
    ConsistentRead: true,
  });
  const counters = seats.find((i) => i.type === 'seats')!;
  const waits = seats.filter((i) => i.type === 'wait');
  const bucketTotal = seats.filter((i) => i.type === undefined && i.n !== undefined).reduce((a, b) => a + (b.n ?? 0), 0);
  return { regs, counters, waits, bucketTotal };
}

type Op = { op: 'register'; member: number; family: number } | { op: 'cancel'; member: number } | { op: 'change'; member: number; family: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('register' as const), member: fc.integer({ min: 1, max: 8 }), family: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ op: fc.constant('cancel' as const), member: fc.integer({ min: 1, max: 8 }) }),
);
/** Refusals (a party bigger than the event, no seat for more family, nothing to change) are answers, not failures. */
const run = async (e: EventItem, o: Op) =>
  (o.op === 'register'
    ? register(e, member(o.member), { family: o.family, choices: {} }, await loadSignupState(e.eventId, `m${o.member}`))
    : o.op === 'change'
      ? changeRegistration(e, `m${o.member}`, { family: o.family })
      : cancelRegistration(e, `m${o.member}`)
  ).catch((err: unknown) => {
    if (!(err instanceof AppError && [400, 404, 409].includes(err.status))) throw err;
  });
const changeArb: fc.Arbitrary<Op> = fc.record({ op: fc.constant('change' as const), member: fc.integer({ min: 1, max: 8 }), family: fc.integer({ min: 0, max: 2 }) });

describe('event sign-up under any interleaving', () => {
  it('keeps every invariant when operations run concurrently in random batches', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(fc.oneof(opArb, changeArb), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), async (capacity, batches) => {
        const e = await freshEvent(capacity);
        for (const batch of batches) await Promise.all(batch.map((o) => run(e, o)));
        const { regs, counters, waits, bucketTotal } = await state(e);
        expect(bucketTotal).toBe(waits.length);
        const live = regs.filter((r) => r.status !== 'cancelled');
        const confirmed = live.filter((r) => r.status === 'confirmed');
        const waitlisted = live.filter((r) => r.status === 'waitlisted');
        const used = confirmed.reduce((a, r) => a + r.seats, 0);
        expect(used).toBeLessThanOrEqual(capacity);
        expect(counters.confirmedSeats).toBe(used);
        expect(counters.waitingCount).toBe(waitlisted.length);
        expect(waits.map((w) => w.memberId).sort()).toEqual(waitlisted.map((r) => r.memberId).sort());
        expect(new Set(live.map((r) => r.memberId)).size).toBe(live.length);
        // Nobody waits while their seats are free: the head of the queue is served first.
        const head = waits[0];
        if (head) expect(canPromote({ capacity, confirmedSeats: used, waitingCount: waits.length }, head.seats!)).toBe(false);
      }),
      {
        numRuns: 25,
        // Found by this test: a family change racing a cancellation once freed the old seat count.
        examples: [[2, [[{ op: 'register', member: 3, family: 1 }, { op: 'cancel', member: 1 }], [{ op: 'change', member: 3, family: 0 }, { op: 'cancel', member: 3 }]]]],
      },
    );
  }, 120_000);

  it('run one at a time, matches the reference model exactly (order included)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(opArb, { minLength: 1, maxLength: 14 }), async (capacity, ops) => {
        const e = await freshEvent(capacity);
        for (const o of ops) await run(e, o);
        const model = modelSignups(
          capacity,
          ops.map((o) => (o.op === 'register' ? { op: 'register', member: `m${o.member}`, seats: 1 + o.family } : { op: 'cancel', member: `m${o.member}` })),
        );
        const { regs, waits } = await state(e);
        const confirmed = regs.filter((r) => r.status === 'confirmed').map((r) => r.memberId).sort();
        expect(confirmed).toEqual([...model.confirmed.keys()].sort());
        expect(waits.map((w) => w.memberId)).toEqual(model.waitlist.map((w) => w.member));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
