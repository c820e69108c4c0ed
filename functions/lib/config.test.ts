import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEV_TOKEN_SECRET, readConfig } from './config';

const wechat = { WECHAT_APP_ID: 'wx1234', WECHAT_APP_SECRET: 'secret' };

describe('config fails closed', () => {
  it('refuses every stage but local without a strong secret, whatever it is called', () => {
    for (const STAGE of ['prod', 'dev', 'staging', 'production', 'Prod', 'LOCAL', '', undefined]) {
      const env = STAGE === undefined ? { ...wechat } : { STAGE, ...wechat };
      expect(() => readConfig(env), String(STAGE)).toThrow(/TOKEN_SECRET/);
      expect(() => readConfig({ ...env, TOKEN_SECRET: DEV_TOKEN_SECRET }), String(STAGE)).toThrow(/TOKEN_SECRET/);
      expect(() => readConfig({ ...env, TOKEN_SECRET: 'short' }), String(STAGE)).toThrow(/TOKEN_SECRET/);
    }
  });

  it('refuses any stage but local without WeChat credentials', () => {
    expect(() => readConfig({ STAGE: 'staging', TOKEN_SECRET: 'x'.repeat(40) })).toThrow(/WECHAT/);
  });

  it('any non-local stage name with full settings runs closed: no fixtures, no dev secret', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }).filter((s) => s !== 'local'), (STAGE) => {
        const c = readConfig({ STAGE, TOKEN_SECRET: 'x'.repeat(40), ...wechat });
        return !c.isLocal && c.tokenSecret !== DEV_TOKEN_SECRET;
      }),
    );
  });

  it('local runs with the development secret and nothing else set', () => {
    const c = readConfig({ STAGE: 'local' });
    expect(c.isLocal).toBe(true);
    expect(c.tokenSecret).toBe(DEV_TOKEN_SECRET);
  });
});
