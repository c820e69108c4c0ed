import { Donation, type DonationItem } from '../../../entities/donation';
import type { DonationRefItem } from '../../../entities/donationRef';
import { keyId } from '../../../entities/key';
import { PaymentOrder, type PaymentOrderItem } from '../../../entities/paymentOrder';
import { batchGet, getItem, put, queryAll, transact, update, type Commit, type TransactItem } from '../../../lib/db';
import { AppError, conflict, notFound } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { confirmGift, giftFacts } from '../treasurer';
import type { PaidNotice, PaymentProvider } from './provider';

/**
 * Orders for gifts, the paid notify, and reconciliation. A notify counts only through the
 * treasurer's confirm path (one transaction: the gift's status under its condition, the totals),
 * with the order marked paid in the same transaction; a second notify for the same order changes
 * nothing, because a confirmed gift does not confirm again.
 */

export async function createGiftOrder(provider: PaymentProvider, ref: DonationRefItem, districtId: string, commit: Commit = transact) {
  const order = PaymentOrder.item({
    outTradeNo: newId('p'),
    orgId: ref.orgId,
    districtId,
    campaignId: ref.campaignId,
    donationId: ref.donationId,
    donorId: ref.donorId,
    amountFen: ref.amountFen,
    ...(ref.districtWide ? { districtWide: true } : {}),
    ...(ref.closesAt ? { closesAt: ref.closesAt } : {}),
    state: 'created',
    createdAt: new Date().toISOString(),
  });
  const { prepayId } = await provider.createOrder({ outTradeNo: order.outTradeNo, amountFen: order.amountFen, description: '工会捐款' });
  await commit([put({ ...order, prepayId }, { ConditionExpression: 'attribute_not_exists(pk)' })]);
  return { outTradeNo: order.outTradeNo, prepayId, amountFen: order.amountFen };
}

/** The order marked paid (idempotent: the first paid time and transaction stay). */
function markPaid(order: PaymentOrderItem, notice: PaidNotice, giftRejected = false): TransactItem {
  return update(PaymentOrder.key(order), {
    UpdateExpression: `SET #st = :paid, transactionId = if_not_exists(transactionId, :tx), paidAt = if_not_exists(paidAt, :at)${giftRejected ? ', giftRejected = :yes' : ''}`,
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#st': 'state' },
    ExpressionAttributeValues: { ':paid': 'paid', ':tx': notice.transactionId, ':at': notice.successTime ?? new Date().toISOString(), ...(giftRejected ? { ':yes': true } : {}) },
  });
}

export type NoticeOutcome = 'confirmed' | 'already-confirmed' | 'gift-rejected' | 'not-paid';

/**
 * A verified notice: its order read by key; a payment of another amount is refused (409, nothing
 * counted); a paid one confirms the gift with the order marked paid in the same transaction.
 */
export async function onPaidNotice(notice: PaidNotice): Promise<NoticeOutcome> {
  const order = await getItem<PaymentOrderItem>(PaymentOrder.key({ outTradeNo: notice.outTradeNo }));
  if (!order) throw notFound('没有这个支付订单');
  if (notice.tradeState !== 'SUCCESS') return 'not-paid';
  if (notice.amountFen !== order.amountFen) throw conflict('CONFLICT', '支付金额与订单金额不符，未计入捐款');
  try {
    const { changed } = await confirmGift(await giftFacts(order), (writes, options) => transact([...writes, markPaid(order, notice)], options));
    return changed ? 'confirmed' : 'already-confirmed';
  } catch (err) {
    // Rejected by the treasurer meanwhile: the money is in all the same; the order says so for them.
    if (err instanceof AppError && err.code === 'CONFLICT') {
      await transact([markPaid(order, notice, true)]);
      return 'gift-rejected';
    }
    throw err;
  }
}

export type Verdict = 'ok' | 'paid-not-confirmed' | 'confirmed-not-paid' | 'amount-mismatch' | 'unknown-to-provider' | 'paid-gift-rejected' | 'unpaid';
export interface ReconcileRow {
  outTradeNo: string;
  donationId: string;
  amountFen: number;
  providerState?: string;
  providerFen?: number;
  giftStatus?: DonationItem['status'];
  verdict: Verdict;
}

/**
 * Compares the provider's orders with the gifts of a campaign. The orders are listed through gsi1
 * (a job, not a request: a moment's lag only delays an order to the next run); each verdict is
 * decided on the provider's answer and the gift read by key. With `fix`, a gift paid but not
 * confirmed (a notify that never came) is confirmed through the same path as a notify.
 */
export async function reconcile(provider: PaymentProvider, campaignId: string, { fix = false } = {}): Promise<ReconcileRow[]> {
  const orders = await queryAll<PaymentOrderItem>(PaymentOrder.queryOfCampaign(campaignId));
  const gifts = await batchGet(orders.map((o) => Donation.key(o)));
  const rows: ReconcileRow[] = [];
  for (const o of orders) {
    const p = await provider.queryOrder(o.outTradeNo);
    const gift = gifts.get(keyId(Donation.key(o))) as DonationItem | undefined;
    const row: ReconcileRow = { outTradeNo: o.outTradeNo, donationId: o.donationId, amountFen: o.amountFen, providerState: p?.tradeState, providerFen: p?.amountFen, giftStatus: gift?.status, verdict: 'ok' };
    const paid = p?.tradeState === 'SUCCESS';
    if (!p) row.verdict = 'unknown-to-provider';
    else if (paid && p.amountFen !== o.amountFen) row.verdict = 'amount-mismatch';
    else if (paid && gift?.status === 'recorded') row.verdict = 'paid-not-confirmed';
    else if (paid && gift?.status === 'rejected') row.verdict = 'paid-gift-rejected';
    else if (!paid && o.state === 'paid') row.verdict = 'confirmed-not-paid';
    else if (!paid) row.verdict = 'unpaid';
    if (fix && row.verdict === 'paid-not-confirmed') {
      const outcome = await onPaidNotice({ outTradeNo: o.outTradeNo, transactionId: p!.transactionId ?? '', tradeState: 'SUCCESS', amountFen: p!.amountFen });
      if (outcome === 'confirmed' || outcome === 'already-confirmed') {
        row.giftStatus = 'confirmed';
        row.verdict = 'ok';
      }
    }
    rows.push(row);
  }
  return rows;
}
