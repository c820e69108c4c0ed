import { config } from './config';
import { newId } from './ids';

/**
 * Telling a member something: an in-app message (their 消息 list) and a WeChat subscribe
 * message. Both are written as items in the same write that causes them (a transactional
 * outbox), so a promotion and its notice happen together or not at all. Delivery to WeChat
 * is then the notifier's job: locally the outbox is only kept (tests read it); on AWS the
 * WeChat notifier sends it with subscribeMessage.send.
 */
export interface Notice {
  memberId: string;
  orgId: string;
  kind: 'promoted' | 'eventChanged' | 'eventCancelled';
  title: string;
  body: string;
  /** A page of the mini-program, e.g. pages/event/index?id=... */
  link?: string;
}

export function noticeItems(n: Notice, now: string) {
  const id = newId('n');
  return [
    { pk: `MEMBER#${n.memberId}`, sk: `MSG#${now}#${id}`, type: 'message', messageId: id, at: now, title: n.title, body: n.body, link: n.link, read: false },
    { pk: `OUTBOX#${n.orgId}`, sk: `${now}#${id}`, type: 'outbox', channel: 'wechat-subscribe', memberId: n.memberId, kind: n.kind, title: n.title, body: n.body, link: n.link, sent: false },
  ];
}

export interface Notifier {
  deliver(notices: Notice[]): Promise<void>;
}

/** Local and test stages: the outbox items are the delivery. */
export const outboxNotifier: Notifier = { deliver: async () => {} };

export function notifier(): Notifier {
  return config().isProd && process.env.WECHAT_SUBSCRIBE_TEMPLATE_ID ? wechatSubscribeNotifier() : outboxNotifier;
}

/** subscribeMessage.send through WeChat's API; members' openids come from their binding. */
function wechatSubscribeNotifier(): Notifier {
  let token: { value: string; expires: number } | undefined;
  const base = () => config().wechatApiBase;
  async function accessToken(): Promise<string> {
    if (token && token.expires > Date.now()) return token.value;
    const url = new URL('/cgi-bin/token', base());
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: config().wechatAppId, secret: config().wechatSecret }).toString();
    const res = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number };
    if (!res.access_token) throw new Error('WeChat access_token unavailable');
    token = { value: res.access_token, expires: Date.now() + ((res.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }
  return {
    async deliver(notices) {
      const { getMember } = await import('../domain/members');
      for (const n of notices) {
        const member = await getMember(n.memberId);
        if (!member?.openid) continue; // never bound: the in-app message is all they get
        const url = new URL('/cgi-bin/message/subscribe/send', base());
        url.searchParams.set('access_token', await accessToken());
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            touser: member.openid,
            template_id: process.env.WECHAT_SUBSCRIBE_TEMPLATE_ID,
            page: n.link,
            data: { thing1: { value: n.title.slice(0, 20) }, thing2: { value: n.body.slice(0, 20) } },
          }),
          signal: AbortSignal.timeout(5000),
        }).catch(() => undefined); // best effort: the in-app message already stands
      }
    },
  };
}
