import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canPromote } from '../../../shared/domain/events';
import { termOf } from '../../../shared/domain/term';
import { startLocalDynamo, type LocalDynamo } from '../../../local/dynamodb/index';
import { ensureTable } from '../../../local/stack';
import { modelSignups } from '../../../tests/models/signups';
import { Event, type EventItem } from '../../entities/event';
import type { MemberItem } from '../../entities/member';
import { TermTally, type TermTallyItem } from '../../entities/termTally';
import { getItem, queryAll, transact, type Commit } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { cancelEvent, checkIn, createEvent, undoCheckIn, updateEvent } from './manage';
import { getEvent, listRegistrations, loadSignupState } from './records';
import { cancelRegistration, changeRegistration, register } from './signup';

/**
 * Any interleaving of sign-ups and cancellations keeps the invariants, against the real
 * emulator and the real domain code: seats never exceed capacity, one registration per member,
 * counters agree with the records, and no seat stays free while the head of the waitlist fits.
 * The school's term tally agrees too (each run is its own school): the event held in the term of
 * its start unless cancelled, its confirmed members and check-ins, whatever raced with what.
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

let schools = 0;
const future = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
/** Next spring, another term than two days from now (the tests run in autumn or spring; either way it differs). */
const otherTerm = () => {
  const here = termOf(future(48));
  for (let d = 60; ; d += 30) if (termOf(future(24 * d)) !== here) return future(24 * d);
};

/** A new event of a school of its own, so the school's tally holds this event alone. */
async function freshEvent(capacity: number, maxFamily = 2): Promise<EventItem> {
  return createEvent({ orgId: `o${++schools}`, districtId: 'd1' }, { title: '春游', place: '东门', startsAt: future(48), signupClosesAt: future(24), capacity, maxFamily, options: [] }, 'm0');
}

/** The school's tallies of this term and of the other: [held, participations, checkedIn] each. */
async function tallies(e: EventItem) {
  const read = async (at: string) => {
    const t = await getItem<TermTallyItem>(TermTally.key({ orgId: e.orgId, term: termOf(at) }));
    return { term: termOf(at), figures: [t?.['events.held'] ?? 0, t?.['events.participations'] ?? 0, t?.['events.checkedIn'] ?? 0] };
  };
  return Promise.all([read(future(48)), read(otherTerm())]);
}

async function state(e: EventItem) {
  const regs = await listRegistrations(e.eventId);
  const seats = await queryAll<{ sk: string; type?: string; n?: number; confirmedSeats?: number; waitingCount?: number; memberId?: string; seats?: number }>({
    ...Event.queryPart(e.eventId),
    ConsistentRead: true,
  });
  const counters = seats.find((i) => i.type === 'seats')! as (typeof seats)[number] & { confirmedMembers: number; checkedInCount: number; term: string; cancelled: boolean };
  const waits = seats.filter((i) => i.type === 'wait');
  const bucketTotal = seats.filter((i) => i.type === undefined && i.n !== undefined).reduce((a, b) => a + (b.n ?? 0), 0);
  return { regs, counters, waits, bucketTotal };
}

type Move =
  | { op: 'register'; member: number; family: number }
  | { op: 'cancel'; member: number }
  | { op: 'change'; member: number; family: number }
  | { op: 'checkIn' | 'undoCheckIn'; member: number }
  | { op: 'cancelEvent' }
  | { op: 'move'; away: boolean };
/** `racing`: another move that commits between this one's read and its first commit (the window a real race needs). */
type Op = Move & { racing?: Move };
const opArb: fc.Arbitrary<Extract<Move, { op: 'register' | 'cancel' }>> = fc.oneof(
  fc.record({ op: fc.constant('register' as const), member: fc.integer({ min: 1, max: 8 }), family: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ op: fc.constant('cancel' as const), member: fc.integer({ min: 1, max: 8 }) }),
);

/** A commit that first lets `racing` run to the end (its own commits included), once. */
function racingCommit(e: EventItem, racing: Move | undefined): Commit | undefined {
  if (!racing) return undefined;
  let first = true;
  return async (items, options) => {
    if (first) {
      first = false;
      await run(e, racing);
    }
    return transact(items, options);
  };
}

async function act(e: EventItem, o: Op): Promise<unknown> {
  const commit = racingCommit(e, o.racing);
  switch (o.op) {
    case 'register':
      return register(e, member(o.member), { family: o.family, choices: {} }, await loadSignupState(e.eventId, `m${o.member}`), commit);
    case 'change':
      return changeRegistration(e, `m${o.member}`, { family: o.family }, undefined, commit);
    case 'cancel':
      return cancelRegistration(e, `m${o.member}`, undefined, commit);
    case 'checkIn':
    case 'undoCheckIn': {
      // As the handler does: the member's registration and the seat counters in one read, then the command.
      const { seats, mine } = await loadSignupState(e.eventId, `m${o.member}`);
      if (mine?.status !== 'confirmed') return;
      return o.op === 'checkIn' ? checkIn(e, mine, new Date().toISOString(), undefined, commit, seats) : undoCheckIn(e, mine, commit, seats);
    }
    case 'cancelEvent':
      return cancelEvent((await getEvent(e.eventId))!, commit);
    case 'move':
      return updateEvent((await getEvent(e.eventId))!, { startsAt: o.away ? otherTerm() : future(48) }, commit && (() => commit));
  }
}
/** Refusals (a party bigger than the event, no seat for more family, nothing to change, a cancelled event) are answers, not failures. */
function run(e: EventItem, o: Op): Promise<unknown> {
  return act(e, o).catch((err: unknown) => {
    if (!(err instanceof AppError && [400, 404, 409].includes(err.status))) throw err;
  });
}
const changeArb: fc.Arbitrary<Move> = fc.record({ op: fc.constant('change' as const), member: fc.integer({ min: 1, max: 8 }), family: fc.integer({ min: 0, max: 2 }) });
/** What the committee does meanwhile: check-ins and their undoing, moving the event to another term and back, cancelling it (rarely). */
const committeeArb: fc.Arbitrary<Move> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('checkIn' as const, 'undoCheckIn' as const), member: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), away: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancelEvent' as const) }) },
);
const moveArb = fc.oneof(opArb, opArb, changeArb, committeeArb);
/** Any move, a third of them with another racing into it. */
const racedArb: fc.Arbitrary<Op> = fc.tuple(moveArb, fc.option(moveArb, { freq: 3, nil: undefined })).map(([o, racing]) => (racing ? { ...o, racing } : o));

describe('event sign-up under any interleaving', () => {
  it('keeps every invariant when operations run concurrently in random batches', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(racedArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), async (capacity, batches) => {
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
        if (head && !counters.cancelled) expect(canPromote({ capacity, confirmedSeats: used, waitingCount: waits.length }, head.seats!)).toBe(false);
        // The event's share, on its counters and in its school's term tally, is what the records say.
        const checkedIn = regs.filter((r) => r.checkedInAt).length;
        expect(regs.filter((r) => r.checkedInAt && r.status !== 'confirmed')).toEqual([]);
        expect([counters.confirmedMembers, counters.checkedInCount]).toEqual([confirmed.length, checkedIn]);
        const event = (await getEvent(e.eventId))!;
        expect([counters.term, counters.cancelled]).toEqual([termOf(event.startsAt), event.cancelled]);
        for (const { term, figures } of await tallies(e)) {
          expect({ term, figures }).toEqual({ term, figures: !event.cancelled && term === termOf(event.startsAt) ? [1, confirmed.length, checkedIn] : [0, 0, 0] });
        }
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
        // The school's term tally: this event, and the model's confirmed members.
        expect((await tallies(e)).map((t) => t.figures)).toEqual([[1, model.confirmed.size, 0], [0, 0, 0]]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
