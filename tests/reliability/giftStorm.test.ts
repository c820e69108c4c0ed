import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { client, startApi } from '../support/apiProcess';

/**
 * 一日捐 under a storm of gifts, killed with `kill -9`: every gift whose 201 came back before the
 * kill is there after a restart, the campaign's totals item still equals a recount of the gifts
 * (a gift in flight at the kill is all in or all out), and resending an acknowledged gift with its
 * donationId counts nothing twice.
 */
describe('a storm of gifts through kill -9', () => {
  it('loses no acknowledged gift, keeps the totals equal to a recount, and a retried gift counts once', async () => {
    const first = await startApi();
    const anon = client(first.url);
    const school = (await anon('POST', '/dev/seed', { members: 40, delegates: 0 })).body;
    const login = async (url: string, id: string) => client(url, (await client(url)('POST', '/dev/login', { memberId: id })).body.token);
    const chair = await login(first.url, school.chair);
    const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const { campaignId } = (await chair('POST', `/orgs/${school.orgId}/campaigns`, { title: '慈善一日捐', kind: 'day-pay', closesAt })).body as { campaignId: string };
    const givers = await Promise.all((school.members as string[]).slice(0, 20).map((id) => login(first.url, id)));

    const acknowledged = new Map<string, number>();
    const bodies = new Map<string, { donationId: string; amountFen: number; anonymous: boolean }>();
    let stop = false;
    const storm = givers.map(async (give) => {
      while (!stop) {
        const gift = { donationId: `storm-${randomBytes(6).toString('hex')}`, amountFen: 100 + Math.floor(Math.random() * 9_900), anonymous: Math.random() < 0.3 };
        try {
          const res = await give('POST', `/campaigns/${campaignId}/donations`, gift);
          if (res.status === 201) {
            acknowledged.set(gift.donationId, gift.amountFen);
            bodies.set(gift.donationId, gift);
          }
        } catch {
          return; // the kill cut the connection
        }
      }
    });
    await new Promise((r) => setTimeout(r, 2000));
    await first.stop('SIGKILL');
    stop = true;
    await Promise.all(storm);
    expect(acknowledged.size).toBeGreaterThan(20);

    const second = await startApi({ dataDir: first.dataDir, port: first.port, dynamoPort: first.dynamoPort });
    try {
      const treasurer = await login(second.url, school.treasurer);
      const listed = (await treasurer('GET', `/campaigns/${campaignId}/donations`)).body.donations as { donationId: string; amountFen: number; status: string; memberId: string }[];
      const found = new Map(listed.map((d) => [d.donationId, d.amountFen]));
      const lost = [...acknowledged].filter(([id, fen]) => found.get(id) !== fen);
      expect(lost).toEqual([]);

      const recount = async () => {
        const gifts = (await treasurer('GET', `/campaigns/${campaignId}/donations`)).body.donations as { amountFen: number; status: string; memberId: string }[];
        const kept = gifts.filter((g) => g.status !== 'rejected');
        return { recordedFen: kept.reduce((n, g) => n + g.amountFen, 0), giftCount: kept.length, donorCount: new Set(kept.map((g) => g.memberId)).size };
      };
      const totals = async () => {
        const c = (await treasurer('GET', `/campaigns/${campaignId}`)).body as { recordedFen: number; giftCount: number; donorCount: number };
        return { recordedFen: c.recordedFen, giftCount: c.giftCount, donorCount: c.donorCount };
      };
      expect(await totals()).toEqual(await recount());

      // The phone that never heard back sends its gift again: counted once.
      const body = [...bodies.values()].at(-1)!;
      const giver = listed.find((d) => d.donationId === body.donationId)!.memberId;
      const again = await (await login(second.url, giver))('POST', `/campaigns/${campaignId}/donations`, body);
      expect(again.status).toBe(200);
      expect(await totals()).toEqual(await recount());
    } finally {
      await second.stop();
    }
  }, 120_000);
});
