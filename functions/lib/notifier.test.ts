import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWechat } from '../../tests/fakes/wechat';
import { Message } from '../entities/message';
import { OutboxEntry } from '../entities/outboxEntry';
import { noticeWrites, wechatSubscribeNotifier, type Notice } from './notifier';

describe('WeChat subscribe-message notifier against a local fake WeChat', () => {
  let fake: Awaited<ReturnType<typeof startFakeWechat>>;
  beforeAll(async () => (fake = await startFakeWechat()));
  afterAll(() => fake.close());

  const openids: Record<string, string> = { m1: 'openid-1', m2: 'unsub-openid-2' };
  const notifier = () =>
    wechatSubscribeNotifier({ baseUrl: fake.url, appId: 'wx1', secret: 's1', templateId: 'TPL', openidOf: async (m) => openids[m] });
  const notice = (memberId: string): Notice => ({ memberId, orgId: 'o1', kind: 'promoted', title: '候补成功：春游·太湖湿地一日游活动报名', body: '有人退出，您已从候补转为报名成功。', link: '/pages/event/index?id=e1' });

  it('sends to bound members, with a cached token, and skips the unbound and the unsubscribed', async () => {
    const n = notifier();
    await n.deliver([notice('m1'), notice('m2'), notice('m3'), notice('m1')]);
    expect(n.sent()).toBe(2);
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent[0]).toMatchObject({ touser: 'openid-1', template_id: 'TPL', page: '/pages/event/index?id=e1' });
    expect(fake.sent[0]!.data.thing1!.value.length).toBeLessThanOrEqual(20);
    expect(fake.requests.filter((r) => r.pathname === '/cgi-bin/token')).toHaveLength(1);
  });

  it('fetches a new token once when WeChat says it expired', async () => {
    const n = notifier();
    await n.deliver([notice('m1')]);
    fake.expireToken();
    await n.deliver([notice('m1')]);
    expect(n.sent()).toBe(2);
    expect(fake.requests.filter((r) => r.pathname === '/cgi-bin/token').length).toBe(3);
  });

  it('writes the in-app message and the outbox entry as items for one transaction', () => {
    const [message, outbox] = noticeWrites(notice('m1'), '2027-04-01T00:00:00.000Z').map((w) => w.Put!.Item);
    expect(message).toMatchObject({ ...Message.key({ memberId: 'm1', at: '2027-04-01T00:00:00.000Z', messageId: message!.messageId as string }), type: 'message', read: false });
    expect(outbox).toMatchObject({ pk: OutboxEntry.partition('o1'), type: 'outbox', memberId: 'm1', kind: 'promoted' });
    expect(outbox!.sk).toContain(message!.messageId as string);
  });
});
