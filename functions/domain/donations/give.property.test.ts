import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../local/dynamodb/index';
import { ensureTable } from '../../../local/stack';
import { Campaign, type CampaignItem } from '../../entities/campaign';
import type { CampaignTotalsItem } from '../../entities/campaignTotals';
import type { DonationItem } from '../../entities/donation';
import type { MemberItem } from '../../entities/member';
import { getItem, queryAll } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { CampaignTotals } from '../../entities/campaignTotals';
import { CampaignSchoolTotals, type CampaignSchoolTotalsItem } from '../../entities/campaignSchoolTotals';
import { DonationRef, type DonationRefItem } from '../../entities/donationRef';
import { createCampaign } from './campaigns';
import { recordGift } from './give';
import { confirmGift, giftFacts, rejectGift } from './treasurer';
import { TermTally, type TermTallyItem } from '../../entities/termTally';
import { termOf } from '../../../shared/domain/term';

/**
 * Any interleaving of gifts, retries, confirmations and rejections, against the real emulator and
 * the real commands, keeps the campaign's totals item equal to a recount of its gifts, and counts
 * every gift once however often it is sent.
 */
let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'donations-prop-')) });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: 'donations-prop',
    LOG_LEVEL: 'ERROR',
  });
  await ensureTable(dynamo.endpoint, 'donations-prop');
});
afterAll(() => dynamo.close());

const member = (i: number) => ({ memberId: `m${i}`, name: `会员${i}`, groupId: 'g1' }) as MemberItem;

async function freshCampaign(): Promise<CampaignItem> {
  const closesAt = new Date(Date.now() + 3600_000).toISOString();
  return (await createCampaign({ orgId: `o-${Math.random().toString(36).slice(2)}`, districtId: 'd1' }, { title: '慈善一日捐', kind: 'day-pay', closesAt }, 'm0')).campaign;
}

/** A gift's body is drawn per op, so the same id may come back with another body (409 DUPLICATE_ID). */
type Op =
  | { op: 'give'; id: number; member: number; amountFen: number; anonymous: boolean; copies: number }
  | { op: 'confirm'; id: number }
  | { op: 'reject'; id: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('give' as const), id: fc.integer({ min: 1, max: 6 }), member: fc.integer({ min: 1, max: 4 }), amountFen: fc.constantFrom(1, 5000, 10_050), anonymous: fc.boolean(), copies: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('confirm' as const), id: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('reject' as const), id: fc.integer({ min: 1, max: 6 }) }),
);

const donationId = (i: number) => `gift-000${i}`;
const refused = (err: unknown) => {
  if (!(err instanceof AppError && err.status === 409)) throw err;
};

async function run(c: CampaignItem, o: Op, created: Map<string, number>) {
  const id = donationId(o.id);
  if (o.op === 'give') {
    const g = { campaign: c, donor: member(o.member), recorder: member(o.member), body: { donationId: id, amountFen: o.amountFen, anonymous: o.anonymous } };
    // `copies` identical requests at once: a retry storm.
    await Promise.all(
      Array.from({ length: o.copies }, () =>
        recordGift(g).then((r) => {
          if (r.created) created.set(id, (created.get(id) ?? 0) + 1);
        }, refused),
      ),
    );
    return;
  }
  const ref = await getItem<DonationRefItem>(DonationRef.key({ donationId: id }));
  if (!ref) return;
  const facts = await giftFacts(ref);
  await (o.op === 'confirm' ? confirmGift(facts) : rejectGift(facts, '未收到')).catch(refused);
}

/** A school's term tally for the term of a campaign's close. */
const tallyOf = async (orgId: string, c: CampaignItem) => (await getItem<TermTallyItem>(TermTally.key({ orgId, term: termOf(c.closesAt) }))) ?? ({} as Partial<TermTallyItem>);

async function recount(c: CampaignItem) {
  const items = await queryAll<Record<string, unknown>>({ ...Campaign.queryPart(c.campaignId, ''), ConsistentRead: true });
  const gifts = items.filter((i) => i.type === 'donation') as unknown as DonationItem[];
  const tallies = items.filter((i) => i.type === 'donorTally') as unknown as { sk: string; live: number }[];
  const totals = (await getItem<CampaignTotalsItem>(CampaignTotals.key(c)))!;
  return { gifts, tallies, totals };
}

describe('donation totals under any interleaving', () => {
  it('equal a recount of the gifts, and every gift counts once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(opArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), async (batches) => {
        const c = await freshCampaign();
        const created = new Map<string, number>();
        for (const batch of batches) await Promise.all(batch.map((o) => run(c, o, created)));
        const { gifts, tallies, totals } = await recount(c);
        const live = gifts.filter((g) => g.status !== 'rejected');
        const confirmed = gifts.filter((g) => g.status === 'confirmed');
        const sum = (gs: DonationItem[]) => gs.reduce((a, g) => a + g.amountFen, 0);
        expect(totals.recordedFen).toBe(sum(live));
        expect(totals.confirmedFen).toBe(sum(confirmed));
        expect(totals.giftCount).toBe(live.length);
        expect(totals.confirmedCount).toBe(confirmed.length);
        expect(totals.donorCount).toBe(new Set(live.map((g) => g.donorId)).size);
        for (const t of tallies) expect(t.live, t.sk).toBe(live.filter((g) => t.sk.endsWith(`#${g.donorId}`)).length);
        // The school's term tally (a fresh school per run) moved with every confirmation and rejection.
        const term = await tallyOf(c.orgId, c);
        expect(term['donations.confirmedFen'] ?? 0, 'term tally confirmedFen').toBe(sum(confirmed));
        expect(term['donations.campaigns'], 'term tally campaigns').toBe(1);
        // Counted once: each gift was created by exactly one request, however many were sent.
        expect([...created.keys()].sort()).toEqual(gifts.map((g) => g.donationId).sort());
        expect([...created.values()].every((n) => n === 1)).toBe(true);
      }),
      { numRuns: 30 },
    );
  }, 180_000);

  it('refuses a gift after closesAt, and another gift under a used id, counting neither', async () => {
    const c = await freshCampaign();
    const g = { campaign: c, donor: member(1), recorder: member(1), body: { donationId: 'gift-closed-1', amountFen: 100, anonymous: false } };
    await recordGift(g);
    await expect(recordGift({ ...g, body: { ...g.body, amountFen: 200 } })).rejects.toMatchObject({ code: 'DUPLICATE_ID' });
    await expect(recordGift({ ...g, donor: member(2), recorder: member(2) })).rejects.toMatchObject({ code: 'DUPLICATE_ID' });
    const { campaign: past } = await createCampaign({ orgId: c.orgId, districtId: 'd1' }, { title: '已截止', kind: 'other', closesAt: new Date(Date.now() - 1000).toISOString() }, 'm0');
    await expect(recordGift({ ...g, campaign: past, body: { ...g.body, donationId: 'gift-closed-2' } })).rejects.toMatchObject({ code: 'CAMPAIGN_CLOSED' });
    expect((await recount(past)).totals.recordedFen).toBe(0);
    expect((await recount(c)).totals).toMatchObject({ recordedFen: 100, giftCount: 1, donorCount: 1 });
  });

  it("a claim carries its campaign's close (no read to confirm); one written before the term tallies reads the campaign", async () => {
    const c = await freshCampaign();
    await recordGift({ campaign: c, donor: member(1), recorder: member(1), body: { donationId: 'gift-legacy-1', amountFen: 250, anonymous: false } });
    const ref = (await getItem<DonationRefItem>(DonationRef.key({ donationId: 'gift-legacy-1' })))!;
    expect(ref.closesAt).toBe(c.closesAt);
    const { closesAt: _, ...legacy } = ref;
    const facts = await giftFacts(legacy);
    expect(facts).toMatchObject({ closesAt: c.closesAt, orgId: c.orgId, amountFen: 250 });
    await confirmGift(facts);
    expect((await tallyOf(c.orgId, c))['donations.confirmedFen']).toBe(250);
    await expect(giftFacts({ ...legacy, campaignId: 'c-gone' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

/**
 * A 全区 campaign: members of three schools give at once; the district's totals AND each school's
 * totals item equal a recount of that school's gifts, and the schools add up to the district.
 */
describe('district-wide campaign totals under any interleaving', () => {
  const SCHOOLS = ['o-s0', 'o-s1', 'o-s2'];
  const inSchool = (i: number) => ({ memberId: `dm${i}`, name: `会员${i}`, groupId: 'g1', orgId: SCHOOLS[i % 3]! }) as MemberItem;
  const distOp: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('give' as const), id: fc.integer({ min: 1, max: 8 }), member: fc.integer({ min: 0, max: 5 }), amountFen: fc.constantFrom(1, 5000, 10_050), anonymous: fc.boolean(), copies: fc.integer({ min: 1, max: 2 }) }),
    fc.record({ op: fc.constant('confirm' as const), id: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant('reject' as const), id: fc.integer({ min: 1, max: 8 }) }),
  );

  it('the district total and every school total equal a recount of the gifts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(distOp, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), async (batches) => {
        const closesAt = new Date(Date.now() + 3600_000).toISOString();
        const { campaign: c } = await createCampaign({ orgId: 'o-office', districtId: 'd1' }, { title: '博爱一日捐', kind: 'day-pay', closesAt }, 'm0', undefined, true);
        const idOf = (i: number) => `${c.campaignId}-g${i}`; // ids are unique across runs (their claim is global)
        // The schools' term tallies before (the schools are the same from run to run).
        const before = await Promise.all([...SCHOOLS, 'o-office'].map((orgId) => tallyOf(orgId, c)));
        const step = async (o: Op) => {
          const id = idOf(o.id);
          if (o.op === 'give') {
            const who = inSchool(o.member);
            const g = { campaign: c, donor: who, recorder: who, body: { donationId: id, amountFen: o.amountFen, anonymous: o.anonymous } };
            await Promise.all(Array.from({ length: o.copies }, () => recordGift(g).catch(refused)));
            return;
          }
          const ref = await getItem<DonationRefItem>(DonationRef.key({ donationId: id }));
          if (!ref) return;
          const facts = await giftFacts(ref);
          await (o.op === 'confirm' ? confirmGift(facts) : rejectGift(facts, '未收到')).catch(refused);
        };
        for (const batch of batches) await Promise.all(batch.map(step));
        const { gifts, totals } = await recount(c);
        const counts = (gs: DonationItem[]) => {
          const live = gs.filter((g) => g.status !== 'rejected');
          const confirmed = live.filter((g) => g.status === 'confirmed');
          const sum = (xs: DonationItem[]) => xs.reduce((a, g) => a + g.amountFen, 0);
          return { recordedFen: sum(live), confirmedFen: sum(confirmed), giftCount: live.length, confirmedCount: confirmed.length, donorCount: new Set(live.map((g) => g.donorId)).size };
        };
        expect(totals).toMatchObject(counts(gifts));
        for (const orgId of SCHOOLS) {
          const mine = gifts.filter((g) => g.orgId === orgId);
          expect(mine.every((g) => g.sk.includes(orgId)), 'a school’s gifts are keyed by school').toBe(true);
          const school = await getItem<CampaignSchoolTotalsItem>(CampaignSchoolTotals.key({ campaignId: c.campaignId, orgId }));
          if (!mine.length) expect(school).toBeUndefined();
          else expect(school, orgId).toMatchObject(counts(mine));
        }
        // Each school's term tally moved by its own confirmed gifts; the district office's counts no 全区 campaign.
        const after = await Promise.all([...SCHOOLS, 'o-office'].map((orgId) => tallyOf(orgId, c)));
        SCHOOLS.forEach((orgId, i) =>
          expect((after[i]!['donations.confirmedFen'] ?? 0) - (before[i]!['donations.confirmedFen'] ?? 0), `${orgId} term tally`).toBe(counts(gifts.filter((g) => g.orgId === orgId)).confirmedFen),
        );
        expect(after[3]!['donations.campaigns'] ?? 0, 'a 全区 campaign is not counted per school').toBe(0);
        // Each gift belongs to its donor's school.
        expect(gifts.every((g) => g.orgId === inSchool(Number(g.donorId.slice(2))).orgId)).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
