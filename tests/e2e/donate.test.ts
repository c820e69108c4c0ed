/**
 * 捐款 in the H5 build: the committee opens a drive; a member sees it on 首页 and in the 捐款 tab,
 * gives ¥50.00 anonymously (a refused amount first, then a confirmation), reads 已登记 in 我的捐款;
 * the treasurer selects the gift and confirms it (全部确认), and the 公示 shows 匿名 ¥50.00 with the
 * confirmed total moved by exactly 5000 fen. Screenshots: tests/e2e/screenshots/donate-*.png
 */
import { afterEach, describe, expect, it } from 'vitest';
import { as, ordinary, seed } from '../support/fixtures';
import { shot } from './browser';
import { chinaIn, closePhones, noToast, phoneAs, text } from './phones';

afterEach(closePhones);

describe('捐款 (H5)', () => {
  it('a member gives ¥50.00 anonymously, the treasurer confirms, the 公示 shows 匿名 ¥50.00', async () => {
    const school = await seed(12, 2);
    const memberId = ordinary(school);

    // nothing running yet: the tab says so
    let page = await phoneAs(school.orgId, memberId);
    await page.getByTestId('tab-donate').click();
    await page.getByTestId('page-donate').getByTestId('state-empty').waitFor();
    await shot(page, 'donate-list-empty');
    await closePhones();

    const chair = await as(school.chair);
    const res = await chair('POST', `/orgs/${school.orgId}/campaigns`, {
      title: '2026年“一日捐”慈善捐款',
      kind: 'day-pay',
      closesAt: chinaIn(72),
      goalFen: 100_000,
      description: '捐款用于帮扶本区困难教职工和学生。',
    });
    expect(res.status).toBe(201);
    const { campaignId } = res.body as { campaignId: string };
    const totals = async () => ((await chair('GET', `/campaigns/${campaignId}`)).body as { confirmedFen: number; recordedFen: number; donorCount: number });
    const before = await totals();

    // 首页: a card for the running drive; it opens the campaign in the donate sub-package
    page = await phoneAs(school.orgId, memberId);
    await page.getByTestId('home-card-campaigns').waitFor();
    expect(await text(page, 'home-card-campaigns')).toContain('2026年“一日捐”慈善捐款');
    await shot(page, 'donate-home-card', { fullPage: true });

    await page.getByTestId('tab-donate').click();
    await page.getByTestId(`campaign-card-${campaignId}`).waitFor();
    expect(await text(page, `campaign-confirmed-${campaignId}`)).toBe('¥0.00');
    expect(await text(page, `campaign-donors-${campaignId}`)).toBe('0人捐款');
    await shot(page, 'donate-list');
    await page.getByTestId(`campaign-card-${campaignId}`).click();
    await page.getByTestId('give-form').waitFor();
    await page.getByTestId('honor-roll').waitFor();
    await shot(page, 'donate-campaign', { fullPage: true });

    // more than two decimals: parseYuan's refusal under the field, nothing sent
    await page.locator('[data-testid=give-amount] input').fill('50.001');
    await page.getByTestId('give-submit').click();
    await expect.poll(() => page.getByTestId('give-form').innerText()).toContain('金额最多两位小数（精确到分）');
    await shot(page, 'donate-give-invalid');

    await page.locator('[data-testid=give-amount] input').fill('50');
    await page.getByTestId('give-anonymous').click();
    expect(await page.getByTestId('give-anonymous').getAttribute('data-checked')).toBe('true');
    await page.getByTestId('give-submit').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('¥50.00');
    await shot(page, 'donate-give-confirm');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('give-done').waitFor();
    expect(await text(page, 'give-status')).toBe('已登记');
    expect(await text(page, 'give-amount-done')).toBe('¥50.00（匿名）');
    await noToast(page);
    await shot(page, 'donate-given');
    const recorded = await totals();
    expect(recorded.recordedFen - before.recordedFen).toBe(5000);
    expect(recorded.confirmedFen).toBe(before.confirmedFen); // not yet confirmed

    // 我的捐款: 已登记, and this year's total
    await page.goto('/#/donate/mine/index');
    await page.getByTestId('mydon-years').waitFor();
    const mine = (await page.getByTestId('page-my-donations').innerText()).replace(/\s+/g, '');
    expect(mine).toContain('已登记');
    expect(mine).toContain('含待确认共¥50.00');
    await shot(page, 'donate-mine-recorded');
    await closePhones();

    // the UI's gift, and a second one (¥0.01, by the API) that the treasurer will return
    const member = await as(memberId);
    const given = ((await member('GET', '/me/donations')).body as { donations: { donationId: string; amountFen: number }[] }).donations;
    expect(given.map((g) => g.amountFen)).toEqual([5000]);
    const gift = given[0]!.donationId;
    const stray = 'e2e-stray-gift-0001';
    expect((await member('POST', `/campaigns/${campaignId}/donations`, { donationId: stray, amountFen: 1, anonymous: false })).status).toBe(201);

    // the treasurer: the gifts with their donor; 退回 asks for a reason, then returns the stray one
    page = await phoneAs(school.orgId, school.treasurer);
    await page.goto(`/#/donate/campaign/index?id=${encodeURIComponent(campaignId)}`);
    await page.getByTestId(`gift-select-${gift}`).waitFor();
    expect(await text(page, `gift-${gift}`)).toContain('（匿名）');
    await shot(page, 'donate-treasurer', { fullPage: true });
    await page.getByTestId(`gift-reject-${stray}`).click();
    await page.getByTestId('reject-ok').click();
    await expect.poll(() => page.getByTestId('reject-error').innerText()).toContain('请填写退回原因');
    await shot(page, 'donate-treasurer-reject');
    await page.locator('[data-testid=reject-reason] input').fill('没有收到这笔钱');
    await page.getByTestId('reject-ok').click();
    await expect.poll(() => text(page, `gift-status-${stray}`)).toBe('未通过');
    expect(await page.getByTestId(`gift-reject-${stray}`).count()).toBe(0);

    // 全部确认 for the selection, after a confirmation
    await page.getByTestId(`gift-select-${gift}`).click();
    await expect.poll(() => text(page, 'gifts-confirm-all')).toContain('已选1笔');
    await page.getByTestId('gifts-confirm-all').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('¥50.00');
    await shot(page, 'donate-treasurer-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, `gift-status-${gift}`)).toBe('已确认');
    await page.getByTestId('honor-0').waitFor();
    expect(await text(page, 'honor-0')).toBe('匿名¥50.00');
    await expect.poll(() => text(page, `campaign-confirmed-${campaignId}`)).toBe('¥50.00');
    expect(await text(page, 'honor-total')).toBe('合计¥50.00');
    expect(await page.locator('[data-testid^=gift-confirm-]').count()).toBe(0);
    await noToast(page);
    await shot(page, 'donate-treasurer-confirmed', { fullPage: true });
    const after = await totals();
    expect(after.confirmedFen - before.confirmedFen).toBe(5000);
    expect(after.donorCount).toBe(before.donorCount + 1);
    await closePhones();

    // the member: 已确认 in 我的捐款; the honor roll shows 匿名, not the name
    page = await phoneAs(school.orgId, memberId);
    await page.goto('/#/donate/mine/index');
    await page.getByTestId('mydon-years').waitFor();
    await expect.poll(() => text(page, `mydon-status-${gift}`)).toBe('已确认');
    expect(await text(page, `mydon-status-${stray}`)).toBe('未通过');
    expect(await text(page, `mydon-reason-${stray}`)).toBe('未通过原因：没有收到这笔钱');
    expect(await text(page, 'mydon-years')).toContain('已确认¥50.00');
    await shot(page, 'donate-mine-confirmed');
    await page.goto(`/#/donate/campaign/index?id=${encodeURIComponent(campaignId)}`);
    await page.getByTestId('honor-0').waitFor();
    expect(await text(page, 'honor-0')).toBe('匿名¥50.00');
    expect(await page.getByTestId('honor-1').count()).toBe(0); // the returned gift is not published
    expect(await page.getByTestId('gifts').count()).toBe(0); // not the treasurer: no list of who gave
    await shot(page, 'donate-campaign-after', { fullPage: true });
  });
});
