/**
 * 首页 shows what waits for me: my next events (已报名 / 候补第 N 位), events open to me, new
 * messages; a member promoted from the waitlist sees it there. Loading, nothing to do, and a
 * source that fails. Screenshots: tests/e2e/screenshots/home-*.png
 */
import { afterEach, describe, expect, it } from 'vitest';
import { as, ordinary, seed } from '../support/fixtures';
import { shot } from './browser';
import { chinaIn, closePhones, people, phoneAs, text } from './phones';

afterEach(closePhones);

describe('首页 (H5)', () => {
  it('a member on the waitlist sees 候补第1位 and what is open; promoted, 已报名 and the message', async () => {
    const school = await seed(12, 2);
    const chair = await as(school.chair);
    const event = async (title: string, capacity: number) => {
      const res = await chair('POST', `/orgs/${school.orgId}/events`, { title, place: '学校礼堂', startsAt: chinaIn(48), signupClosesAt: chinaIn(24), capacity });
      expect(res.status).toBe(201);
      return (res.body as { eventId: string }).eventId;
    };
    const full = await event('迎新春教职工联欢会', 1);
    const open = await event('羽毛球友谊赛', 8);
    const busy = new Set([school.chair, school.treasurer, ...school.committee, ...school.groupLeaders, ...school.delegates]);
    const [first, me] = (await people(school.orgId)).filter((p) => !busy.has(p.memberId));
    expect((await (await as(first!.memberId))('POST', `/events/${full}/registrations`, {})).status).toBe(201);
    expect((await (await as(me!.memberId))('POST', `/events/${full}/registrations`, {})).body).toMatchObject({ status: 'waitlisted', position: 1 });

    const page = await phoneAs(school.orgId, me!.memberId);
    await page.getByTestId(`home-mine-${full}`).waitFor();
    expect(await text(page, `home-mine-${full}`)).toContain('候补第1位');
    expect(await text(page, `home-open-${open}`)).toContain('剩余8个名额');
    expect(await page.getByTestId(`home-open-${full}`).count()).toBe(0); // mine already, not offered again
    expect(await page.getByTestId('home-card-messages').count()).toBe(0); // nothing new
    await shot(page, 'home-waiting', { fullPage: true });

    // the one ahead cancels: the waitlist moves, and 首页 says so when the member comes back to it
    expect((await (await as(first!.memberId))('DELETE', `/events/${full}/registrations/me`)).status).toBe(200);
    await page.getByTestId('tab-events').click();
    await page.getByTestId('page-events').waitFor();
    await page.getByTestId('tab-home').click();
    await expect.poll(() => text(page, `home-mine-${full}`), { timeout: 15_000 }).toContain('已报名');
    expect(await text(page, 'home-card-messages')).toContain('候补成功');
    await shot(page, 'home-promoted', { fullPage: true });

    // a tap opens the event; the card's last row opens the whole list
    await page.getByTestId(`home-mine-${full}`).click();
    await expect.poll(() => text(page, 'my-status')).toBe('已报名');
    await page.goBack();
    await page.getByTestId('home-more-messages').click();
    await page.locator('[data-testid^=message-]').first().waitFor();

    // 大字模式
    await page.goto('/#/pages/mine/index');
    await page.getByTestId('large-text-switch').click();
    await page.getByTestId('tab-home').click();
    await page.getByTestId(`home-mine-${full}`).waitFor();
    await shot(page, 'home-large', { fullPage: true });
  });

  it('says so when nothing waits, while it loads, and when a part cannot be loaded', async () => {
    const school = await seed(10, 0);
    const page = await phoneAs(school.orgId, ordinary(school));
    await page.getByTestId('page-home').getByTestId('state-empty').waitFor();
    expect(await text(page, 'page-home')).toContain('现在没有要办的事');
    await shot(page, 'home-empty');

    // slow: a spinner in place of the cards
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/me/registrations', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await page.getByTestId('page-home').getByTestId('state-loading').waitFor();
    release();
    await page.getByTestId('page-home').getByTestId('state-empty').waitFor();

    // the messages cannot be loaded: the rest still shows, with a way to try again
    const chair = await as(school.chair);
    const res = await chair('POST', `/orgs/${school.orgId}/events`, { title: '健步走', place: '操场', startsAt: chinaIn(48), signupClosesAt: chinaIn(24), capacity: 30 });
    await page.unroute('**/api/me/registrations');
    await page.route('**/api/me/messages', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"UNAVAILABLE","message":"服务器开小差了，请稍后再试"}}' }));
    await page.reload();
    await page.getByTestId(`home-open-${(res.body as { eventId: string }).eventId}`).waitFor();
    await page.getByTestId('inline-error').waitFor();
    await shot(page, 'home-part-failed');

    // nothing can be loaded: one error, one 重试
    await page.route('**/api/orgs/*/events', (route) => route.abort());
    await page.route('**/api/orgs/*/campaigns', (route) => route.abort());
    await page.route('**/api/orgs/*/ballots', (route) => route.abort());
    await page.route('**/api/orgs/*/notices', (route) => route.abort());
    await page.reload();
    await page.getByTestId('page-home').getByTestId('state-error').waitFor();
    await page.unroute('**/api/orgs/*/events');
    await page.unroute('**/api/orgs/*/campaigns');
    await page.unroute('**/api/orgs/*/ballots');
    await page.unroute('**/api/orgs/*/notices');
    await page.unroute('**/api/me/messages');
    await page.getByTestId('retry').click();
    await page.getByTestId('home-card-open').waitFor();
  });
});
