/**
 * 活动报名 in the H5 build: the chair publishes 春游 (1 seat) through the form, member A signs up
 * (已报名), member B waits (候补第 1 位), the chair checks A in; then 我的报名, 消息, the 签到码,
 * a check-in made without network that is synced once the network is back, and a group leader's
 * 本组报名. Screenshots: tests/e2e/screenshots/events-*.png
 */
import { afterEach, describe, expect, it } from 'vitest';
import { as, seed, type School } from '../support/fixtures';
import { shot } from './browser';
import { chinaIn, closePhones, inView, noToast, people, phoneAs, text, type Person } from './phones';

afterEach(closePhones);

/** An event through the API starting in two hours, so it can be checked in (for the tests that are not about the form). */
async function apiEvent(school: School, over: Record<string, unknown> = {}) {
  const chair = await as(school.chair);
  const res = await chair('POST', `/orgs/${school.orgId}/events`, {
    title: '秋季体检',
    place: '区人民医院体检中心',
    startsAt: chinaIn(2),
    signupClosesAt: chinaIn(1),
    capacity: 10,
    ...over,
  });
  expect(res.status).toBe(201);
  return res.body as { eventId: string };
}

describe('活动报名 (H5)', () => {
  it('the chair publishes 春游 with one seat; A gets it, B waits 候补第1位, the chair checks A in', async () => {
    const school = await seed(12, 3);
    const everyone = await people(school.orgId);
    const busy = new Set([school.chair, school.treasurer, ...school.committee, ...school.groupLeaders, ...school.delegates]);
    const plain = everyone.filter((p) => !busy.has(p.memberId));
    expect(plain.length).toBeGreaterThanOrEqual(2);
    const [a, b] = plain as [Person, Person];

    // --- the chair: 活动 tab (empty) → 发布活动 → the form, with Chinese validation first
    let page = await phoneAs(school.orgId, school.chair);
    await page.getByTestId('tab-events').click();
    await page.getByTestId('event-create').waitFor();
    await page.getByTestId('page-events').getByTestId('state-empty').waitFor();
    await shot(page, 'events-list-empty-committee');
    await page.getByTestId('event-create').click();
    await page.getByTestId('form-title').waitFor();
    await shot(page, 'events-create-form', { fullPage: true });
    await page.getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('form-error').innerText()).toContain('请填写活动名称');
    await shot(page, 'events-create-invalid');
    // the date opens a wheel picker (WeChat's own in the mini-program; Taro's in H5)
    await page.getByTestId('form-start-date').click();
    await page.locator('.weui-picker__hd').first().waitFor();
    await shot(page, 'events-create-datepicker');
    await page.locator('.weui-picker__action').first().click();
    await page.locator('.weui-picker__hd').first().waitFor({ state: 'hidden' });

    await page.locator('[data-testid=form-title] input').fill('春游');
    await page.locator('[data-testid=form-place] input').fill('学校东门集合，去植物园');
    await page.locator('[data-testid=form-capacity] input').fill('1');
    await page.getByTestId('form-family-plus').click();
    await page.getByTestId('form-option-add').click();
    await shot(page, 'events-create-option');
    await page.locator('[data-testid=form-option-label-0] input').fill('乘车点');
    await page.locator('[data-testid=form-option-choices-0] input').fill('东门，西门');
    await page.locator('[data-testid=form-cost] input').fill('工会承担，个人不用交钱');
    await page.locator('[data-testid=form-description] textarea').fill('早上 8 点在东门集合，请穿运动鞋，自带水杯。');
    await shot(page, 'events-create-filled', { fullPage: true });
    await page.getByTestId('form-submit').click();
    await page.waitForURL(/event\/detail\/index\?id=/, { timeout: 15_000 });
    const eventId = decodeURIComponent(/id=([^&]+)/.exec(page.url())![1]!);
    await expect.poll(() => text(page, 'event-title')).toBe('春游');
    await page.getByTestId('event-manage').waitFor();
    await shot(page, 'events-detail-committee', { fullPage: true });
    // 取消活动 asks first: its buttons' labels are read whole, in normal and large type
    await page.getByTestId('event-cancel').click();
    await page.getByTestId('confirm-ok').waitFor();
    await shot(page, 'events-cancel-event-confirm');
    await page.getByTestId('confirm-cancel').click();
    await closePhones();

    const created = await (await as(school.chair))('GET', `/events/${eventId}`);
    expect(created.body).toMatchObject({ title: '春游', capacity: 1, maxFamily: 1, options: [{ label: '乘车点', choices: ['东门', '西门'] }] });

    // --- member A: the list, the event, 报名 → 已报名
    page = await phoneAs(school.orgId, a.memberId);
    await page.getByTestId('tab-events').click();
    await page.getByTestId(`event-card-${eventId}`).waitFor();
    expect(await text(page, `event-seats-${eventId}`)).toBe('剩余1个名额');
    expect(await page.getByTestId('event-create').count()).toBe(0);
    await shot(page, 'events-list');
    await page.getByTestId(`event-card-${eventId}`).click();
    await page.getByTestId('signup').waitFor();
    await shot(page, 'events-detail-before', { fullPage: true });
    // every option must be chosen: the app says so in Chinese before sending
    await page.getByTestId('signup').click();
    await expect.poll(() => page.getByTestId('event-error').innerText()).toContain('请先选择乘车点');
    await page.getByTestId('choice-o1-0').click();
    await page.getByTestId('signup').click();
    await expect.poll(() => text(page, 'my-status'), { timeout: 15_000 }).toBe('已报名');
    // the status card, above the form, comes into view and says what happened
    await expect.poll(() => inView(page, 'my-status-card')).toBe(true);
    expect(await text(page, 'my-status-said')).toBe('报名成功');
    await shot(page, 'events-detail-signed-card');
    await shot(page, 'events-detail-signed', { fullPage: true });
    // A changes the bus stop in place: still 已报名, and the server has the new choice.
    await page.getByTestId('signup-edit').click();
    await page.getByTestId('choice-o1-1').click();
    await shot(page, 'events-detail-change', { fullPage: true });
    await page.getByTestId('signup-save').click();
    await page.getByTestId('signup-edit').waitFor({ timeout: 15_000 });
    expect(await text(page, 'my-status')).toBe('已报名');
    await expect.poll(() => text(page, 'my-status-said')).toBe('修改已保存');
    await expect.poll(() => inView(page, 'my-status-card')).toBe(true);
    const mine = await (await as(a.memberId))('GET', `/events/${eventId}`);
    expect(mine.body.me).toMatchObject({ status: 'confirmed', choices: { o1: '西门' } });
    await closePhones();

    // --- member B: a link shared before the event page moved to its sub-package (the old path)
    // still opens the event; full → 候补第1位
    page = await phoneAs(school.orgId, b.memberId);
    await page.goto(`/#/pages/event/index?id=${encodeURIComponent(eventId)}`);
    await page.getByTestId('signup-wait-note').waitFor();
    expect(page.url()).toContain('/event/detail/index?id=');
    await page.getByTestId('choice-o1-1').click();
    await page.getByTestId('family-plus').click();
    await expect.poll(() => text(page, 'family-value')).toBe('1');
    await page.getByTestId('family-minus').click();
    await page.getByTestId('signup').click();
    await expect.poll(() => text(page, 'my-status'), { timeout: 15_000 }).toBe('候补第1位');
    await expect.poll(() => inView(page, 'my-status-card')).toBe(true);
    await shot(page, 'events-waitlist', { fullPage: true });

    // 取消报名 asks first; 不取消 keeps the place
    await page.getByTestId('signup-cancel').click();
    await page.getByTestId('confirm-cancel').waitFor();
    await shot(page, 'events-cancel-confirm');
    await page.getByTestId('confirm-cancel').click();
    expect(await text(page, 'my-status')).toBe('候补第1位');

    // 我的 → 我的报名 (the tab bar is not on the event page: go to the tab)
    await page.goto('/#/pages/mine/index');
    await page.getByTestId('mine-registrations').click();
    await page.getByTestId(`myreg-${eventId}`).waitFor();
    await expect.poll(() => text(page, `event-mine-${eventId}`)).toBe('候补第1位');
    await shot(page, 'events-my-registrations');
    await closePhones();

    // --- the day comes: the event now starts in two hours (check-ins are taken from the day before)
    expect((await (await as(school.chair))('PATCH', `/events/${eventId}`, { startsAt: chinaIn(2), signupClosesAt: chinaIn(1) })).status).toBe(200);

    // --- the chair: 报名名单 (已报名 / 候补, per group, 参与率), then 签到 A
    page = await phoneAs(school.orgId, school.chair);
    await page.goto(`/#/event/detail/index?id=${encodeURIComponent(eventId)}`);
    await page.getByTestId('event-manage').click();
    await page.getByTestId(`reg-${a.memberId}`).waitFor();
    expect(await text(page, 'regs-count')).toBe('1');
    expect(await text(page, 'regs-rate')).toMatch(/^\d+(\.\d)?%$/);
    await shot(page, 'events-registrations', { fullPage: true });
    await page.getByTestId('regs-tab-waitlist').click();
    await page.getByTestId(`reg-${b.memberId}`).waitFor();
    await shot(page, 'events-registrations-waitlist');
    // one group: its members who have not signed up
    await page.locator('[data-testid^=regs-filter-]').first().click();
    await page.getByTestId('regs-tab-missing').click();
    await page.getByTestId('regs-missing').waitFor();
    await page.getByTestId('regs-group-all').click();
    await page.getByTestId('regs-tab-confirmed').click();
    await page.getByTestId('regs-checkin').click();

    await page.getByTestId(`checkin-${a.memberId}`).waitFor();
    await expect.poll(() => text(page, 'checkin-count')).toBe('已签到0/应到1人');
    expect(await page.getByTestId('checkin-scan').count()).toBe(0); // no camera in H5
    await shot(page, 'events-checkin');
    await page.locator('[data-testid=checkin-search] input').fill(a.name.slice(0, 1));
    await page.getByTestId(`checkin-${a.memberId}`).click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId(`checkin-row-${a.memberId}`).getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    await expect.poll(() => text(page, `checkin-state-${a.memberId}`)).toBe('已签到');
    await expect.poll(() => text(page, 'checkin-count')).toBe('已签到1/应到1人');
    await noToast(page);
    await shot(page, 'events-checkin-done');
    await closePhones();

    const seenByA = await (await as(a.memberId))('GET', `/events/${eventId}`);
    expect(seenByA.body.me).toMatchObject({ status: 'confirmed', checkedIn: true });
    const seenByB = await (await as(b.memberId))('GET', `/events/${eventId}`);
    expect(seenByB.body.me).toMatchObject({ status: 'waitlisted', position: 1 });

    // --- the event changes: B gets a message (badge on 我的: the move to today and this change, two
    // notices), opens the newest, follows its link to the event page
    const patched = await (await as(school.chair))('PATCH', `/events/${eventId}`, { place: '学校西门集合，去植物园' });
    expect(patched.status).toBe(200);
    page = await phoneAs(school.orgId, b.memberId);
    await page.getByTestId('tab-mine').click();
    await expect.poll(() => text(page, 'mine-messages-badge'), { timeout: 15_000 }).toBe('2');
    await shot(page, 'events-mine');
    await page.getByTestId('mine-messages').click();
    const msg = page.locator('[data-testid^=message-]').first();
    await msg.waitFor();
    expect(await msg.innerText()).toContain('活动变更：春游');
    await shot(page, 'events-messages');
    await msg.click();
    await expect.poll(() => text(page, 'event-place')).toBe('学校西门集合，去植物园');
    const unread = await (await as(b.memberId))('GET', '/me/messages');
    expect(unread.body.unread).toBe(0);

    // --- 我的签到码
    await page.goto('/#/pages/mine/index');
    await page.getByTestId('mine-checkin-code').click();
    const qr = page.getByTestId('checkin-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('data-text')).toBe(`staff-home:member:${b.memberId}`);
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThan(250); // large enough to scan from arm's length
    await shot(page, 'events-qr');

    // 大字模式: the event page still reads well
    await page.goto('/#/pages/mine/index');
    await page.getByTestId('large-text-switch').click();
    await page.goto(`/#/event/detail/index?id=${encodeURIComponent(eventId)}`);
    await expect.poll(() => text(page, 'my-status')).toBe('候补第1位');
    await shot(page, 'events-detail-large', { fullPage: true });
  });

  it('a check-in made without network waits as 待同步 and is sent once the network is back', async () => {
    const school = await seed(12, 2);
    const { eventId } = await apiEvent(school);
    const everyone = await people(school.orgId);
    const busy = new Set([school.chair, ...school.committee]);
    const [p1, p2] = everyone.filter((p) => !busy.has(p.memberId)) as [Person, Person];
    for (const p of [p1, p2]) expect((await (await as(p.memberId))('POST', `/events/${eventId}/registrations`, {})).status).toBe(201);

    const page = await phoneAs(school.orgId, school.committee[0] ?? school.chair);
    await page.goto(`/#/manage/checkin/index?id=${encodeURIComponent(eventId)}`);
    await page.getByTestId(`checkin-${p1.memberId}`).waitFor();
    await expect.poll(() => text(page, 'checkin-count')).toBe('已签到0/应到2人');

    const context = page.context();
    await context.setOffline(true);
    const tappedAt = Date.now();
    await page.getByTestId(`checkin-${p1.memberId}`).click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId(`checkin-row-${p1.memberId}`).getAttribute('data-state')).toBe('pending');
    await expect.poll(() => text(page, 'checkin-pending-count')).toBe('1');
    await expect.poll(() => text(page, 'checkin-count')).toBe('已签到1/应到2人');
    await page.getByTestId('checkin-offline').waitFor();
    await noToast(page);
    await shot(page, 'events-checkin-offline');

    // nothing reached the server yet
    const chair = await as(school.chair);
    const before = await chair('GET', `/events/${eventId}/registrations`);
    expect(before.body.checkedInCount).toBe(0);

    await page.waitForTimeout(1500);
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId(`checkin-row-${p1.memberId}`).getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => page.getByTestId('checkin-pending').count()).toBe(0);
    await expect.poll(() => text(page, 'checkin-count')).toBe('已签到1/应到2人');
    await noToast(page);
    await shot(page, 'events-checkin-synced');

    const after = await chair('GET', `/events/${eventId}/registrations`);
    expect(after.body.checkedInCount).toBe(1);
    const entry = (after.body.confirmed as { memberId: string; checkedInAt?: string }[]).find((r) => r.memberId === p1.memberId)!;
    // the time it happened on the phone, not the time it was sent
    expect(Math.abs(Date.parse(entry.checkedInAt!) - tappedAt)).toBeLessThan(1500);

    // the 同步 button and a reload send nothing twice
    await page.reload();
    await page.getByTestId(`checkin-row-${p1.memberId}`).waitFor();
    await expect.poll(() => page.getByTestId(`checkin-row-${p1.memberId}`).getAttribute('data-state')).toBe('done');
    expect((await chair('GET', `/events/${eventId}/registrations`)).body.checkedInCount).toBe(1);

    // the wrong name was tapped: 撤销 asks first, then the check-in is gone, here and on the server
    await page.getByTestId(`checkin-undo-${p1.memberId}`).click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal__text').innerText()).toContain(p1.name);
    await shot(page, 'events-checkin-undo-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId(`checkin-row-${p1.memberId}`).getAttribute('data-state'), { timeout: 15_000 }).toBe('none');
    await expect.poll(() => text(page, 'checkin-count')).toBe('已签到0/应到2人');
    expect((await chair('GET', `/events/${eventId}/registrations`)).body.checkedInCount).toBe(0);
    await noToast(page);
    await shot(page, 'events-checkin-undone');
    // and it stays undone after a reload (nothing on the phone brings it back)
    await page.reload();
    await page.getByTestId(`checkin-${p1.memberId}`).waitFor();
    expect(await page.getByTestId(`checkin-row-${p1.memberId}`).getAttribute('data-state')).toBe('none');
  });

  it('one seat left: alone it says 报名, with one family member 报名（排候补） and why', async () => {
    const school = await seed(12, 2);
    // twelve characters: at the title's normal size the twelfth would wrap alone
    const { eventId } = await apiEvent(school, { title: '三八节教职工电影专场观影', capacity: 2, maxFamily: 2 });
    const everyone = await people(school.orgId);
    const busy = new Set([school.chair, school.treasurer, ...school.committee, ...school.groupLeaders, ...school.delegates]);
    const [first, me] = everyone.filter((p) => !busy.has(p.memberId)) as [Person, Person];
    expect((await (await as(first.memberId))('POST', `/events/${eventId}/registrations`, {})).status).toBe(201);

    const page = await phoneAs(school.orgId, me.memberId);
    await page.goto(`/#/event/detail/index?id=${encodeURIComponent(eventId)}`);
    await page.getByTestId('signup').waitFor();
    expect(await text(page, 'signup')).toBe('报名');
    expect(await page.getByTestId('signup-wait-note').count()).toBe(0);
    await page.getByTestId('family-plus').click();
    await expect.poll(() => text(page, 'signup')).toBe('报名（排候补）');
    expect(await text(page, 'signup-wait-note')).toContain('只剩1个名额，不够2人');
    await shot(page, 'events-family-wait', { fullPage: true });
    // the server agrees: with one family member the member waits
    await page.getByTestId('signup').click();
    await expect.poll(() => text(page, 'my-status'), { timeout: 15_000 }).toBe('候补第1位');
    expect(await text(page, 'my-status-said')).toBe('名额已满，已排进候补');
    // 取消候补 (at the bottom of the page): the card, at the top, says so and comes into view
    await page.getByTestId('signup-cancel').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'my-status'), { timeout: 15_000 }).toBe('未报名');
    expect(await text(page, 'my-status-said')).toBe('已取消候补');
    await expect.poll(() => inView(page, 'my-status-card')).toBe(true);
    await shot(page, 'events-cancelled-card');
  });

  it('a group leader sees 本组报名 with the names of those not signed up', async () => {
    const school = await seed(14, 2);
    const { eventId } = await apiEvent(school, { title: '三八节观影' });
    const everyone = await people(school.orgId);
    const leader = everyone.find((p) => p.memberId === school.groupLeaders[0])!;
    const mates = everyone.filter((p) => p.groupName === leader.groupName && p.memberId !== leader.memberId);
    expect(mates.length).toBeGreaterThanOrEqual(2);
    const signed = mates[0]!;
    expect((await (await as(signed.memberId))('POST', `/events/${eventId}/registrations`, {})).status).toBe(201);

    const page = await phoneAs(school.orgId, leader.memberId);
    await page.getByTestId('tab-mine').click();
    await page.getByTestId('mine-group-signups').click();
    await page.getByTestId(`pick-${eventId}`).click();
    await page.getByTestId(`reg-${signed.memberId}`).waitFor();
    await page.getByTestId('regs-tab-missing').click();
    await page.getByTestId('regs-missing').waitFor();
    const missing = await page.getByTestId('regs-missing').innerText();
    expect(missing).toContain(mates[1]!.name);
    expect(missing).not.toContain(signed.name);
    await shot(page, 'events-group-leader', { fullPage: true });
  });
});
