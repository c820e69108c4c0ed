import { describe, expect, it } from 'vitest';
import { DEV_TOKEN_SECRET, readConfig } from './config';

describe('config', () => {
  it('refuses prod with the default or a short secret', () => {
    expect(() => readConfig({ STAGE: 'prod', WECHAT_APP_ID: 'a', WECHAT_APP_SECRET: 'b' })).toThrow(/TOKEN_SECRET/);
    expect(() => readConfig({ STAGE: 'prod', TOKEN_SECRET: DEV_TOKEN_SECRET, WECHAT_APP_ID: 'a', WECHAT_APP_SECRET: 'b' })).toThrow(/TOKEN_SECRET/);
    expect(() => readConfig({ STAGE: 'prod', TOKEN_SECRET: 'short', WECHAT_APP_ID: 'a', WECHAT_APP_SECRET: 'b' })).toThrow(/TOKEN_SECRET/);
  });
  it('refuses prod without WeChat credentials', () => {
    expect(() => readConfig({ STAGE: 'prod', TOKEN_SECRET: 'x'.repeat(40) })).toThrow(/WECHAT/);
  });
  it('accepts prod with real settings, and dev with none', () => {
    expect(readConfig({ STAGE: 'prod', TOKEN_SECRET: 'x'.repeat(40), WECHAT_APP_ID: 'a', WECHAT_APP_SECRET: 'b' }).isProd).toBe(true);
    expect(readConfig({}).isProd).toBe(false);
  });
});
