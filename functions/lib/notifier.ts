import { config } from './config';
import { Member, type MemberItem } from '../entities/member';
import { Message } from '../entities/message';
import { OutboxEntry } from '../entities/outboxEntry';
import { getItem, put, type TransactItem } from './db';
import { newId } from './ids';

/**
 * Telling a member something: an in-app message (their 消息 list) and a WeChat subscribe
 * message. Both are written as items in the same transaction as the change that causes them (a
 * transactional outbox), so a promotion and its notice happen together or not at all. Delivery
 * to WeChat is then the notifier's job: locally the outbox is only kept (tests read it); on AWS
 * the WeChat notifier sends it with subscribeMessage.send.
 */
export interface Notice {
  memberId: string;
  orgId: string;
  /** What happened, e.g. promoted, eventChanged, eventCancelled. */
  kind: string;
  title: string;
  body: string;
  /** A page of the mini-program, e.g. /event/detail/index?id=... */
  link?: string;
}

/** A notice as the writes that record it: the member's message and the school's outbox entry, under one id. */
export function noticeWrites(n: Notice, at: string, noticeId: string = newId('n')): TransactItem[] {
  return [
    put(Message.item({ memberId: n.memberId, messageId: noticeId, at, title: n.title, body: n.body, link: n.link, read: false })),
    put(OutboxEntry.item({ orgId: n.orgId, noticeId, at, memberId: n.memberId, kind: n.kind, title: n.title, body: n.body, link: n.link, sent: false })),
  ];
}

export interface Notifier {
  deliver(notices: Notice[]): Promise<void>;
}

/** Local and test stages: the outbox items are the delivery. */
export const outboxNotifier: Notifier = { deliver: async () => {} };

export function notifier(): Notifier {
  const c = config();
  const templateId = process.env.WECHAT_SUBSCRIBE_TEMPLATE_ID;
  if (c.isLocal || !templateId) return outboxNotifier;
  return wechatSubscribeNotifier({
    baseUrl: c.wechatApiBase,
    appId: c.wechatAppId,
    secret: c.wechatSecret,
    templateId,
    openidOf: async (memberId) => (await getItem<MemberItem>(Member.key({ memberId })))?.openid,
  });
}

export interface WechatNotifierOptions {
  baseUrl: string;
  appId: string;
  secret: string;
  templateId: string;
  /** Members' openids come from their WeChat binding; unbound members get only the in-app message. */
  openidOf: (memberId: string) => Promise<string | undefined>;
  fetchImpl?: typeof fetch;
}

/** subscribeMessage.send through WeChat's API, with a cached access_token (refreshed once when WeChat says it expired). */
export function wechatSubscribeNotifier(opts: WechatNotifierOptions): Notifier & { sent: () => number } {
  const doFetch = opts.fetchImpl ?? fetch;
  let token: { value: string; expires: number } | undefined;
  let sent = 0;
  async function accessToken(): Promise<string> {
    if (token && token.expires > Date.now()) return token.value;
    const url = new URL('/cgi-bin/token', opts.baseUrl);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: opts.appId, secret: opts.secret }).toString();
    const res = (await (await doFetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number };
    if (!res.access_token) throw new Error('WeChat access_token unavailable');
    token = { value: res.access_token, expires: Date.now() + ((res.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }
  async function send(openid: string, n: Notice): Promise<number> {
    const url = new URL('/cgi-bin/message/subscribe/send', opts.baseUrl);
    url.searchParams.set('access_token', await accessToken());
    const res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: openid,
        template_id: opts.templateId,
        page: n.link,
        data: { thing1: { value: n.title.slice(0, 20) }, thing2: { value: n.body.slice(0, 20) } },
      }),
      signal: AbortSignal.timeout(5000),
    });
    return ((await res.json()) as { errcode?: number }).errcode ?? 0;
  }
  return {
    sent: () => sent,
    async deliver(notices) {
      for (const n of notices) {
        const openid = await opts.openidOf(n.memberId);
        if (!openid) continue;
        try {
          let err = await send(openid, n);
          if (err === 40001 || err === 42001) {
            token = undefined; // expired or revoked: fetch a new one, once
            err = await send(openid, n);
          }
          if (err === 0) sent++;
          // 43101: the member has not subscribed to this template; the in-app message stands.
        } catch {
          // Best effort: the in-app message already stands.
        }
      }
    },
  };
}
