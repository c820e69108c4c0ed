import { describe, expect, it } from 'vitest';
import { client, startApi } from '../support/apiProcess';
import { eventually } from '../support/eventually';

/**
 * A cancellation commits, then the head of the waitlist is promoted in a transaction of its own.
 * Kill the stack between the two: the next read of the event promotes the head, so no seat
 * stays free while someone who fits is waiting.
 */
describe('a crash between a cancellation and its promotion leaves nothing stuck', () => {
  it('promotes the waiting head at the next read after kill -9 and restart', async () => {
    const first = await startApi({ env: { TEST_PAUSE_AT: 'after-cancel-before-promote' } });
    const anon = client(first.url);
    const school = (await anon('POST', '/dev/seed', { members: 10, delegates: 0 })).body;
    const as = async (url: string, id: string) => client(url, (await client(url)('POST', '/dev/login', { memberId: id })).body.token);
    const [a, b] = school.members.slice(5) as string[];
    const chair = await as(first.url, school.chair);
    const future = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    const eventId = (await chair('POST', `/orgs/${school.orgId}/events`, { title: '观影', place: '礼堂', startsAt: future(48), signupClosesAt: future(24), capacity: 1 })).body.eventId;
    expect((await (await as(first.url, a!))('POST', `/events/${eventId}/registrations`, {})).body.status).toBe('confirmed');
    expect((await (await as(first.url, b!))('POST', `/events/${eventId}/registrations`, {})).body).toEqual({ status: 'waitlisted', position: 1 });

    const aFirst = await as(first.url, a!);
    const mine = async () => (await aFirst('GET', '/me/registrations')).body.registrations as unknown[];
    // 我的报名 reads an index: wait until it lists the sign-up, so that an empty list below means the cancellation.
    await eventually(async () => expect(await mine()).toHaveLength(1));
    // Never answered: the stack pauses after the cancellation commits (an answer means it did not get there).
    let answered: { status: number; body: unknown } | undefined;
    void aFirst('DELETE', `/events/${eventId}/registrations/me`).then((r) => (answered = { status: r.status, body: r.body }), () => undefined);
    // Wait until the cancellation has committed (我的报名 no longer lists it; that list never promotes).
    await eventually(async () => expect(await mine()).toEqual([]), { timeoutMs: 60_000 });
    expect(answered).toBeUndefined();
    await first.stop('SIGKILL');

    const second = await startApi({ dataDir: first.dataDir, port: first.port, dynamoPort: first.dynamoPort });
    try {
      const bNow = await as(second.url, b!);
      // Still waiting with the seat free: the crash caught it between the two transactions.
      expect((await bNow('GET', '/me/registrations')).body.registrations).toMatchObject([{ eventId, status: 'waitlisted' }]);
      const view = (await bNow('GET', `/events/${eventId}`)).body;
      expect(view.me).toMatchObject({ status: 'confirmed' });
      expect(view).toMatchObject({ confirmedSeats: 1, waitlistLength: 0 });
      const messages = (await bNow('GET', '/me/messages')).body.messages as { title: string }[];
      expect(messages.map((m) => m.title)).toContain('候补成功：观影');
    } finally {
      await second.stop();
    }
  }, 120_000);
});
