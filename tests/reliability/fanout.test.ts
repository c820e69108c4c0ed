import { describe, expect, it } from 'vitest';
import { client, startApi } from '../support/apiProcess';

/**
 * Cancelling an event with 300 registrants commits the cancellation and one fan-out record in
 * one transaction; the notices are then written a chunk at a time. Kill the whole stack in the
 * middle of that, restart it: every registrant still ends up with exactly one notice.
 */
async function pool<T>(items: T[], n: number, task: (t: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}
const until = async (what: string, check: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('notices to many survive a crash mid-way', () => {
  it('tells every registrant of a cancelled event exactly once across kill -9 and restart', async () => {
    // The stack stops expanding after two chunks (98 notices), as a crash would catch it.
    const first = await startApi({ env: { TEST_PAUSE_AT: 'fanout-after-2-chunks' } });
    const anon = client(first.url);
    const school = (await anon('POST', '/dev/seed', { members: 300, delegates: 0 })).body;
    const tokens = new Map<string, string>();
    await pool(school.members as string[], 25, async (id) => tokens.set(id, (await anon('POST', '/dev/login', { memberId: id })).body.token));
    const chair = client(first.url, tokens.get(school.chair));
    const future = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    const eventId = (await chair('POST', `/orgs/${school.orgId}/events`, { title: '秋游', place: '西门', startsAt: future(72), signupClosesAt: future(48), capacity: 300 })).body.eventId;
    await pool(school.members as string[], 25, async (id) => expect((await client(first.url, tokens.get(id))('POST', `/events/${eventId}/registrations`, {})).status).toBe(201));

    const outbox = async (url: string) => ((await client(url)('GET', `/dev/orgs/${school.orgId}/outbox`)).body.messages as { memberId: string; kind: string }[]).filter((m) => m.kind === 'eventCancelled');
    void chair('POST', `/events/${eventId}/cancel`, {}).catch(() => undefined); // never answered: the stack dies first
    await until('the first chunks', async () => (await outbox(first.url)).length >= 98);
    const before = (await outbox(first.url)).length;
    await first.stop('SIGKILL');
    expect(before).toBeLessThan(300);

    const second = await startApi({ dataDir: first.dataDir, port: first.port, dynamoPort: first.dynamoPort, env: { LOCAL_SCHEDULE_MS: '200' } });
    try {
      await until('every notice', async () => (await outbox(second.url)).length >= 300);
      const told = await outbox(second.url);
      expect(told).toHaveLength(300);
      expect(new Set(told.map((m) => m.memberId)).size).toBe(300);
      expect(new Set(told.map((m) => m.memberId))).toEqual(new Set(school.members));
      // In the app too: one 活动取消 message each, for the first told and the last.
      for (const id of [school.members[0], school.members[299]] as string[]) {
        const token = (await client(second.url)('POST', '/dev/login', { memberId: id })).body.token;
        const messages = (await client(second.url, token)('GET', '/me/messages')).body.messages as { title: string }[];
        expect(messages.filter((m) => m.title === '活动取消：秋游')).toHaveLength(1);
      }
      expect((await client(second.url, tokens.get(school.chair))('GET', `/events/${eventId}`)).body.cancelled).toBe(true);
    } finally {
      await second.stop();
    }
  }, 180_000);
});
