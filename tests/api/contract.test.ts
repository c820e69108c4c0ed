import { describe, expect, it } from 'vitest';
import { anon, as, seed } from '../support/fixtures';

describe('contract basics', () => {
  it('GET /health', async () => {
    const res = await anon()('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it('/dev/seed makes a new school every call, with every role listed', async () => {
    const a = await seed(60, 20);
    const b = await seed(60, 20);
    expect(a.orgId).not.toBe(b.orgId);
    expect(a.members).toHaveLength(60);
    expect(new Set(a.members).size).toBe(60);
    expect(a.delegates).toHaveLength(20);
    for (const id of [a.chair, a.treasurer, ...a.committee, ...a.groupLeaders, ...a.delegates]) expect(a.members).toContain(id);
    expect(a.groupLeaders.length).toBeGreaterThan(1);
    expect(a.districtId).toBeTruthy();
  });

  it('seeded members have Chinese names and are spread over groups with leaders', async () => {
    const s = await seed(30, 5);
    const chair = await as(s.chair);
    const { body } = await chair('GET', `/orgs/${s.orgId}/members`);
    expect(body.members).toHaveLength(30);
    for (const m of body.members) expect(m.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    const groups = new Set(body.members.map((m: { groupId: string }) => m.groupId));
    expect(groups.size).toBe(body.groups.length);
    for (const g of body.groups) expect(s.groupLeaders).toContain(g.leaderId);
  });

  it('the demo school is consistent: retirees sit in 退休组, and everyone in 退休组 is retired', async () => {
    const s = await seed(60, 20);
    const { body } = await (await as(s.chair))('GET', `/orgs/${s.orgId}/members`);
    const retiredGroup = body.groups.find((g: { name: string }) => g.name === '退休组');
    expect(retiredGroup).toBeTruthy();
    const members = body.members as { memberId: string; groupId: string; retired: boolean }[];
    expect(members.filter((m) => m.retired).length).toBeGreaterThan(0);
    for (const m of members) expect(m.retired, m.memberId).toBe(m.groupId === retiredGroup.groupId);
    // Delegates are serving staff while there are enough of them.
    for (const id of s.delegates) expect(members.find((m) => m.memberId === id)!.retired).toBe(false);
  });

  it('/dev/seed validates strictly', async () => {
    const call = anon();
    for (const bad of [{ members: 9 }, { members: 5001 }, { members: 20, delegates: 21 }, { members: 20, extra: 1 }, { members: '20' }, { members: 10.5 }]) {
      const res = await call('POST', '/dev/seed', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('INVALID_INPUT');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await call('POST', '/dev/seed', '{not json')).status).toBe(400);
  });

  it('/dev/login gives a token that works, and refuses unknown members', async () => {
    const s = await seed(10, 2);
    const res = await anon()('POST', '/dev/login', { memberId: s.chair });
    expect(res.status).toBe(200);
    expect(typeof res.body.token).toBe('string');
    expect((await anon()('POST', '/dev/login', { memberId: 'mnobody000000' })).status).toBe(404);
    expect((await anon()('POST', '/dev/login', {})).status).toBe(400);
  });

  it('401 without, with a bad, or with a forged token; error shape always the same', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }] as Record<string, string>[]) {
      const res = await anon()('GET', '/me', undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    }
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJ0eXAiOiJzZXNzaW9uIiwic3ViIjoibTEiLCJpc3MiOiJzdGFmZi1ob21lIn0.c2lnbmF0dXJl';
    expect((await anon()('GET', '/me', undefined, { authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  it('unknown routes and ids are 404 in the contract shape, never 500', async () => {
    const res = await anon()('GET', '/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const s = await seed(10, 2);
    const chair = await as(s.chair);
    for (const id of ['x'.repeat(3000), '%E4%BD%A0%E5%A5%BD', 'a.b', 'enotanevent']) {
      const r = await chair('GET', `/events/${id}`);
      expect(r.status, id.slice(0, 20)).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('routes without a body still refuse unknown fields, and change nothing', async () => {
    const s = await seed(10, 0);
    const chair = await as(s.chair);
    const target = s.members[9]!;
    const res = await chair('POST', `/members/${target}/deactivate`, { reason: 'x' });
    expect(res.status).toBe(400);
    expect((await chair('GET', `/orgs/${s.orgId}/members`)).body.members.find((m: { memberId: string }) => m.memberId === target).active).toBe(true);
    expect((await chair('POST', `/members/${target}/deactivate`)).status).toBe(200);
  });

  it('bodies over 64 KiB get 413 and change nothing', async () => {
    const s = await seed(10, 2);
    const chair = await as(s.chair);
    const res = await chair('POST', `/orgs/${s.orgId}/groups`, { name: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('TOO_LARGE');
    const groups = (await chair('GET', `/orgs/${s.orgId}/groups`)).body.groups;
    expect(groups.some((g: { name: string }) => g.name.startsWith('xxx'))).toBe(false);
  });

  it('GET /me shows the member, roles and the privacy notice until consent', async () => {
    const s = await seed(12, 3);
    const delegate = await as(s.delegates[0]!);
    const me = await delegate('GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body.member.roles).toContain('delegate');
    expect(me.body.member.delegateTerm).toBe('第九届');
    expect(me.body.member.orgName).toBeTruthy();
    expect(me.body.consent.required).toBe(true);
    expect((await delegate('POST', '/me/consent', { version: 'old' })).status).toBe(400);
    expect((await delegate('POST', '/me/consent', { version: me.body.consent.version })).status).toBe(200);
    expect((await delegate('GET', '/me')).body.consent.required).toBe(false);
  });
});
