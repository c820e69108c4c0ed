import { describe, expect, it } from 'vitest';
import { anon, as, ordinary, seed } from '../support/fixtures';
import { readXlsx } from '../support/xlsx';

describe('WeChat login and invite binding', () => {
  it('binds a new openid with a one-use invite, then logs straight in', async () => {
    const s = await seed(10, 0);
    const chair = await as(s.chair);
    const target = ordinary(s);
    const issued = await chair('POST', `/orgs/${s.orgId}/invites`, { memberIds: [target] });
    expect(issued.status).toBe(201);
    const { code, name } = issued.body.invites[0];
    // The printable sheet of the same answer carries the same code (codes exist only in this answer).
    const sheet = await readXlsx(Buffer.from(issued.body.sheetBase64, 'base64').buffer as ArrayBuffer);
    expect(sheet[1]![2]).toBe(code);
    expect(code).toMatch(/^[23456789A-HJ-NP-Z]{8}$/);
    expect(name).toBeTruthy();

    const openid = `o-${Date.now()}`;
    const first = await anon()('POST', '/auth/wechat-login', { code: `ok-${openid}` });
    expect(first.status).toBe(200);
    expect(first.body.needsBinding).toBe(true);
    expect(JSON.stringify(first.body)).not.toContain(openid);
    expect(JSON.stringify(first.body)).not.toContain('SECRET-SESSION-KEY');

    const typed = `${code.slice(0, 4)} ${code.slice(4)}`.toLowerCase(); // as printed, typed in lower case
    const bound = await anon()('POST', '/auth/bind', { bindingToken: first.body.bindingToken, inviteCode: typed });
    expect(bound.status).toBe(200);
    const me = await anon()('GET', '/me', undefined, { authorization: `Bearer ${bound.body.token}` });
    expect(me.body.member.memberId).toBe(target);

    const again = await anon()('POST', '/auth/wechat-login', { code: `ok-${openid}` });
    expect(typeof again.body.token).toBe('string');

    // The code was used: another WeChat account cannot take it.
    const other = await anon()('POST', '/auth/wechat-login', { code: `ok-${openid}-other` });
    const reuse = await anon()('POST', '/auth/bind', { bindingToken: other.body.bindingToken, inviteCode: code });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('INVITE_INVALID');
  });

  it('prints invite codes as a sheet, and the printed code binds', async () => {
    const s = await seed(10, 0);
    const chair = await as(s.chair);
    const target = ordinary(s);
    const res = await chair('POST', `/orgs/${s.orgId}/invites`, { memberIds: [target], format: 'xlsx' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await readXlsx(res.raw);
    expect(rows[0]).toEqual(['姓名', '工会小组', '邀请码', '有效期至']);
    const code = rows[1]![2]!;
    const login = await anon()('POST', '/auth/wechat-login', { code: `ok-sheet-${Date.now()}` });
    expect((await anon()('POST', '/auth/bind', { bindingToken: login.body.bindingToken, inviteCode: code })).status).toBe(200);
  });

  it('a newer invite voids the older one', async () => {
    const s = await seed(10, 0);
    const chair = await as(s.chair);
    const target = ordinary(s);
    const old = (await chair('POST', `/orgs/${s.orgId}/invites`, { memberIds: [target] })).body.invites[0].code;
    await chair('POST', `/orgs/${s.orgId}/invites`, { memberIds: [target] });
    const login = await anon()('POST', '/auth/wechat-login', { code: `ok-void-${Date.now()}` });
    const res = await anon()('POST', '/auth/bind', { bindingToken: login.body.bindingToken, inviteCode: old });
    expect(res.status).toBe(409);
  });

  it('maps WeChat errors: 40029 → 401, 45011 → 429, -1 → retried then 503', async () => {
    expect((await anon()('POST', '/auth/wechat-login', { code: 'bad-1' })).status).toBe(401);
    expect((await anon()('POST', '/auth/wechat-login', { code: 'slow-down-1' })).body.error.code).toBe('RATE_LIMITED');
    expect((await anon()('POST', '/auth/wechat-login', { code: 'busy-x' })).status).toBe(503);
    expect((await anon()('POST', '/auth/wechat-login', { code: `busy-once-${Date.now()}` })).status).toBe(200);
    expect((await anon()('POST', '/auth/wechat-login', {})).status).toBe(400);
  });

  it('refuses forged binding tokens and stops guessing after 10 tries', async () => {
    expect((await anon()('POST', '/auth/bind', { bindingToken: 'forged', inviteCode: 'ABCDEFGH' })).status).toBe(401);
    const login = await anon()('POST', '/auth/wechat-login', { code: `ok-guess-${Date.now()}` });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await anon()('POST', '/auth/bind', { bindingToken: login.body.bindingToken, inviteCode: 'ZZZZZZZZ' })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('without a list, codes go to active members who have not bound WeChat, never to the caller', async () => {
    const s = await seed(12, 2);
    const chair = await as(s.chair);
    const target = ordinary(s);
    const first = (await chair('POST', `/orgs/${s.orgId}/invites`, { memberIds: [target] })).body.invites[0].code;
    const login = await anon()('POST', '/auth/wechat-login', { code: `ok-o-all-${Date.now()}` });
    expect((await anon()('POST', '/auth/bind', { bindingToken: login.body.bindingToken, inviteCode: first })).status).toBe(200);
    expect((await chair('POST', `/members/${s.members.at(-2)}/deactivate`, {})).status).toBe(200);
    const all = (await chair('POST', `/orgs/${s.orgId}/invites`, {})).body.invites as { memberId: string }[];
    const ids = all.map((i) => i.memberId);
    expect(ids).not.toContain(s.chair);
    expect(ids).not.toContain(target); // bound
    expect(ids).not.toContain(s.members.at(-2)); // deactivated
    expect(ids).toHaveLength(12 - 3);
  });
});
