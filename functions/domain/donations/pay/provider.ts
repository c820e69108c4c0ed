import { config } from '../../../lib/config';
import { fakePaymentProvider } from './fakeProvider';

/**
 * The seam for WeChat Pay (微信支付 v3). Gifts are recorded and confirmed by hand today; a payment
 * provider lets a member pay a gift online: the app asks for an order, WeChat calls back
 * (`POST /pay/notify`) when it is paid, and that notify confirms the gift through the treasurer's
 * confirm path (confirming twice changes nothing). Reconciliation compares the provider's orders
 * with the gifts. The real WeChat Pay v3 client (RSA-signed requests, platform certificates) is NOT
 * built: only the fake below, wired on the local stage when PAY_FAKE_KEY is set (the tests).
 */

export interface CreateOrderInput {
  outTradeNo: string;
  amountFen: number;
  description: string;
  payerOpenid?: string;
}
export interface CreatedOrder {
  prepayId: string;
}
/** What a verified notify says (WeChat v3's decrypted `resource`, in our words). */
export interface PaidNotice {
  outTradeNo: string;
  transactionId: string;
  tradeState: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  amountFen: number;
  successTime?: string;
}
export interface ProviderOrder {
  outTradeNo: string;
  tradeState: PaidNotice['tradeState'];
  amountFen: number;
  transactionId?: string;
}

export interface PaymentProvider {
  /** Places an order for a gift (JSAPI 下单); the mini-program pays it with wx.requestPayment. */
  createOrder(input: CreateOrderInput): Promise<CreatedOrder>;
  /**
   * Checks a notify's signature over its raw body and headers, then opens its resource. Throws
   * AppError 401 on a bad or stale signature: nothing may be counted before this returns.
   */
  verifyNotify(headers: Record<string, string | undefined>, rawBody: string): PaidNotice;
  /** The provider's view of one order (查询订单), for reconciliation; undefined when it has none. */
  queryOrder(outTradeNo: string): Promise<ProviderOrder | undefined>;
}

let override: PaymentProvider | undefined;
let fake: PaymentProvider | undefined;

/** For in-process tests: the provider to use (undefined: back to the configured one). */
export function setPaymentProvider(p: PaymentProvider | undefined): void {
  override = p;
}

/** The configured provider, or undefined (online payment not open: the pay routes answer 404). */
export function paymentProvider(): PaymentProvider | undefined {
  if (override) return override;
  const key = process.env.PAY_FAKE_KEY;
  if (config().isLocal && key) return (fake ??= fakePaymentProvider(key));
  return undefined;
}
