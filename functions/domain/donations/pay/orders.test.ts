import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../../local/dynamodb/index';
import { ensureTable } from '../../../../local/stack';
import { CampaignTotals, type CampaignTotalsItem } from '../../../entities/campaignTotals';
import { Donation, type DonationItem } from '../../../entities/donation';
import { DonationRef, type DonationRefItem } from '../../../entities/donationRef';
import type { MemberItem } from '../../../entities/member';
import { PaymentOrder, type PaymentOrderItem } from '../../../entities/paymentOrder';
import { getItem } from '../../../lib/db';
import { AppError } from '../../../lib/errors';
import { termOf } from '../../../../shared/domain/term';
import { TermTally, type TermTallyItem } from '../../../entities/termTally';
import { createCampaign } from '../campaigns';
import { recordGift } from '../give';
import { rejectGift } from '../treasurer';
import { fakeNotify, fakePaymentProvider } from './fakeProvider';
import { createGiftOrder, onPaidNotice, reconcile } from './orders';

/**
 * The payment seam against the real emulator: a notify verified by the fake provider confirms the
 * gift once however often it comes; a bad signature is refused before anything is read;
 * reconciliation finds each kind of disagreement between the provider's orders and the gifts, and
 * `fix` confirms a gift whose notify never came.
 */
let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'pay-')) });
  Object.assign(process.env, { AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_REGION: 'local', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', TABLE_NAME: 'pay-test', LOG_LEVEL: 'ERROR' });
  await ensureTable(dynamo.endpoint, 'pay-test');
});
afterAll(() => dynamo.close());

const KEY = 'fake-pay-key-for-tests';
const member = (i: number) => ({ memberId: `m${i}`, name: `会员${i}`, groupId: 'g1' }) as MemberItem;
let n = 0;

async function setup() {
  const orgId = `o-${Math.random().toString(36).slice(2)}`;
  const { campaign } = await createCampaign({ orgId, districtId: 'd1' }, { title: '一日捐', kind: 'day-pay', closesAt: new Date(Date.now() + 3600_000).toISOString() }, 'm0');
  const provider = fakePaymentProvider(KEY);
  const gift = async (amountFen: number) => {
    const donationId = `gift-pay-${++n}`;
    await recordGift({ campaign, donor: member(n), recorder: member(n), body: { donationId, amountFen, anonymous: false } });
    const ref = (await getItem<DonationRefItem>(DonationRef.key({ donationId })))!;
    const order = await createGiftOrder(provider, ref, 'd1');
    return { donationId, ...order };
  };
  const totals = async () => (await getItem<CampaignTotalsItem>(CampaignTotals.key(campaign)))!;
  const status = async (donationId: string) => (await getItem<DonationItem>(Donation.key({ campaignId: campaign.campaignId, donationId })))!.status;
  return { campaign, provider, gift, totals, status };
}

describe('payment notify', () => {
  it('a verified notify confirms the gift; the same notify again counts once; a bad signature changes nothing', async () => {
    const { provider, gift, totals, status } = await setup();
    const g = await gift(5000);
    const notify = fakeNotify(KEY, { outTradeNo: g.outTradeNo, transactionId: 'tx-1', amountFen: 5000 });
    // Tampered body, wrong key, stale: refused by verification (401) before anything is read.
    const tampered = notify.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESZ"');
    expect(() => provider.verifyNotify(notify.headers, tampered)).toThrowError(AppError);
    const forged = fakeNotify('another-key', { outTradeNo: g.outTradeNo, transactionId: 'tx-1', amountFen: 5000 });
    expect(() => provider.verifyNotify(forged.headers, forged.body)).toThrow(/签名不正确/);
    const stale = fakeNotify(KEY, { outTradeNo: g.outTradeNo, transactionId: 'tx-1', amountFen: 5000 }, Date.now() - 3600_000);
    expect(() => provider.verifyNotify(stale.headers, stale.body)).toThrow(/过期/);
    expect((await totals()).confirmedFen).toBe(0);

    const notice = provider.verifyNotify(notify.headers, notify.body);
    expect(notice).toMatchObject({ outTradeNo: g.outTradeNo, amountFen: 5000, tradeState: 'SUCCESS' });
    expect(await onPaidNotice(notice)).toBe('confirmed');
    expect(await onPaidNotice(notice)).toBe('already-confirmed');
    await Promise.all([onPaidNotice(notice), onPaidNotice(notice), onPaidNotice(notice)]);
    expect(await status(g.donationId)).toBe('confirmed');
    expect((await totals()).confirmedFen).toBe(5000);
    const order = (await getItem<PaymentOrderItem>(PaymentOrder.key(g)))!;
    expect(order).toMatchObject({ state: 'paid', transactionId: 'tx-1' });
  });

  it('a paid amount other than the order’s is refused and counts nothing', async () => {
    const { provider, gift, totals } = await setup();
    const g = await gift(5000);
    const notify = fakeNotify(KEY, { outTradeNo: g.outTradeNo, transactionId: 'tx-2', amountFen: 4999 });
    await expect(onPaidNotice(provider.verifyNotify(notify.headers, notify.body))).rejects.toMatchObject({ status: 409 });
    expect((await totals()).confirmedFen).toBe(0);
  });
});

describe('reconcile', () => {
  it('finds paid-not-confirmed, unpaid, paid-but-rejected and mismatched orders; fix confirms the first kind', async () => {
    const { campaign, provider, gift, totals } = await setup();
    const missed = await gift(1000); // paid, its notify never came
    const unpaid = await gift(2000); // never paid
    const rejected = await gift(3000); // paid after the treasurer rejected it
    const odd = await gift(4000); // the provider says another amount
    const fine = await gift(5000); // paid and notified
    provider.settle(missed.outTradeNo);
    provider.settle(rejected.outTradeNo);
    provider.settle(odd.outTradeNo, 'SUCCESS', 3999);
    provider.settle(fine.outTradeNo);
    await onPaidNotice({ outTradeNo: fine.outTradeNo, transactionId: 'tx-fine', tradeState: 'SUCCESS', amountFen: 5000 });
    await rejectGift({ campaignId: campaign.campaignId, donationId: rejected.donationId, donorId: `m${n - 2}`, amountFen: 3000, orgId: campaign.orgId, closesAt: campaign.closesAt }, '重复登记');

    const verdicts = async (fix = false) => {
      // The orders are listed through gsi1: wait out the index lag.
      for (let i = 0; i < 50; i++) {
        const rows = await reconcile(provider, campaign.campaignId, { fix });
        if (rows.length === 5) return Object.fromEntries(rows.map((r) => [r.donationId, r.verdict]));
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('orders never listed');
    };
    expect(await verdicts()).toEqual({
      [missed.donationId]: 'paid-not-confirmed',
      [unpaid.donationId]: 'unpaid',
      [rejected.donationId]: 'paid-gift-rejected',
      [odd.donationId]: 'amount-mismatch',
      [fine.donationId]: 'ok',
    });
    expect((await totals()).confirmedFen).toBe(5000);
    const fixed = await verdicts(true);
    expect(fixed[missed.donationId]).toBe('ok');
    expect((await totals()).confirmedFen).toBe(6000);
    // The notify and the fix confirm through the treasurer's path: the school's term tally moves with them.
    const tally = await getItem<TermTallyItem>(TermTally.key({ orgId: campaign.orgId, term: termOf(campaign.closesAt) }));
    expect(tally?.['donations.confirmedFen']).toBe(6000);
    expect((await verdicts())[missed.donationId]).toBe('ok');
  });
});
