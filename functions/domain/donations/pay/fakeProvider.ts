import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { unauthenticated } from '../../../lib/errors';
import type { PaidNotice, PaymentProvider, ProviderOrder } from './provider';

/**
 * A stand-in for WeChat Pay v3 with the same shape: the notify carries Wechatpay-Timestamp,
 * -Nonce, -Signature and -Serial headers, a signature over "timestamp\nnonce\nbody\n", and a
 * resource encrypted with AES-256-GCM (associated_data, nonce, ciphertext base64). Where WeChat
 * signs with its platform RSA key, this signs with HMAC-SHA256 and a shared key; the AES key is
 * derived from the same key. Its order book is in memory (the provider's side), with `settle` to
 * play the payer.
 */

const MAX_SKEW_S = 300;
const aesKey = (key: string) => createHash('sha256').update(`aes:${key}`).digest();
const sign = (key: string, ts: string, nonce: string, body: string) => createHmac('sha256', key).update(`${ts}\n${nonce}\n${body}\n`).digest('base64');

const Resource = z.object({
  out_trade_no: z.string(),
  transaction_id: z.string(),
  trade_state: z.enum(['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']),
  amount: z.object({ total: z.int(), currency: z.optional(z.string()) }),
  success_time: z.optional(z.string()),
});
const Notify = z.object({
  id: z.string(),
  event_type: z.string(),
  resource: z.object({ algorithm: z.literal('AEAD_AES_256_GCM'), ciphertext: z.string(), nonce: z.string(), associated_data: z.optional(z.string()) }),
});

/** A signed notify as WeChat would send it (used by the tests, and by `settle`). */
export function fakeNotify(key: string, paid: { outTradeNo: string; transactionId: string; amountFen: number; tradeState?: PaidNotice['tradeState'] }, at = Date.now()) {
  const plain = JSON.stringify({ out_trade_no: paid.outTradeNo, transaction_id: paid.transactionId, trade_state: paid.tradeState ?? 'SUCCESS', amount: { total: paid.amountFen, currency: 'CNY' }, success_time: new Date(at).toISOString() });
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', aesKey(key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from('transaction'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  const body = JSON.stringify({ id: randomBytes(8).toString('hex'), create_time: new Date(at).toISOString(), event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: 'transaction', nonce } });
  const ts = String(Math.floor(at / 1000));
  const headerNonce = randomBytes(16).toString('hex');
  return { body, headers: { 'wechatpay-timestamp': ts, 'wechatpay-nonce': headerNonce, 'wechatpay-signature': sign(key, ts, headerNonce, body), 'wechatpay-serial': 'FAKE-SERIAL', 'content-type': 'application/json' } };
}

export function fakePaymentProvider(key: string): PaymentProvider & { settle(outTradeNo: string, tradeState?: PaidNotice['tradeState'], amountFen?: number): ProviderOrder } {
  const orders = new Map<string, ProviderOrder>();
  return {
    async createOrder({ outTradeNo, amountFen }) {
      if (!orders.has(outTradeNo)) orders.set(outTradeNo, { outTradeNo, amountFen, tradeState: 'NOTPAY' });
      return { prepayId: `fake_prepay_${outTradeNo}` };
    },
    verifyNotify(headers, rawBody) {
      const h = (name: string) => headers[name] ?? headers[name.toLowerCase()] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
      const [ts, nonce, signature] = [h('wechatpay-timestamp'), h('wechatpay-nonce'), h('wechatpay-signature')];
      if (!ts || !nonce || !signature) throw unauthenticated('支付通知缺少签名');
      if (!/^\d{1,12}$/.test(ts) || Math.abs(Date.now() / 1000 - Number(ts)) > MAX_SKEW_S) throw unauthenticated('支付通知已过期');
      const want = Buffer.from(sign(key, ts, nonce, rawBody));
      const got = Buffer.from(signature);
      if (want.length !== got.length || !timingSafeEqual(want, got)) throw unauthenticated('支付通知签名不正确');
      try {
        const { resource } = Notify.parse(JSON.parse(rawBody));
        const data = Buffer.from(resource.ciphertext, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', aesKey(key), Buffer.from(resource.nonce));
        decipher.setAAD(Buffer.from(resource.associated_data ?? ''));
        decipher.setAuthTag(data.subarray(data.length - 16));
        const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
        const r = Resource.parse(JSON.parse(plain));
        return { outTradeNo: r.out_trade_no, transactionId: r.transaction_id, tradeState: r.trade_state, amountFen: r.amount.total, successTime: r.success_time };
      } catch {
        throw unauthenticated('支付通知内容无法解开');
      }
    },
    async queryOrder(outTradeNo) {
      return orders.get(outTradeNo);
    },
    settle(outTradeNo, tradeState = 'SUCCESS', amountFen) {
      const o = orders.get(outTradeNo) ?? { outTradeNo, amountFen: amountFen ?? 0, tradeState: 'NOTPAY' as const };
      const next = { ...o, tradeState, amountFen: amountFen ?? o.amountFen, transactionId: o.transactionId ?? `fake_tx_${outTradeNo}` };
      orders.set(outTradeNo, next);
      return next;
    },
  };
}
