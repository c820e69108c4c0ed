import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWechat } from '../../tests/fakes/wechat';
import { AppError } from './errors';
import { wechatClient } from './wechat';

describe('code2Session client against a local fake WeChat', () => {
  let fake: Awaited<ReturnType<typeof startFakeWechat>>;
  let client: ReturnType<typeof wechatClient>;
  beforeAll(async () => {
    fake = await startFakeWechat();
    client = wechatClient({ baseUrl: fake.url, appId: 'wx123', secret: 's3cret' });
  });
  afterAll(() => fake.close());

  const failure = async (code: string) => {
    const err = await client.code2Session(code).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  };

  it('returns the openid and never the session_key', async () => {
    const identity = await client.code2Session('ok-openid-1');
    expect(identity).toEqual({ openid: 'openid-1', unionid: undefined });
    expect(JSON.stringify(identity)).not.toContain('SECRET-SESSION-KEY');
    const sent = fake.requests.at(-1)!;
    expect(sent.pathname).toBe('/sns/jscode2session');
    expect(Object.fromEntries(sent.searchParams)).toEqual({ appid: 'wx123', secret: 's3cret', js_code: 'ok-openid-1', grant_type: 'authorization_code' });
  });

  it('maps 40029 to 401, 45011 to 429', async () => {
    expect(await failure('bad-code')).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await failure('slow-down-1')).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('retries -1 once, then gives 503', async () => {
    expect(await client.code2Session('busy-once-openid-2')).toMatchObject({ openid: 'openid-2' });
    const before = fake.requests.length;
    expect(await failure('busy-always')).toMatchObject({ status: 503, code: 'WECHAT_ERROR' });
    expect(fake.requests.length - before).toBe(2);
  });

  it('gives 503 when WeChat cannot be reached', async () => {
    const down = wechatClient({ baseUrl: 'http://127.0.0.1:9', appId: 'a', secret: 'b', timeoutMs: 500 });
    expect(await down.code2Session('ok-x').catch((e: AppError) => e.code)).toBe('WECHAT_ERROR');
  });
});
