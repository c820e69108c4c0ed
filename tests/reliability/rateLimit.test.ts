import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../functions/lib/rateLimit';
import { startFakeWechat } from '../fakes/wechat';
import { client, startApi, type ApiProcess } from '../support/apiProcess';

/**
 * Sign-in and binding attempts are limited per WeChat openid and per source address, with 429
 * RATE_LIMITED and a Retry-After; everything else (a rush of sign-ups) is never limited by the
 * app. Its own API process: the limits must not touch the other tests.
 */
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let api: ApiProcess;
beforeAll(async () => {
  wechat = await startFakeWechat();
  api = await startApi({ env: { WECHAT_API_BASE: wechat.url, WECHAT_APP_ID: 'wx-test', WECHAT_APP_SECRET: 'test-secret' } });
});
afterAll(async () => {
  await api.stop();
  await wechat.close();
});

/** Fixed windows: start a test well inside one, so its attempts all fall in the same window. */
async function awayFromWindowEdge(windowSeconds: number, needSeconds = 15) {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < needSeconds) await new Promise((r) => setTimeout(r, left * 1000 + 100));
}

describe('login and binding attempts are limited', () => {
  it('per openid: past the limit, 429 with Retry-After', { timeout: 60_000 }, async () => {
    await awayFromWindowEdge(LIMITS.loginPerOpenid.windowSeconds);
    const call = client(api.url);
    const openid = `o-limit-${Date.now()}`;
    for (let i = 0; i < LIMITS.loginPerOpenid.limit; i++) expect((await call('POST', '/auth/wechat-login', { code: `ok-${openid}` })).status).toBe(200);
    const refused = await call('POST', '/auth/wechat-login', { code: `ok-${openid}` });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.loginPerOpenid.windowSeconds);
    // Another person is not held up by it.
    expect((await call('POST', '/auth/wechat-login', { code: `ok-${openid}-other` })).status).toBe(200);
  });

  it('per source address: past the limit, even invalid codes are refused before WeChat is asked', { timeout: 90_000 }, async () => {
    await awayFromWindowEdge(LIMITS.loginPerAddress.windowSeconds, 30);
    const call = client(api.url);
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next++ < LIMITS.loginPerAddress.limit + 5) statuses.push((await call('POST', '/auth/wechat-login', { code: `bad-${next}` })).status);
      }),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    const asked = wechat.requests.filter((u) => u.pathname === '/sns/jscode2session').length;
    const refused = await call('POST', '/auth/wechat-login', { code: 'bad-after' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(wechat.requests.filter((u) => u.pathname === '/sns/jscode2session').length).toBe(asked);
  });
});
