import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeNotify } from '../../functions/domain/donations/pay/fakeProvider';
import { client, startApi, type ApiProcess } from '../support/apiProcess';
import { eventually, indexSettled } from '../support/eventually';
import { anon as sharedAnon, as as sharedAs, ordinary as sharedOrdinary, seed as sharedSeed } from '../support/fixtures';
import { inHours } from '../support/time';

/**
 * The WeChat Pay seam through HTTP, on an API started with the fake provider (PAY_FAKE_KEY, local
 * stage only): the donor orders their gift; a notify with a bad signature is refused (401) and
 * changes nothing; a good one confirms the gift, and the same notify again counts once. Without a
 * provider (the shared test API, every deployed stage today) the routes answer 404.
 */
const KEY = 'pay-api-test-key';
let api: ApiProcess;
let anon: ReturnType<typeof client>;
type School = { orgId: string; chair: string; treasurer: string; committee: string[]; groupLeaders: string[]; delegates: string[]; members: string[] };
let school: School;

const login = async (memberId: string) => client(api.url, (await anon('POST', '/dev/login', { memberId })).body.token);
const ordinary = (s: School) => s.members.find((m) => ![s.chair, s.treasurer, ...s.committee, ...s.groupLeaders, ...s.delegates].includes(m))!;

beforeAll(async () => {
  api = await startApi({ env: { PAY_FAKE_KEY: KEY } });
  anon = client(api.url);
  school = (await anon('POST', '/dev/seed', { members: 12, delegates: 2 })).body;
  await indexSettled();
}, 60_000);
afterAll(() => api?.stop());

async function giftWithOrder(amountFen: number) {
  const chair = await login(school.chair);
  const campaignId = (await chair('POST', `/orgs/${school.orgId}/campaigns`, { title: '在线捐款', kind: 'other', closesAt: inHours(24) })).body.campaignId;
  const donorId = ordinary(school);
  const donor = await login(donorId);
  const donationId = `pay-${Math.random().toString(36).slice(2, 12)}`;
  expect((await donor('POST', `/campaigns/${campaignId}/donations`, { donationId, amountFen, anonymous: false })).status).toBe(201);
  const order = await donor('POST', `/donations/${donationId}/pay-order`, {});
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  expect(order.body).toMatchObject({ outTradeNo: expect.any(String), prepayId: expect.any(String), amountFen });
  const confirmedFen = async () => (await chair('GET', `/campaigns/${campaignId}`)).body.confirmedFen as number;
  return { campaignId, donationId, donor, outTradeNo: order.body.outTradeNo as string, confirmedFen };
}
const post = (n: { body: string; headers: Record<string, string> }) => anon('POST', '/pay/notify', n.body, n.headers);

describe('POST /pay/notify', () => {
  it('refuses a bad signature (401) before counting anything; a good notify confirms once, however often it comes', async () => {
    const g = await giftWithOrder(8800);
    const good = fakeNotify(KEY, { outTradeNo: g.outTradeNo, transactionId: 'wx-tx-1', amountFen: 8800 });
    const forged = fakeNotify('not-the-key', { outTradeNo: g.outTradeNo, transactionId: 'wx-tx-1', amountFen: 8800 });
    for (const bad of [forged, { ...good, body: good.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.FAILURE"') }, { ...good, headers: { ...good.headers, 'wechatpay-signature': '' } }]) {
      const res = await post(bad);
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
    expect(await g.confirmedFen()).toBe(0);
    await eventually(async () => {
      // 我的捐款 lists through gsi1: wait for the gift to show, still only recorded.
      expect((await g.donor('GET', '/me/donations')).body.donations.find((d: { donationId: string }) => d.donationId === g.donationId)?.status).toBe('recorded');
    });

    const first = await post(good);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ code: 'SUCCESS', outcome: 'confirmed' });
    const again = await Promise.all([post(good), post(good), post(good)]);
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(again.map((r) => r.body.outcome)).toEqual(['already-confirmed', 'already-confirmed', 'already-confirmed']);
    expect(await g.confirmedFen()).toBe(8800);
  });

  it('a signed notify for another amount is refused (409) and counts nothing; an unknown order is 404', async () => {
    const g = await giftWithOrder(500);
    expect((await post(fakeNotify(KEY, { outTradeNo: g.outTradeNo, transactionId: 'wx-tx-2', amountFen: 499 }))).status).toBe(409);
    expect((await post(fakeNotify(KEY, { outTradeNo: 'p-no-such-order', transactionId: 'wx-tx-3', amountFen: 500 }))).status).toBe(404);
    expect(await g.confirmedFen()).toBe(0);
  });

  it('only the donor orders their own recorded gift', async () => {
    const g = await giftWithOrder(100);
    const other = await login(school.members.find((m) => m !== ordinary(school) && m !== school.treasurer)!);
    expect((await other('POST', `/donations/${g.donationId}/pay-order`, {})).status).toBe(403);
    await post(fakeNotify(KEY, { outTradeNo: g.outTradeNo, transactionId: 'wx-tx-4', amountFen: 100 }));
    expect((await g.donor('POST', `/donations/${g.donationId}/pay-order`, {})).status).toBe(409); // confirmed: nothing to pay
  });
});

describe('without a payment provider', () => {
  it('the shared API (no PAY_FAKE_KEY) answers 404 on both routes, in Chinese', async () => {
    const s = await sharedSeed(10, 2);
    const donor = await sharedAs(sharedOrdinary(s));
    const chair = await sharedAs(s.chair);
    const campaignId = (await chair('POST', `/orgs/${s.orgId}/campaigns`, { title: '一日捐', kind: 'other', closesAt: inHours(24) })).body.campaignId;
    await donor('POST', `/campaigns/${campaignId}/donations`, { donationId: 'no-pay-gift-1', amountFen: 100, anonymous: false });
    const order = await donor('POST', '/donations/no-pay-gift-1/pay-order', {});
    expect(order.status).toBe(404);
    expect(order.body.error.message).toMatch(/暂未开通微信支付/);
    const n = fakeNotify(KEY, { outTradeNo: 'p-anything', transactionId: 'tx', amountFen: 100 });
    expect((await sharedAnon()('POST', '/pay/notify', n.body, n.headers)).status).toBe(404);
  });
});
