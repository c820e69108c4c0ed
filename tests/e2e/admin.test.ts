/**
 * 管理 in the H5 build: 恢复 a member stopped by mistake (the chair); 停用 offered only where the
 * server allows it; the invite page counting who gets a code before asking; 操作记录 saying what
 * an edit changed. Screenshots: tests/e2e/screenshots/admin-*.png
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anon, as, ordinary, seed } from '../support/fixtures';
import { shot } from './browser';
import { chinaIn, closePhones, noToast, phoneAs, text } from './phones';

afterEach(closePhones);

const memberPage = (memberId: string) => `/#/admin/member/index?id=${encodeURIComponent(memberId)}`;

interface Listed {
  memberId: string;
  name: string;
  retired: boolean;
  active: boolean;
  wechatBound?: boolean;
}

describe('管理 (H5)', () => {
  it('the chair brings back a member stopped by mistake: asked first, told after; the member can sign in again', async () => {
    const school = await seed(10, 0);
    const target = ordinary(school);
    const chair = await as(school.chair);
    expect((await chair('POST', `/members/${target}/deactivate`, {})).status).toBe(200);
    expect((await anon()('POST', '/dev/login', { memberId: target })).status).toBe(404);

    const page = await phoneAs(school.orgId, school.chair);
    await page.goto(memberPage(target));
    await page.getByTestId('member-inactive').waitFor();
    expect(await page.getByTestId('member-deactivate').count()).toBe(0);
    await shot(page, 'admin-member-inactive', { fullPage: true });
    await page.getByTestId('member-reactivate').click();
    await page.getByTestId('confirm-ok').waitFor();
    await shot(page, 'admin-member-reactivate-confirm');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('member-reactivated').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('member-inactive').count()).toBe(0);
    await page.getByTestId('member-deactivate').waitFor();
    await noToast(page);
    await shot(page, 'admin-member-reactivated', { fullPage: true });
    expect((await anon()('POST', '/dev/login', { memberId: target })).status).toBe(200);
  });

  it('a committee member is offered 停用 only where the server allows it, and reads the server’s refusal', async () => {
    const school = await seed(10, 0);
    const [me, other] = school.committee as [string, string];
    const plain = ordinary(school);
    const page = await phoneAs(school.orgId, me);

    // officers (the chair, the treasurer, another committee member) and oneself: no 停用, and why
    for (const officer of [school.chair, school.treasurer, other]) {
      await page.goto(memberPage(officer));
      await page.getByTestId('member-save').waitFor();
      expect(await page.getByTestId('member-deactivate').count(), officer).toBe(0);
      expect(await page.getByTestId('page-member').innerText()).toContain('只有工会主席可以停用');
    }
    await shot(page, 'admin-member-officer', { fullPage: true });
    await page.goto(memberPage(me));
    await page.getByTestId('member-save').waitFor();
    expect(await page.getByTestId('member-deactivate').count()).toBe(0);
    expect(await page.getByTestId('page-member').innerText()).toContain('不能停用自己的账号');

    // an ordinary member: 停用 is there; if the server still refuses (its rules changed meanwhile), its words are shown
    await page.goto(memberPage(plain));
    await page.route('**/api/members/*/deactivate', (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'FORBIDDEN', message: '只有工会主席可以停用工会委员、经审和主席' } }) }),
    );
    await page.getByTestId('member-deactivate').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'form-error')).toBe('只有工会主席可以停用工会委员、经审和主席');
    await shot(page, 'admin-member-refused', { fullPage: true });

    // a stopped member: only the chair brings them back
    expect((await (await as(school.chair))('POST', `/members/${plain}/deactivate`, {})).status).toBe(200);
    await page.goto(memberPage(plain));
    await page.reload(); // this phone's roster was read before the chair stopped the member
    await page.getByTestId('member-inactive').waitFor();
    expect(await text(page, 'member-inactive')).toContain('只有工会主席可以恢复');
    expect(await page.getByTestId('member-reactivate').count()).toBe(0);
  });

  it('the invite page counts who gets a code (retirees too, never the caller) before asking', async () => {
    const school = await seed(60, 10);
    const chair = await as(school.chair);
    const members = (await chair('GET', `/orgs/${school.orgId}/members`)).body.members as Listed[];
    const stopped = members.find((m) => m.memberId === ordinary(school))!;
    expect((await chair('POST', `/members/${stopped.memberId}/deactivate`, {})).status).toBe(200);
    const targets = members.filter((m) => m.memberId !== school.chair && m.memberId !== stopped.memberId && !m.wechatBound);
    const retired = targets.filter((m) => m.retired).length;
    expect(retired).toBeGreaterThan(0);

    const page = await phoneAs(school.orgId, school.chair);
    await page.goto('/#/admin/invites/index');
    await expect.poll(() => text(page, 'invites-count')).toBe(String(targets.length));
    const who = await text(page, 'invites-who');
    expect(who).toContain(`其中退休教职工${retired}位，也会拿到邀请码`);
    expect(who).toContain('已停用的成员和您自己不会生成');
    expect(await text(page, 'invites-generate')).toBe(`为这${targets.length}位成员生成邀请码`);
    await shot(page, 'admin-invites', { fullPage: true });
    await page.getByTestId('invites-generate').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect((await page.locator('.modal__text').innerText()).replace(/\s+/g, '')).toContain(`${targets.length}位（其中退休教职工${retired}位）成员`);
    await shot(page, 'admin-invites-confirm');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('invites-list').waitFor({ timeout: 30_000 });
    expect(await text(page, 'invites-summary')).toContain(`已生成${targets.length}个邀请码`);
    expect(await page.getByTestId(`invite-${school.chair}`).count()).toBe(0);
    expect(await page.getByTestId(`invite-${stopped.memberId}`).count()).toBe(0);
  });

  it('操作记录 says what an edit changed (phones masked), and names 恢复账号 and 撤销签到', async () => {
    const school = await seed(10, 0);
    const chair = await as(school.chair);
    const target = ordinary(school);
    const before = ((await chair('GET', `/orgs/${school.orgId}/members`)).body.members as Listed[]).find((m) => m.memberId === target)!;
    expect((await chair('PATCH', `/members/${target}`, { name: '欧阳新名', phone: '13912345678' })).status).toBe(200);
    expect((await chair('POST', `/members/${target}/deactivate`, {})).status).toBe(200);
    expect((await chair('POST', `/members/${target}/reactivate`, {})).status).toBe(200);
    const ev = await chair('POST', `/orgs/${school.orgId}/events`, { title: '秋季体检', place: '区人民医院', startsAt: chinaIn(2), signupClosesAt: chinaIn(1), capacity: 5 });
    const eventId = (ev.body as { eventId: string }).eventId;
    expect((await chair('PATCH', `/events/${eventId}`, { place: '区中医院', capacity: 8 })).status).toBe(200);
    expect((await (await as(target))('POST', `/events/${eventId}/registrations`, {})).status).toBe(201);
    expect((await chair('POST', `/events/${eventId}/checkins`, { memberId: target })).status).toBe(200);
    expect((await chair('DELETE', `/events/${eventId}/checkins/${target}`)).status).toBe(200);

    const page = await phoneAs(school.orgId, school.chair);
    await page.goto('/#/admin/audit/index');
    await page.getByTestId('audit-list').waitFor();
    const changes = await page.getByTestId('audit-change').allInnerTexts();
    expect(changes).toEqual(expect.arrayContaining([`姓名：${before.name} → 欧阳新名`, '地点：区人民医院 → 区中医院', '名额：5 → 8']));
    expect(changes.find((c) => c.startsWith('手机号：'))).toMatch(/→ 139\*\*\*\*5678$/);
    const titles = await page.locator('.audit-row__title').allInnerTexts();
    expect(titles).toEqual(expect.arrayContaining(['恢复账号', '撤销签到', '停用会员', '修改会员信息', '修改活动']));
    await shot(page, 'admin-audit', { fullPage: true });
  });
});
