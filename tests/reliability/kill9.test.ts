import { describe, expect, it } from 'vitest';
import { client, startApi } from '../support/apiProcess';

/**
 * An answered write survives `kill -9` of the whole local stack: every request that got its
 * 2xx before the kill is found after a restart on the same DATA_DIR.
 */
describe('durability of the local stack', () => {
  it('keeps every acknowledged write through SIGKILL and restart', async () => {
    const first = await startApi();
    const call = client(first.url);
    const seeded = (await call('POST', '/dev/seed', { members: 10, delegates: 2 })).body;
    const token = (await call('POST', '/dev/login', { memberId: seeded.chair })).body.token as string;
    const chair = client(first.url, token);

    // Writes in flight while the process is killed: only the acknowledged ones must survive.
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const name = `组${w}-${i}`;
        try {
          const res = await chair('POST', `/orgs/${seeded.orgId}/groups`, { name });
          if (res.status === 201) acknowledged.push(name);
        } catch {
          return; // connection cut by the kill
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    await first.stop('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(20);

    // Restarted at once on the same data and the same ports, as a person (or a supervisor) would.
    const second = await startApi({ dataDir: first.dataDir, port: first.port, dynamoPort: first.dynamoPort });
    try {
      const fresh = client(second.url, (await client(second.url)('POST', '/dev/login', { memberId: seeded.chair })).body.token);
      const groups = (await fresh('GET', `/orgs/${seeded.orgId}/groups`)).body.groups as { name: string }[];
      const names = new Set(groups.map((g) => g.name));
      const lost = acknowledged.filter((n) => !names.has(n));
      expect(lost).toEqual([]);
      expect((await fresh('GET', '/me')).body.member.memberId).toBe(seeded.chair);
    } finally {
      await second.stop();
    }
  });
});
