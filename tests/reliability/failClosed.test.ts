import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { DEV_TOKEN_SECRET } from '../../functions/lib/config';
import { client, startApi } from '../support/apiProcess';

/**
 * Only STAGE=local has the public development secret and the /dev fixtures. Any other stage,
 * whatever it is called, refuses to start without its secrets, and with them serves no fixtures.
 */
describe('every stage but local fails closed', () => {
  it('refuses to start prod, dev, staging, production or Prod without a TOKEN_SECRET', async () => {
    for (const STAGE of ['prod', 'dev', 'staging', 'production', 'Prod']) {
      await expect(startApi({ env: { STAGE, TOKEN_SECRET: '' } }), STAGE).rejects.toThrow(/exited with 1[\s\S]*TOKEN_SECRET/);
    }
  });

  it('with full settings, starts and hides every /dev route', async () => {
    const api = await startApi({ env: { STAGE: 'prod', TOKEN_SECRET: 's'.repeat(48), WECHAT_APP_ID: 'wx-staging', WECHAT_APP_SECRET: 'secret' } });
    try {
      const call = client(api.url);
      expect((await call('GET', '/health')).status).toBe(200);
      for (const [method, path, body] of [['POST', '/dev/seed', { members: 10 }], ['POST', '/dev/login', { memberId: 'mxxxxxxxxxx' }], ['GET', '/dev/demo']] as const) {
        const res = await call(method, path, body);
        expect(res.status, path).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
    } finally {
      await api.stop();
    }
  });

  it('refuses a session token without an expiry', async () => {
    const call = client(inject('apiUrl'));
    const school = (await call('POST', '/dev/seed', { members: 10, delegates: 0 })).body;
    const key = new Uint8Array(createHash('sha256').update(`session:${DEV_TOKEN_SECRET}`).digest());
    const forever = await new SignJWT({ typ: 'session' }).setProtectedHeader({ alg: 'HS256' }).setSubject(school.chair).setIssuer('staff-home').setIssuedAt().sign(key);
    const res = await client(inject('apiUrl'), forever)('GET', '/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    const good = (await call('POST', '/dev/login', { memberId: school.chair })).body.token;
    expect((await client(inject('apiUrl'), good)('GET', '/me')).status).toBe(200);
  });
});
