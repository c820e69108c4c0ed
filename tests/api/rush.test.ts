import { describe, expect, it } from 'vitest';
import { client } from '../support/apiProcess';
import { anon, api, as } from '../support/fixtures';
import { pool } from '../support/pool';
import { inHours } from '../support/time';

/**
 * The spring outing opens and the whole school taps 报名 in the same minute:
 * 2,000 members, 300 seats, 200 requests in flight.
 */
describe('sign-up rush', () => {
  it('confirms exactly capacity, waitlists the rest in order, and promotes in order on cancellation', async () => {
    const seeded = (await anon()('POST', '/dev/seed', { members: 2000, delegates: 0 })).body as { orgId: string; chair: string; members: string[] };
    const chair = await as(seeded.chair);
    const eventId = (
      await chair('POST', `/orgs/${seeded.orgId}/events`, { title: '春游', place: '东门', startsAt: inHours(48), signupClosesAt: inHours(24), capacity: 300 })
    ).body.eventId as string;

    const tokens = await pool(seeded.members, 50, async (memberId) => (await anon()('POST', '/dev/login', { memberId })).body.token as string);
    const results = await pool(tokens, 200, async (token) => {
      const res = await client(api(), token)('POST', `/events/${eventId}/registrations`, {});
      return { status: res.status, body: res.body as { status: string; position?: number } };
    });

    const refused = results.filter((r) => r.status !== 201);
    expect(refused.slice(0, 3).map((r) => `${r.status} ${JSON.stringify(r.body)}`), `${refused.length} not 201`).toEqual([]);
    const confirmed = results.filter((r) => r.body.status === 'confirmed');
    const waiting = results.filter((r) => r.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(300);
    expect(waiting).toHaveLength(1700);
    expect(waiting.map((r) => r.body.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 1700 }, (_, i) => i + 1));

    const detail = (await chair('GET', `/events/${eventId}`)).body;
    expect(detail).toMatchObject({ capacity: 300, confirmedSeats: 300, waitlistLength: 1700 });
    const list = (await chair('GET', `/events/${eventId}/registrations`)).body;
    expect(list.confirmed).toHaveLength(300);
    expect(list.waitlist).toHaveLength(1700);

    // The waitlist's order is the order the positions were given.
    const byPosition = new Map<number, string>();
    results.forEach((r, i) => r.body.position && byPosition.set(r.body.position, seeded.members[i]!));
    expect(list.waitlist.slice(0, 50).map((w: { memberId: string }) => w.memberId)).toEqual(Array.from({ length: 50 }, (_, i) => byPosition.get(i + 1)));

    // 20 confirmed members cancel at once: positions 1..20 move up, in order, and nobody else.
    const leaving = results.map((r, i) => (r.body.status === 'confirmed' ? i : -1)).filter((i) => i >= 0).slice(0, 20);
    await pool(leaving, 20, async (i) => expect((await client(api(), tokens[i])('DELETE', `/events/${eventId}/registrations/me`)).status).toBe(200));
    const after = (await chair('GET', `/events/${eventId}/registrations`)).body;
    expect(after.confirmed).toHaveLength(300);
    expect(after.waitlist).toHaveLength(1680);
    const promoted = new Set(Array.from({ length: 20 }, (_, i) => byPosition.get(i + 1)));
    for (const id of promoted) expect(after.confirmed.some((c: { memberId: string }) => c.memberId === id)).toBe(true);
    expect(after.waitlist[0].memberId).toBe(byPosition.get(21));
    const next = results.findIndex((r) => r.body.position === 21);
    expect((await client(api(), tokens[next])('GET', `/events/${eventId}`)).body.me).toMatchObject({ status: 'waitlisted', position: 1 });
  }, 300_000);
});
