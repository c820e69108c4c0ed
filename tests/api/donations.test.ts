import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, ordinary, seed, type School } from '../support/fixtures';
import { inHours } from '../support/time';
import { readXlsx } from '../support/xlsx';
import { eventually, indexSettled } from '../support/eventually';

type Call = Awaited<ReturnType<typeof as>>;
interface Person {
  memberId: string;
  name: string;
  groupId: string;
}

let school: School;
let other: School;
let chair: Call;
let treasurer: Call;
let people: Person[];
/** A group leader, a member of their group and a member of another group (none of them officers). */
let leader: Person;
let groupMate: Person;
let outsider: Person;

const newId = () => `d-${randomBytes(9).toString('base64url')}`;
const gift = (over: Record<string, unknown> = {}) => ({ donationId: newId(), amountFen: 5000, anonymous: false, ...over });
const person = (id: string) => people.find((p) => p.memberId === id)!;

async function newCampaign(over: Record<string, unknown> = {}) {
  const res = await chair('POST', `/orgs/${school.orgId}/campaigns`, { title: '慈善一日捐', kind: 'day-pay', closesAt: inHours(48), ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.campaignId as string;
}
const totals = async (campaignId: string) => {
  const { confirmedFen, recordedFen, donorCount } = (await chair('GET', `/campaigns/${campaignId}`)).body;
  return { confirmedFen, recordedFen, donorCount };
};

beforeAll(async () => {
  [school, other] = await Promise.all([seed(30, 6), seed(10, 2)]);
  [chair, treasurer] = await Promise.all([as(school.chair), as(school.treasurer)]);
  people = (await chair('GET', `/orgs/${school.orgId}/members`)).body.members;
  // Plain members, none of them ordinary(school) (other tests give as that one), each with a name nobody else has.
  const busy = new Set([school.chair, school.treasurer, ...school.committee, ...school.groupLeaders, ...school.delegates, ordinary(school)]);
  const plain = people.filter((p) => !busy.has(p.memberId) && people.filter((q) => q.name === p.name).length === 1);
  leader = person(school.groupLeaders.find((id) => id !== school.chair && id !== school.treasurer && !school.committee.includes(id) && plain.some((p) => p.groupId === person(id).groupId))!);
  groupMate = plain.find((p) => p.groupId === leader.groupId)!;
  outsider = plain.find((p) => p.groupId !== leader.groupId)!;
});

describe('campaigns', () => {
  it('the committee opens one (201); members read it and the school’s list; others may not open one', async () => {
    const res = await chair('POST', `/orgs/${school.orgId}/campaigns`, { title: '金秋助学', kind: 'student-aid', closesAt: inHours(24), goalFen: 500_000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ campaignId: expect.any(String), title: '金秋助学', kind: 'student-aid', goalFen: 500_000, confirmedFen: 0, recordedFen: 0, donorCount: 0, state: 'open' });
    const member = await as(ordinary(school));
    expect((await member('GET', `/campaigns/${res.body.campaignId}`)).body).toMatchObject({ campaignId: res.body.campaignId, confirmedFen: 0, recordedFen: 0, donorCount: 0 });
    // The school's list reads gsi1, which shows a new campaign after a lag.
    await eventually(async () => {
      const list = (await member('GET', `/orgs/${school.orgId}/campaigns`)).body.campaigns;
      expect(list.map((c: { campaignId: string }) => c.campaignId)).toContain(res.body.campaignId);
    });
    expect((await member('POST', `/orgs/${school.orgId}/campaigns`, { title: 'x', kind: 'other', closesAt: inHours(1) })).status).toBe(403);
    expect((await treasurer('POST', `/orgs/${school.orgId}/campaigns`, { title: 'x', kind: 'other', closesAt: inHours(1) })).status).toBe(403);
  });

  it('refuses bad bodies with 400', async () => {
    for (const bad of [{ kind: 'lottery' }, { goalFen: 10.5 }, { goalFen: '100' }, { closesAt: 'tomorrow' }, { title: '' }, { extra: 1 }]) {
      const res = await chair('POST', `/orgs/${school.orgId}/campaigns`, { title: '一日捐', kind: 'other', closesAt: inHours(1), ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('INVALID_INPUT');
    }
  });
});

describe('giving', () => {
  it('records (201), counts in recordedFen, then confirmedFen once the treasurer confirms; confirming twice changes nothing', async () => {
    const campaignId = await newCampaign();
    const member = await as(groupMate.memberId);
    const body = gift({ amountFen: 5005 });
    const res = await member('POST', `/campaigns/${campaignId}/donations`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ donationId: body.donationId, status: 'recorded', amountFen: 5005, anonymous: false, campaignId });
    expect(await totals(campaignId)).toEqual({ confirmedFen: 0, recordedFen: 5005, donorCount: 1 });
    for (let i = 0; i < 2; i++) {
      const confirmed = await treasurer('POST', `/donations/${body.donationId}/confirm`);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ status: 'confirmed' });
      expect(await totals(campaignId)).toEqual({ confirmedFen: 5005, recordedFen: 5005, donorCount: 1 });
    }
    // 我的捐款 reads gsi1: the treasurer's confirmation shows there after a lag.
    await eventually(async () => {
      expect((await member('GET', '/me/donations')).body.donations.find((d: { donationId: string }) => d.donationId === body.donationId)?.status).toBe('confirmed');
    });
  });

  it('the same donationId with the same body → 200 with the same donation, counted once; another body → 409 DUPLICATE_ID', async () => {
    const campaignId = await newCampaign();
    const member = await as(ordinary(school));
    const body = gift();
    const first = await member('POST', `/campaigns/${campaignId}/donations`, body);
    const again = await member('POST', `/campaigns/${campaignId}/donations`, body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    for (const change of [{ amountFen: 5001 }, { anonymous: true }]) {
      const res = await member('POST', `/campaigns/${campaignId}/donations`, { ...body, ...change });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('DUPLICATE_ID');
    }
    // Another member who sends the same id (the same JSON even) gives a different gift: refused, and learns nothing of it.
    const stranger = await (await as(outsider.memberId))('POST', `/campaigns/${campaignId}/donations`, body);
    expect(stranger.status).toBe(409);
    expect(stranger.body.error.code).toBe('DUPLICATE_ID');
    expect(JSON.stringify(stranger.body)).not.toContain('5000');
    // The same id in another campaign is another body too.
    expect((await member('POST', `/campaigns/${await newCampaign()}/donations`, body)).body.error.code).toBe('DUPLICATE_ID');
    expect(await totals(campaignId)).toEqual({ confirmedFen: 0, recordedFen: 5000, donorCount: 1 });
  });

  it('a retry storm of 20 identical requests at once counts once', async () => {
    const campaignId = await newCampaign();
    const member = await as(ordinary(school));
    const body = gift({ amountFen: 12_345 });
    const replies = await Promise.all(Array.from({ length: 20 }, () => member('POST', `/campaigns/${campaignId}/donations`, body)));
    expect(replies.map((r) => r.status).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await totals(campaignId)).toEqual({ confirmedFen: 0, recordedFen: 12_345, donorCount: 1 });
    // …and so does a storm of confirmations.
    const confirms = await Promise.all(Array.from({ length: 10 }, () => treasurer('POST', `/donations/${body.donationId}/confirm`)));
    expect(confirms.every((r) => r.status === 200 && r.body.status === 'confirmed')).toBe(true);
    expect(await totals(campaignId)).toEqual({ confirmedFen: 12_345, recordedFen: 12_345, donorCount: 1 });
  });

  it('counts donors, not gifts: a second gift of the same member adds money, not a donor', async () => {
    const campaignId = await newCampaign();
    const member = await as(ordinary(school));
    await member('POST', `/campaigns/${campaignId}/donations`, gift({ amountFen: 100 }));
    await member('POST', `/campaigns/${campaignId}/donations`, gift({ amountFen: 200 }));
    await (await as(groupMate.memberId))('POST', `/campaigns/${campaignId}/donations`, gift({ amountFen: 300 }));
    expect(await totals(campaignId)).toEqual({ confirmedFen: 0, recordedFen: 600, donorCount: 2 });
  });

  it('past closesAt → 409 CAMPAIGN_CLOSED, nothing counted', async () => {
    const campaignId = await newCampaign({ closesAt: inHours(-1) });
    const res = await (await as(ordinary(school)))('POST', `/campaigns/${campaignId}/donations`, gift());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CAMPAIGN_CLOSED');
    expect(await totals(campaignId)).toEqual({ confirmedFen: 0, recordedFen: 0, donorCount: 0 });
  });

  it('refuses bad gifts with 400: amounts are integer fen 1..100000000, ids 8-64 of [A-Za-z0-9_-]', async () => {
    const campaignId = await newCampaign();
    const member = await as(ordinary(school));
    for (const bad of [{ amountFen: 0 }, { amountFen: -1 }, { amountFen: 100_000_001 }, { amountFen: 50.5 }, { amountFen: '5000' }, { donationId: 'short' }, { donationId: 'has space 123' }, { donationId: 'x'.repeat(65) }, { anonymous: 'yes' }, { extra: true }]) {
      const res = await member('POST', `/campaigns/${campaignId}/donations`, gift(bad));
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const { anonymous: _, ...noAnonymous } = gift();
    expect((await member('POST', `/campaigns/${campaignId}/donations`, noAnonymous)).status).toBe(400);
    expect((await member('POST', `/campaigns/${campaignId}/donations`, gift({ amountFen: 100_000_000 }))).status).toBe(201);
    expect((await member('POST', `/campaigns/${campaignId}/donations`, gift({ amountFen: 1 }))).status).toBe(201);
  });
});

describe('who records for whom', () => {
  it('a member records only their own gift', async () => {
    const campaignId = await newCampaign();
    const res = await (await as(groupMate.memberId))('POST', `/campaigns/${campaignId}/donations`, gift({ memberId: outsider.memberId }));
    expect(res.status).toBe(403);
    const own = await (await as(groupMate.memberId))('POST', `/campaigns/${campaignId}/donations`, gift({ memberId: groupMate.memberId }));
    expect(own.status).toBe(201);
  });

  it('a group leader records cash for their own group only; the treasurer for anyone of the school, not of another', async () => {
    const campaignId = await newCampaign();
    const lead = await as(leader.memberId);
    const mine = await lead('POST', `/campaigns/${campaignId}/donations`, gift({ memberId: groupMate.memberId, amountFen: 2000 }));
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ memberId: groupMate.memberId, recordedBy: { memberId: leader.memberId } });
    const theirs = await lead('POST', `/campaigns/${campaignId}/donations`, gift({ memberId: outsider.memberId }));
    expect(theirs.status).toBe(403);
    expect(theirs.body.error.code).toBe('FORBIDDEN');
    expect((await treasurer('POST', `/campaigns/${campaignId}/donations`, gift({ memberId: outsider.memberId, amountFen: 3000 }))).status).toBe(201);
    expect((await treasurer('POST', `/campaigns/${campaignId}/donations`, gift({ memberId: other.members[3] }))).status).toBe(403);
    expect((await treasurer('POST', `/campaigns/${campaignId}/donations`, gift({ memberId: 'm-nobody-here' }))).status).toBe(404);
    expect(await totals(campaignId)).toEqual({ confirmedFen: 0, recordedFen: 5000, donorCount: 2 });
    // The gift is the donor's: it is in their 我的捐款, recorded by the leader.
    const mate = await as(groupMate.memberId);
    await eventually(async () => {
      const theirList = (await mate('GET', '/me/donations')).body.donations;
      expect(theirList.find((d: { donationId: string }) => d.donationId === mine.body.donationId)).toMatchObject({ status: 'recorded', recordedBy: { memberId: leader.memberId } });
    });
  });

  it('only the treasurer of the gift’s school confirms or rejects it', async () => {
    const campaignId = await newCampaign();
    const body = gift();
    await (await as(ordinary(school)))('POST', `/campaigns/${campaignId}/donations`, body);
    for (const id of [school.chair, school.committee[0]!, leader.memberId, ordinary(school)]) {
      const caller = await as(id);
      expect((await caller('POST', `/donations/${body.donationId}/confirm`)).status).toBe(403);
      expect((await caller('POST', `/donations/${body.donationId}/reject`, { reason: '未收到' })).status).toBe(403);
      expect((await caller('POST', `/campaigns/${campaignId}/donations/confirm`, { donationIds: [body.donationId] })).status).toBe(403);
    }
    const away = await as(other.treasurer);
    expect((await away('POST', `/donations/${body.donationId}/confirm`)).status).toBe(403);
    expect((await away('POST', `/campaigns/${campaignId}/donations/confirm`, { donationIds: [body.donationId] })).status).toBe(403);
    expect((await away('GET', `/campaigns/${campaignId}`)).status).toBe(403);
    expect((await treasurer('POST', '/donations/d-not-a-gift-here/confirm')).status).toBe(404);
    expect(await totals(campaignId)).toEqual({ confirmedFen: 0, recordedFen: 5000, donorCount: 1 });
  });
});

describe('rejecting and confirming in bulk', () => {
  it('a rejected gift leaves every total and its giver reads why; it cannot be confirmed after', async () => {
    const campaignId = await newCampaign();
    const giver = await as(outsider.memberId);
    const kept = gift({ amountFen: 1000 });
    const wrong = gift({ amountFen: 99_900 });
    await giver('POST', `/campaigns/${campaignId}/donations`, kept);
    await giver('POST', `/campaigns/${campaignId}/donations`, wrong);
    await treasurer('POST', `/donations/${wrong.donationId}/confirm`);
    expect(await totals(campaignId)).toEqual({ confirmedFen: 99_900, recordedFen: 100_900, donorCount: 1 });
    const rejected = await treasurer('POST', `/donations/${wrong.donationId}/reject`, { reason: '金额登记错误，应为 99 元' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(await totals(campaignId)).toEqual({ confirmedFen: 0, recordedFen: 1000, donorCount: 1 });
    expect((await treasurer('POST', `/donations/${wrong.donationId}/reject`, { reason: '再次' })).status).toBe(200);
    const confirmAfter = await treasurer('POST', `/donations/${wrong.donationId}/confirm`);
    expect(confirmAfter.status).toBe(409);
    expect(confirmAfter.body.error.code).toBe('CONFLICT');
    expect((await treasurer('POST', `/donations/${wrong.donationId}/reject`, {})).status).toBe(400);
    // 我的捐款 is listed through the index: the rejection shows there once the index has it.
    await eventually(async () => {
      const mine = (await giver('GET', '/me/donations')).body;
      expect(mine.donations.find((d: { donationId: string }) => d.donationId === wrong.donationId)).toMatchObject({ status: 'rejected', rejectReason: '金额登记错误，应为 99 元' });
    });
    // Rejecting the last gift of a donor removes the donor.
    await treasurer('POST', `/donations/${kept.donationId}/reject`, { reason: '未收到' });
    expect(await totals(campaignId)).toEqual({ confirmedFen: 0, recordedFen: 0, donorCount: 0 });
    expect((await chair('GET', `/campaigns/${campaignId}/honor-roll`)).body).toEqual({ entries: [], totalFen: 0 });
  });

  it('confirms a selection in one request, each gift on its own, with a result per gift', async () => {
    const campaignId = await newCampaign();
    const giver = await as(ordinary(school));
    const [a, b, c] = [gift({ amountFen: 100 }), gift({ amountFen: 200 }), gift({ amountFen: 300 })];
    for (const g of [a, b, c]) await giver('POST', `/campaigns/${campaignId}/donations`, g);
    await treasurer('POST', `/donations/${b.donationId}/confirm`);
    await treasurer('POST', `/donations/${c.donationId}/reject`, { reason: '重复登记' });
    const res = await treasurer('POST', `/campaigns/${campaignId}/donations/confirm`, { donationIds: [a.donationId, b.donationId, c.donationId, 'd-unknown-id'] });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { donationId: a.donationId, status: 'confirmed' },
      { donationId: b.donationId, status: 'confirmed' },
      { donationId: c.donationId, status: 'rejected', error: { code: 'CONFLICT', message: expect.any(String) } },
      { donationId: 'd-unknown-id', error: { code: 'NOT_FOUND', message: expect.any(String) } },
    ]);
    expect(await totals(campaignId)).toEqual({ confirmedFen: 300, recordedFen: 300, donorCount: 1 });
    for (const bad of [{ donationIds: [] }, { donationIds: [a.donationId, a.donationId] }, { donationIds: 'all' }, {}]) {
      expect((await treasurer('POST', `/campaigns/${campaignId}/donations/confirm`, bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });
});

describe('the honor roll and privacy', () => {
  it('shows confirmed gifts only, the anonymous as 匿名 and nothing else; amounts add up to totalFen = confirmedFen', async () => {
    const campaignId = await newCampaign();
    const secret = groupMate; // gives anonymously, once online and once in cash through the treasurer
    const named = outsider;
    const anonymousGift = gift({ amountFen: 5000, anonymous: true });
    const cashGift = gift({ amountFen: 777, anonymous: true, memberId: secret.memberId });
    const namedGift = gift({ amountFen: 3000 });
    const unconfirmed = gift({ amountFen: 42 });
    await (await as(secret.memberId))('POST', `/campaigns/${campaignId}/donations`, anonymousGift);
    await treasurer('POST', `/campaigns/${campaignId}/donations`, cashGift);
    await (await as(named.memberId))('POST', `/campaigns/${campaignId}/donations`, namedGift);
    await (await as(named.memberId))('POST', `/campaigns/${campaignId}/donations`, unconfirmed);
    for (const g of [anonymousGift, cashGift, namedGift]) expect((await treasurer('POST', `/donations/${g.donationId}/confirm`)).status).toBe(200);

    const everyone = [school.chair, school.committee[0]!, leader.memberId, named.memberId, ordinary(school), school.delegates[0]!].filter((id) => id !== secret.memberId);
    const leaks = (body: unknown) => JSON.stringify(body).includes(secret.memberId) || JSON.stringify(body).includes(secret.name);
    for (const id of everyone) {
      const caller = await as(id);
      const roll = await caller('GET', `/campaigns/${campaignId}/honor-roll`);
      expect(roll.status).toBe(200);
      expect(roll.body.entries.map((e: { name: string; amountFen: number }) => [e.name, e.amountFen]).sort()).toEqual([['匿名', 5000], ['匿名', 777], [named.name, 3000]].sort());
      expect(roll.body.entries.every((e: object) => Object.keys(e).sort().join() === 'amountFen,name')).toBe(true);
      expect(roll.body.totalFen).toBe(8777);
      const view = await caller('GET', `/campaigns/${campaignId}`);
      expect(view.body).toMatchObject({ confirmedFen: 8777, recordedFen: 8819, donorCount: 2 });
      const reads = [roll, view, await caller('GET', `/orgs/${school.orgId}/campaigns`), await caller('GET', `/campaigns/${campaignId}/donations`), await caller('GET', '/me/donations'), await caller('GET', `/orgs/${school.orgId}/audit`)];
      for (const r of reads) expect(leaks(r.body), `${id}: ${JSON.stringify(r.body)}`).toBe(false);
    }
    // The treasurer, who confirms the money, sees who gave.
    const full = (await treasurer('GET', `/campaigns/${campaignId}/donations`)).body.donations;
    expect(full.find((d: { donationId: string }) => d.donationId === anonymousGift.donationId)).toMatchObject({ memberId: secret.memberId, name: secret.name, anonymous: true, status: 'confirmed' });
    expect(full).toHaveLength(4);
  });

  it('a group leader lists the cash they recorded, and nothing else', async () => {
    const campaignId = await newCampaign();
    const lead = await as(leader.memberId);
    const cash = gift({ amountFen: 2000, anonymous: true, memberId: groupMate.memberId });
    await lead('POST', `/campaigns/${campaignId}/donations`, cash);
    await (await as(groupMate.memberId))('POST', `/campaigns/${campaignId}/donations`, gift({ amountFen: 100 }));
    const list = (await lead('GET', `/campaigns/${campaignId}/donations`)).body.donations;
    expect(list.map((d: { donationId: string }) => d.donationId)).toEqual([cash.donationId]);
    expect((await (await as(ordinary(school)))('GET', `/campaigns/${campaignId}/donations`)).status).toBe(403);
    expect((await chair('GET', `/campaigns/${campaignId}/donations`)).status).toBe(403);
  });
});

describe('the treasurer’s ledger (.xlsx)', () => {
  it('lists every gift with its donor, exact to the fen, for the treasurer only', async () => {
    const campaignId = await newCampaign({ title: '博爱一日捐' });
    const a = gift({ amountFen: 5005, anonymous: true });
    await (await as(groupMate.memberId))('POST', `/campaigns/${campaignId}/donations`, a);
    await treasurer('POST', `/donations/${a.donationId}/confirm`);
    await treasurer('POST', `/campaigns/${campaignId}/donations`, gift({ amountFen: 10, memberId: outsider.memberId }));
    const res = await treasurer('GET', `/campaigns/${campaignId}/donations.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await readXlsx(res.raw);
    expect(rows[0]![0]).toBe('博爱一日捐');
    const gifts = rows.slice(rows.findIndex((r) => r[0] === '序号') + 1);
    expect(gifts.map((r) => [r[1], r[3], r[4], r[5], r[6]]).sort()).toEqual(
      [
        [groupMate.name, '50.05', '5005', '是', '已确认'],
        [outsider.name, '0.10', '10', '否', '已登记'],
      ].sort(),
    );
    for (const id of [school.chair, leader.memberId, groupMate.memberId]) expect((await (await as(id))('GET', `/campaigns/${campaignId}/donations.xlsx`)).status).toBe(403);
  });
});

describe('我的捐款', () => {
  it('lists my gifts with their status and a total per year (rejected gifts count nowhere)', async () => {
    const me = await as(school.delegates.find((id) => id !== school.treasurer && !school.groupLeaders.includes(id))!);
    await indexSettled(); // 我的捐款 reads gsi1, which shows writes after a lag (the app adds a gift just given: donate/recent.ts)
    const before = (await me('GET', '/me/donations')).body;
    const campaignId = await newCampaign();
    const [a, b] = [gift({ amountFen: 5000 }), gift({ amountFen: 1050 })];
    await me('POST', `/campaigns/${campaignId}/donations`, a);
    await me('POST', `/campaigns/${campaignId}/donations`, b);
    await treasurer('POST', `/donations/${a.donationId}/confirm`);
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const was = before.years.find((y: { year: number }) => y.year === year) ?? { confirmedFen: 0, recordedFen: 0 };
    await eventually(async () => {
      const after = (await me('GET', '/me/donations')).body;
      expect(after.donations.slice(0, 2).map((d: { donationId: string; status: string }) => [d.donationId, d.status])).toEqual([
        [b.donationId, 'recorded'],
        [a.donationId, 'confirmed'],
      ]);
      expect(after.years.find((y: { year: number }) => y.year === year)).toEqual({ year, confirmedFen: was.confirmedFen + 5000, recordedFen: was.recordedFen + 6050 });
    });
  });
});
