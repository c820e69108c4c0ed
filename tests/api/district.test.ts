import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anon, as, ordinary, type School } from '../support/fixtures';
import { eventually, indexSettled } from '../support/eventually';
import { inHours } from '../support/time';

/**
 * 全区一日捐: the district union opens one campaign for all its schools. Members of every school
 * of the district give to it through the same routes; each school's treasurer confirms and rejects
 * their own school's gifts only; the district admin reads each school's counts, never a name.
 * Each test district is made here (seeded with its own id) so its rollup holds only its schools.
 */
type Call = Awaited<ReturnType<typeof as>>;
interface Person {
  memberId: string;
  name: string;
}
interface Gift {
  donationId: string;
  orgId: string;
  donorId: string;
  amountFen: number;
  anonymous: boolean;
  status: 'recorded' | 'confirmed' | 'rejected';
}

const tag = randomBytes(4).toString('hex');
const districtId = `dist-t-${tag}`;
const elsewhere = `dist-u-${tag}`;
const newId = () => `d-${randomBytes(9).toString('base64url')}`;

let schools: School[];
let away: School;
let admin: Call;
let names: Map<string, string>; // every member's name, of the three schools
let people: Map<string, Person[]>; // per school

async function seedIn(district: string, members: number): Promise<School> {
  const res = await anon()('POST', '/dev/seed', { members, delegates: 2, districtId: district });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as School;
}

async function openCampaign(over: Record<string, unknown> = {}) {
  const res = await admin('POST', `/districts/${districtId}/campaigns`, { title: '博爱一日捐', kind: 'day-pay', closesAt: inHours(48), goalFen: 10_000_000, ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { campaignId: string; districtWide: true };
}

beforeAll(async () => {
  schools = await Promise.all([seedIn(districtId, 12), seedIn(districtId, 12), seedIn(districtId, 12)]);
  away = await seedIn(elsewhere, 10);
  await indexSettled();
  admin = await as(schools[0]!.districtAdmin);
  names = new Map();
  people = new Map();
  for (const s of schools) {
    const list: Person[] = (await (await as(s.chair))('GET', `/orgs/${s.orgId}/members`)).body.members;
    people.set(s.orgId, list);
    for (const p of list) names.set(p.memberId, p.name);
  }
});

describe('a district-wide campaign', () => {
  it('the district admin opens it (201, 全区); nobody else may, nor the admin of another district', async () => {
    const c = await openCampaign();
    expect(c).toMatchObject({ districtWide: true, confirmedFen: 0, recordedFen: 0, donorCount: 0, state: 'open' });
    const body = { title: 'x', kind: 'other', closesAt: inHours(1) };
    expect((await (await as(schools[0]!.chair))('POST', `/districts/${districtId}/campaigns`, body)).status).toBe(403);
    const otherAdmin = await as(away.districtAdmin);
    expect((await otherAdmin('POST', `/districts/${districtId}/campaigns`, body)).status).toBe(403);
    expect((await admin('POST', `/districts/${districtId}/campaigns`, { ...body, kind: 'lottery' })).status).toBe(400);
    // The admin's list of district campaigns (an index read: after a lag).
    await eventually(async () => expect((await admin('GET', `/districts/${districtId}/campaigns`)).body.campaigns.map((x: { campaignId: string }) => x.campaignId)).toContain(c.campaignId));
    expect((await otherAdmin('GET', `/districts/${districtId}/campaigns`)).status).toBe(403);
  });

  it('every school of the district lists it beside its own campaigns; another district neither lists nor reads it', async () => {
    const c = await openCampaign({ title: '全区助学' });
    const own = (await (await as(schools[1]!.chair))('POST', `/orgs/${schools[1]!.orgId}/campaigns`, { title: '本校助学', kind: 'student-aid', closesAt: inHours(24) })).body.campaignId;
    for (const s of schools) {
      const member = await as(ordinary(s));
      await eventually(async () => {
        const list = (await member('GET', `/orgs/${s.orgId}/campaigns`)).body.campaigns;
        expect(list.find((x: { campaignId: string }) => x.campaignId === c.campaignId)).toMatchObject({ districtWide: true, school: { confirmedFen: 0, donorCount: 0 } });
        expect(list.some((x: { campaignId: string }) => x.campaignId === own)).toBe(s === schools[1]);
      });
      expect((await member('GET', `/campaigns/${c.campaignId}`)).body).toMatchObject({ campaignId: c.campaignId, districtWide: true });
    }
    const stranger = await as(ordinary(away));
    expect((await stranger('GET', `/orgs/${away.orgId}/campaigns`)).body.campaigns.map((x: { campaignId: string }) => x.campaignId)).not.toContain(c.campaignId);
    expect((await stranger('GET', `/campaigns/${c.campaignId}`)).status).toBe(403);
    expect((await stranger('POST', `/campaigns/${c.campaignId}/donations`, { donationId: newId(), amountFen: 100, anonymous: false })).status).toBe(403);
    expect((await (await as(away.treasurer))('GET', `/campaigns/${c.campaignId}/honor-roll`)).status).toBe(403);
  });

  it('gifts, confirmations and rejections across 3 schools: every total equals a recount of the records; the admin reads no name', async () => {
    const { campaignId } = await openCampaign({ title: '博爱一日捐（对账）' });
    const gifts: Gift[] = [];
    let n = 0;
    // Each school: most members give (some twice, some anonymously); the treasurer records cash for one.
    await Promise.all(
      schools.map(async (s, si) => {
        const members = people.get(s.orgId)!;
        const treasurer = await as(s.treasurer);
        for (const [i, p] of members.slice(0, 9 + si).entries()) {
          const caller = await as(p.memberId);
          const times = i % 4 === 0 ? 2 : 1;
          for (let k = 0; k < times; k++) {
            const g: Gift = { donationId: newId(), orgId: s.orgId, donorId: p.memberId, amountFen: 100 * (1 + ((n++ * 37) % 50)) + si, anonymous: i % 3 === 1, status: 'recorded' };
            const res = await caller('POST', `/campaigns/${campaignId}/donations`, { donationId: g.donationId, amountFen: g.amountFen, anonymous: g.anonymous });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            gifts.push(g);
          }
        }
        const cash: Gift = { donationId: newId(), orgId: s.orgId, donorId: members.at(-1)!.memberId, amountFen: 2000, anonymous: false, status: 'recorded' };
        const res = await treasurer('POST', `/campaigns/${campaignId}/donations`, { donationId: cash.donationId, amountFen: cash.amountFen, anonymous: false, memberId: cash.donorId });
        expect(res.status).toBe(201);
        gifts.push(cash);
        // …but not for a member of another school of the district.
        const otherSchool = schools[(si + 1) % 3]!;
        expect((await treasurer('POST', `/campaigns/${campaignId}/donations`, { donationId: newId(), amountFen: 100, anonymous: false, memberId: ordinary(otherSchool) })).status).toBe(403);
      }),
    );
    // Each treasurer confirms most of their school's gifts (one by one and in bulk), rejects a recorded one and a confirmed one.
    await Promise.all(
      schools.map(async (s) => {
        const treasurer = await as(s.treasurer);
        const mine = gifts.filter((g) => g.orgId === s.orgId);
        const [single, ...rest] = mine.slice(0, -3);
        expect((await treasurer('POST', `/donations/${single!.donationId}/confirm`)).body).toEqual({ status: 'confirmed' });
        single!.status = 'confirmed';
        const bulk = await treasurer('POST', `/campaigns/${campaignId}/donations/confirm`, { donationIds: rest.map((g) => g.donationId) });
        expect(bulk.body.results.every((r: { status: string }) => r.status === 'confirmed')).toBe(true);
        rest.forEach((g) => (g.status = 'confirmed'));
        const [recordedOne] = mine.slice(-3);
        expect((await treasurer('POST', `/donations/${recordedOne!.donationId}/reject`, { reason: '未收到现金' })).body).toEqual({ status: 'rejected' });
        recordedOne!.status = 'rejected';
        expect((await treasurer('POST', `/donations/${rest[0]!.donationId}/reject`, { reason: '重复登记' })).body).toEqual({ status: 'rejected' });
        rest[0]!.status = 'rejected';
      }),
    );

    // A treasurer never acts on another school's gift: 403 on its own route, not found in their bulk confirmation, unchanged.
    const [a, b] = schools as [School, School, School];
    const aRecorded = gifts.find((g) => g.orgId === a.orgId && g.status === 'recorded')!;
    const bTreasurer = await as(b.treasurer);
    for (const path of [`/donations/${aRecorded.donationId}/confirm`, `/donations/${aRecorded.donationId}/reject`]) {
      const res = await bTreasurer('POST', path, path.endsWith('reject') ? { reason: '试' } : undefined);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const bulk = await bTreasurer('POST', `/campaigns/${campaignId}/donations/confirm`, { donationIds: [aRecorded.donationId] });
    expect(bulk.body.results[0]).toMatchObject({ donationId: aRecorded.donationId, error: { code: 'NOT_FOUND' } });
    expect((await (await as(away.treasurer))('POST', `/donations/${aRecorded.donationId}/confirm`)).status).toBe(403);

    // The recount, per school, from the records the test made.
    const recount = (gs: Gift[]) => {
      const live = gs.filter((g) => g.status !== 'rejected');
      const confirmed = live.filter((g) => g.status === 'confirmed');
      const sum = (xs: Gift[]) => xs.reduce((t, g) => t + g.amountFen, 0);
      return { confirmedFen: sum(confirmed), recordedFen: sum(live), giftCount: live.length, confirmedCount: confirmed.length, donorCount: new Set(live.map((g) => g.donorId)).size };
    };
    const rollup = await admin('GET', `/districts/${districtId}/campaigns/${campaignId}/schools`);
    expect(rollup.status).toBe(200);
    expect(rollup.body.schools.map((x: { orgId: string }) => x.orgId).sort()).toEqual(schools.map((s) => s.orgId).sort());
    for (const s of schools) {
      const expected = recount(gifts.filter((g) => g.orgId === s.orgId));
      expect(rollup.body.schools.find((x: { orgId: string }) => x.orgId === s.orgId)).toEqual({ orgId: s.orgId, name: expect.any(String), ...expected });
      // The school's own view of the campaign, its treasurer's list and its honor roll tell the same.
      const treasurer = await as(s.treasurer);
      expect((await treasurer('GET', `/campaigns/${campaignId}`)).body.school).toEqual(expected);
      const list = (await treasurer('GET', `/campaigns/${campaignId}/donations`)).body.donations as { donationId: string; status: string }[];
      expect(list.map((d) => d.donationId).sort()).toEqual(gifts.filter((g) => g.orgId === s.orgId).map((g) => g.donationId).sort());
      expect(list.map((d) => [d.donationId, d.status]).sort()).toEqual(gifts.filter((g) => g.orgId === s.orgId).map((g) => [g.donationId, g.status]).sort());
      const roll = (await (await as(ordinary(s)))('GET', `/campaigns/${campaignId}/honor-roll`)).body;
      expect(roll.totalFen).toBe(expected.confirmedFen);
      expect(roll.entries).toHaveLength(expected.confirmedCount);
      const anonymousConfirmed = gifts.filter((g) => g.orgId === s.orgId && g.status === 'confirmed' && g.anonymous).length;
      expect(roll.entries.filter((e: { name: string }) => e.name === '匿名')).toHaveLength(anonymousConfirmed);
      // Per school: nobody of another school is on it.
      const others = gifts.filter((g) => g.orgId !== s.orgId && !g.anonymous).map((g) => names.get(g.donorId));
      expect(roll.entries.some((e: { name: string }) => others.includes(e.name))).toBe(false);
    }
    const district = recount(gifts);
    expect(rollup.body.campaign).toMatchObject({ campaignId, districtWide: true, ...district });
    const sumOf = (f: keyof typeof district) => rollup.body.schools.reduce((t: number, x: Record<string, number>) => t + x[f]!, 0);
    for (const f of Object.keys(district) as (keyof typeof district)[]) expect(sumOf(f), f).toBe(district[f]);

    // The district admin reads counts only: no name, no member id, no gift id anywhere they can reach.
    const seen = JSON.stringify([rollup.body, (await admin('GET', `/districts/${districtId}/campaigns`)).body]);
    for (const g of gifts) {
      expect(seen).not.toContain(names.get(g.donorId)!);
      expect(seen).not.toContain(g.donorId);
      expect(seen).not.toContain(g.donationId);
    }
    // The admin is staff of the district office, itself in the district: they read the campaign
    // (district totals), and its honor roll of the office's own part, with no school's names.
    const asAdmin = JSON.stringify([(await admin('GET', `/campaigns/${campaignId}`)).body, (await admin('GET', `/campaigns/${campaignId}/honor-roll`)).body]);
    expect(asAdmin).toContain(campaignId);
    for (const g of gifts) expect(asAdmin).not.toContain(names.get(g.donorId)!);
    for (const path of [`/campaigns/${campaignId}/donations`, `/campaigns/${campaignId}/donations.xlsx`]) {
      expect((await admin('GET', path)).status, path).toBe(403);
    }
  });

  it('the rollup: another district’s admin is refused; a school campaign or another district’s campaign is not found', async () => {
    const { campaignId } = await openCampaign({ title: '全区（权限）' });
    const otherAdmin = await as(away.districtAdmin);
    expect((await otherAdmin('GET', `/districts/${districtId}/campaigns/${campaignId}/schools`)).status).toBe(403);
    expect((await otherAdmin('GET', `/districts/${elsewhere}/campaigns/${campaignId}/schools`)).status).toBe(404);
    expect((await (await as(schools[0]!.chair))('GET', `/districts/${districtId}/campaigns/${campaignId}/schools`)).status).toBe(403);
    const own = (await (await as(schools[0]!.chair))('POST', `/orgs/${schools[0]!.orgId}/campaigns`, { title: '本校', kind: 'other', closesAt: inHours(2) })).body.campaignId;
    expect((await admin('GET', `/districts/${districtId}/campaigns/${own}/schools`)).status).toBe(404);
    // Before any gift: every school at zero.
    const empty = (await admin('GET', `/districts/${districtId}/campaigns/${campaignId}/schools`)).body;
    expect(empty.schools).toHaveLength(3);
    expect(empty.schools.every((x: { confirmedFen: number; donorCount: number }) => x.confirmedFen === 0 && x.donorCount === 0)).toBe(true);
  });

  it('closes for every school at once: past closesAt → 409 CAMPAIGN_CLOSED, nothing counted anywhere', async () => {
    const { campaignId } = await openCampaign({ closesAt: inHours(-1) });
    const res = await (await as(ordinary(schools[2]!)))('POST', `/campaigns/${campaignId}/donations`, { donationId: newId(), amountFen: 500, anonymous: false });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CAMPAIGN_CLOSED');
    const rollup = (await admin('GET', `/districts/${districtId}/campaigns/${campaignId}/schools`)).body;
    expect(rollup.campaign.recordedFen).toBe(0);
    expect(rollup.schools.every((x: { recordedFen: number }) => x.recordedFen === 0)).toBe(true);
  });
});
