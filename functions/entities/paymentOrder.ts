import { compose, inIndex, msPart, type IndexKey, type TableKey } from './key';

/**
 * A WeChat Pay order made for one gift (out_trade_no ↔ the gift). Read by key when the payment's
 * notify arrives (its out_trade_no is all the notify names); listed per campaign through gsi1 for
 * reconciliation. `state` moves created → paid once, with the provider's transaction id.
 */
export interface PaymentOrderAttributes {
  outTradeNo: string;
  orgId: string;
  districtId: string;
  campaignId: string;
  donationId: string;
  donorId: string;
  amountFen: number;
  state: 'created' | 'paid';
  createdAt: string;
  prepayId?: string;
  transactionId?: string;
  paidAt?: string;
  /** Paid, but the gift had been rejected meanwhile: the money is in, the treasurer must look. */
  giftRejected?: boolean;
  /** The gift's campaign is district-wide: `orgId` (the donor's school) is part of the gift's key. */
  districtWide?: boolean;
  /** The campaign's closing time, copied from the gift's claim (see DonationRef): the notify's confirmation places the gift in its term without a read. */
  closesAt?: string;
}
export type PaymentOrderItem = TableKey & IndexKey & { type: 'paymentOrder' } & PaymentOrderAttributes;

export const PaymentOrder = {
  key: ({ outTradeNo }: Pick<PaymentOrderAttributes, 'outTradeNo'>): TableKey => ({ pk: compose('PAYORDER', outTradeNo), sk: 'ORDER' }),
  byCampaign: {
    pk: ({ campaignId }: Pick<PaymentOrderAttributes, 'campaignId'>) => compose('CAMPAIGN', campaignId, 'PAYORDERS'),
    sk: ({ createdAt, outTradeNo }: Pick<PaymentOrderAttributes, 'createdAt' | 'outTradeNo'>) => compose(msPart(createdAt), outTradeNo),
  },
  item: (a: PaymentOrderAttributes): PaymentOrderItem => ({ ...a, ...PaymentOrder.key(a), gsi1pk: PaymentOrder.byCampaign.pk(a), gsi1sk: PaymentOrder.byCampaign.sk(a), type: 'paymentOrder' }),
  queryOfCampaign: (campaignId: string) => inIndex(PaymentOrder.byCampaign.pk({ campaignId })),
};
