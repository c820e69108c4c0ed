import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { NoBody } from '../../shared/schemas/common';
import { Donation, type DonationItem } from '../entities/donation';
import '../domain/donations/scope';
import { createGiftOrder, onPaidNotice } from '../domain/donations/pay/orders';
import { paymentProvider } from '../domain/donations/pay/provider';
import { getItem } from '../lib/db';
import { conflict, forbidden, notFound } from '../lib/errors';
import { created, defineApi, ok } from '../lib/http';

/**
 * The WeChat Pay seam (see domain/donations/pay/provider.ts): an order for one's own gift, and the
 * provider's paid notify. Without a configured provider (every stage today but the tests'), both
 * answer 404: gifts are recorded and confirmed by hand.
 */

const notOpen = () => notFound('暂未开通微信支付，请把捐款交给财务或小组长');
const rawOf = (event: APIGatewayProxyEventV2) => (event.body == null ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body);

export const handler = defineApi({
  /** The donor asks to pay their recorded gift online: an order at the provider, tied to the gift. */
  'POST /donations/{donationId}/pay-order': async ({ resource: ref, actor, body, committer }) => {
    body(NoBody);
    const provider = paymentProvider();
    if (!provider) throw notOpen();
    if (ref.donorId !== actor.memberId || ref.recordedBy !== actor.memberId) throw forbidden('只能为自己登记的捐款在线付款');
    const gift = await getItem<DonationItem>(Donation.key(ref));
    if (gift?.status !== 'recorded') throw conflict('CONFLICT', '这笔捐款已确认或已退回，不需要再付款');
    return created(await createGiftOrder(provider, ref, ref.districtId, committer()));
  },

  /**
   * WeChat's callback. The signature over the raw body is checked BEFORE anything is read or
   * counted (bad → 401, nothing changes); then the gift is confirmed through the treasurer's confirm
   * path, so the same notify twice counts once. 200 tells WeChat to stop resending.
   */
  'POST /pay/notify': async ({ event }) => {
    const provider = paymentProvider();
    if (!provider) throw notOpen();
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const notice = provider.verifyNotify(headers, rawOf(event));
    const outcome = await onPaidNotice(notice);
    return ok({ code: 'SUCCESS', message: '成功', outcome });
  },
});
