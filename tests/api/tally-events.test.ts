import { beforeAll, describe, expect, it } from 'vitest';
import { termOf } from '../../shared/domain/term';
import { eventually } from '../support/eventually';
import { as, seed, type School } from '../support/fixtures';
import { pool } from '../support/pool';
import { inHours } from '../support/time';

/**
 * The events' share of a school's term tally (区级汇总), through the real API: after each phase
 * (sign-ups, waitlist and promotion, cancellations, family, check-in and undo; an event cancelled
 * with people in it; an event moved to next term; a rush with cancellations racing it, and one with
 * the event's cancellation racing it) the tally equals the school's term report for every term
 * touched (GET /dev/orgs/{orgId}/tally-check), and holds the figures this story adds up to.
 *
 * The 'members.*' rows are left out here: the dev seed writes its members directly, without
 * the member counts (kept by the roster's commands, not the events').
 */
type Call = Awaited<ReturnType<typeof as>>;
interface Row {
  figure: string;
  report: number | null;
  recount: number | null;
  ok: boolean;
}

let school: School;
let chair: Call;
let call: Call[];
const here = termOf(inHours(20));
/** The first start, a month or more ahead, that falls in the next term. */
const nextTermHours = (() => {
  for (let d = 30; ; d += 10) if (termOf(inHours(24 * d)) !== here) return 24 * (d + 10);
})();
const there = termOf(inHours(nextTermHours));

const must = async (p: Promise<{ status: number; body: any }>, status = [200, 201]) => {
  const res = await p;
  expect(status, JSON.stringify(res.body)).toContain(res.status);
  return res.body;
};

/** The tally check of `term` is ok (the report's index reads may lag a write: asked again a while), and its events figures are these. */
async function tallyOk(term: string, events: { held: number; participations: number; checkedIn: number }) {
  await eventually(async () => {
    const res = await must(chair('GET', `/dev/orgs/${school.orgId}/tally-check?term=${term}`));
    const rows = res.rows as Row[];
    expect(rows.filter((r) => !r.ok), `${term}: failing rows`).toEqual([]);
    const kept = Object.fromEntries(rows.filter((r) => r.figure.startsWith('events.')).map((r) => [r.figure.slice('events.'.length), r.recount]));
    expect(kept, term).toEqual(events);
  });
}

const event = async (title: string, startsIn: number, capacity: number, maxFamily = 0) =>
  (await must(chair('POST', `/orgs/${school.orgId}/events`, { title, place: '学校操场', startsAt: inHours(startsIn), signupClosesAt: inHours(Math.min(startsIn - 2, 12)), capacity, maxFamily }))).eventId as string;
const signUp = (who: number, eventId: string, family = 0) => call[who]!('POST', `/events/${eventId}/registrations`, { family });
const leave = (who: number, eventId: string) => call[who]!('DELETE', `/events/${eventId}/registrations/me`);
const checkIn = (who: number, eventId: string) => chair('POST', `/events/${eventId}/checkins`, { memberId: school.members[who] });

beforeAll(async () => {
  school = await seed(40, 4);
  chair = await as(school.chair);
  call = await pool(school.members, 10, (id) => as(id));
}, 60_000);

describe('the events keep their term tally', () => {
  it('sign-ups, the waitlist and promotion, cancellations, family, check-in and undo', async () => {
    await tallyOk(here, { held: 0, participations: 0, checkedIn: 0 });
    // Four seats: 1 (+2 family) then 1 fill them; 2 and 3 wait.
    const e1 = await event('春季踏青', 20, 4, 2);
    expect((await must(signUp(1, e1, 2))).status).toBe('confirmed');
    expect((await must(signUp(4, e1))).status).toBe('confirmed');
    expect((await must(signUp(2, e1))).status).toBe('waitlisted');
    expect((await must(signUp(3, e1))).status).toBe('waitlisted');
    await must(signUp(2, e1)); // asked again: the same registration
    await tallyOk(here, { held: 1, participations: 2, checkedIn: 0 });
    // 4 leaves: 2 moves up. 1 brings no family after all: 3 moves up.
    await must(leave(4, e1));
    await must(call[1]!('PATCH', `/events/${e1}/registrations/me`, { family: 0 }));
    const list = await must(chair('GET', `/events/${e1}/registrations`));
    expect(list.confirmed.map((r: { memberId: string }) => r.memberId).sort()).toEqual([1, 2, 3].map((i) => school.members[i]).sort());
    await tallyOk(here, { held: 1, participations: 3, checkedIn: 0 });
    // 1 and 2 checked in (1 twice: the replay changes nothing), 2 taken back; 4 (left) cannot be.
    await must(checkIn(1, e1));
    expect((await must(checkIn(1, e1))).alreadyCheckedIn).toBe(true);
    await must(checkIn(2, e1));
    await must(chair('DELETE', `/events/${e1}/checkins/${school.members[2]}`));
    await must(chair('DELETE', `/events/${e1}/checkins/${school.members[2]}`)); // twice: nothing more
    await must(checkIn(4, e1), [409]);
    // A member checked in cannot cancel.
    await must(leave(1, e1), [409]);
    await tallyOk(here, { held: 1, participations: 3, checkedIn: 1 });
  }, 60_000);

  it('an event cancelled with people in it leaves the tally; what happens at it after counts nowhere', async () => {
    const e2 = await event('卡拉OK', 22, 5);
    for (const who of [5, 6, 7]) await must(signUp(who, e2));
    await must(checkIn(5, e2));
    await tallyOk(here, { held: 2, participations: 6, checkedIn: 2 });
    await must(chair('POST', `/events/${e2}/cancel`, {}));
    await must(chair('POST', `/events/${e2}/cancel`, {})); // twice: once out
    expect((await signUp(8, e2)).body.error.code).toBe('EVENT_CANCELLED');
    await must(checkIn(6, e2));
    await must(chair('DELETE', `/events/${e2}/checkins/${school.members[5]}`));
    await must(leave(7, e2));
    await tallyOk(here, { held: 1, participations: 3, checkedIn: 1 });
  }, 60_000);

  it('an event moved to next term takes its share with it', async () => {
    const e3 = await event('读书会', 72, 10);
    for (const who of [9, 10]) await must(signUp(who, e3));
    await tallyOk(here, { held: 2, participations: 5, checkedIn: 1 });
    await must(chair('PATCH', `/events/${e3}`, { startsAt: inHours(nextTermHours) }));
    await must(signUp(11, e3));
    await tallyOk(here, { held: 1, participations: 3, checkedIn: 1 });
    await tallyOk(there, { held: 1, participations: 3, checkedIn: 0 });
    // Moved within that term: nothing moves; its title changed: nothing either.
    await must(chair('PATCH', `/events/${e3}`, { startsAt: inHours(nextTermHours + 24), title: '读书分享会' }));
    await must(leave(9, e3));
    await tallyOk(there, { held: 1, participations: 2, checkedIn: 0 });
  }, 60_000);

  it('a rush with cancellations racing it, and one with the event cancelled in the middle of it', async () => {
    // Ten seats: three already in, then 30 others tap at once while the three leave.
    const e4 = await event('趣味运动会', 30, 10);
    const early = [12, 13, 14];
    for (const who of early) await must(signUp(who, e4));
    const crowd = Array.from({ length: 30 }, (_, i) => (15 + i) % school.members.length).filter((i) => !early.includes(i) && school.members[i] !== school.chair);
    const results = await Promise.all([...crowd.map((who) => signUp(who, e4)), ...early.map((who) => leave(who, e4))]);
    expect(results.filter((r) => r.status >= 300).map((r) => r.body)).toEqual([]);
    const after = await must(chair('GET', `/events/${e4}/registrations`));
    expect(after.confirmed).toHaveLength(10);
    await tallyOk(here, { held: 2, participations: 13, checkedIn: 1 });

    // Another ten seats: twenty tap at once and the committee cancels the event among them.
    const e5 = await event('观影', 30, 10);
    const rush = crowd.slice(0, 20).map((who) => signUp(who, e5));
    await new Promise((r) => setTimeout(r, 30));
    const [cancelled, ...answers] = await Promise.all([chair('POST', `/events/${e5}/cancel`, {}), ...rush]);
    expect(cancelled.status).toBe(200);
    expect(answers.filter((r) => r.status >= 300 && r.body.error?.code !== 'EVENT_CANCELLED').map((r) => r.body)).toEqual([]);
    await tallyOk(here, { held: 2, participations: 13, checkedIn: 1 });
  }, 120_000);
});
