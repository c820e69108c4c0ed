/**
 * 适老化 as WeChat defines it: a member whose WeChat is in 关怀模式 (fontSizeScaleFactor 1.4; simulated in
 * H5 with ?wxfont=care, lib/wechatFont.h5.ts) opens 首页, an event, a campaign, a ballot and a proposal at
 * 1.4× type; the 报名, 捐款, 核对选票 and 附议 buttons stay on the screen without scrolling sideways; 大字模式 on top never makes the
 * type smaller; WeChat's +3 step (1.2) and standard size. Every `shot` also runs axe-core and the
 * minimums at standard size and at 关怀模式 (./a11y.ts).
 * Screenshots: tests/e2e/screenshots/care-*.png
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { as, ordinary, seed } from '../support/fixtures';
import { CARE_SCALE, MIN_BUTTON_PX, MIN_TEXT_PX, restoreType, setType } from './a11y';
import { shot } from './browser';
import { chinaIn, closePhones, phoneAs } from './phones';

afterEach(closePhones);

/** The type scale a page root is drawn at: its font size over what it is at WeChat's standard size (no 大字模式). */
async function typeScale(page: Page, testId: string): Promise<{ style: string; px: number; scale: number }> {
  const size = `parseFloat(getComputedStyle(document.querySelector('[data-testid=${testId}]')).fontSize)`;
  await page.getByTestId(testId).waitFor();
  const px = await page.evaluate<number>(size);
  const style = (await page.getByTestId(testId).getAttribute('style')) ?? '';
  await setType(page, 'standard');
  try {
    const base = await page.evaluate<number>(size);
    return { style, px, scale: Math.round((px / base) * 100) / 100 };
  } finally {
    await restoreType(page);
  }
}

/** The whole of the element across the screen's width (reachable without scrolling sideways), and at least 44 px × 1.4 tall. */
async function reachable(page: Page, testId: string): Promise<void> {
  const el = page.getByTestId(testId);
  await el.scrollIntoViewIfNeeded();
  const box = (await el.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, `${testId} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${testId} right edge`).toBeLessThanOrEqual(width);
  expect(box.height, `${testId} height`).toBeGreaterThanOrEqual(MIN_BUTTON_PX * CARE_SCALE);
  // nothing on the page scrolls sideways
  const wide = await page.evaluate(`[...document.querySelectorAll('.taro_page')].filter((p) => p.getBoundingClientRect().height > 0).map((p) => p.scrollWidth - p.clientWidth).concat(document.documentElement.scrollWidth - window.innerWidth)`);
  expect(Math.max(...(wide as number[]))).toBeLessThanOrEqual(0);
}

describe('关怀模式 and WeChat font sizes (H5)', () => {
  it('in 关怀模式 首页, an event and a campaign are drawn 1.4× and the 报名 and 捐款 buttons stay on screen', async () => {
    const school = await seed(12, 2);
    const chair = await as(school.chair);
    const ev = await chair('POST', `/orgs/${school.orgId}/events`, {
      title: '退休教师重阳节登高活动',
      place: '城北公园南门集合',
      startsAt: chinaIn(72),
      signupClosesAt: chinaIn(48),
      capacity: 40,
      description: '沿山路慢走约两小时，中午在公园餐厅用餐。请穿防滑的鞋。',
    });
    expect(ev.status).toBe(201);
    const { eventId } = ev.body as { eventId: string };
    const cp = await chair('POST', `/orgs/${school.orgId}/campaigns`, {
      title: '2026年“一日捐”慈善捐款',
      kind: 'day-pay',
      closesAt: chinaIn(72),
      goalFen: 100_000,
      description: '捐款用于帮扶本区困难教职工和学生。',
    });
    expect(cp.status).toBe(201);
    const { campaignId } = cp.body as { campaignId: string };

    const page = await phoneAs(school.orgId, ordinary(school), { wxfont: 'care' });
    await page.getByTestId(`home-open-${eventId}`).waitFor();
    const home = await typeScale(page, 'page-home');
    expect(home.style).toMatch(/--wx:\s*1\.4\b/);
    expect(home.scale).toBe(CARE_SCALE);
    expect(home.px).toBeGreaterThanOrEqual(MIN_TEXT_PX * CARE_SCALE);
    await shot(page, 'care-home', { fullPage: true });

    // an event: the sign-up button whole on the screen
    await page.getByTestId(`home-open-${eventId}`).click();
    await page.getByTestId('signup').waitFor();
    expect((await typeScale(page, 'page-event')).scale).toBe(CARE_SCALE);
    await reachable(page, 'signup');
    await shot(page, 'care-event', { fullPage: true });

    // a campaign, opened by a link (the setting stays for the session): the give button whole on the screen
    await page.goto(`/#/donate/campaign/index?id=${encodeURIComponent(campaignId)}`);
    await page.getByTestId('give-form').waitFor();
    expect((await typeScale(page, 'page-campaign')).scale).toBe(CARE_SCALE);
    await reachable(page, 'give-submit');
    await shot(page, 'care-campaign', { fullPage: true });

    // 大字模式 on top of 关怀模式: at least as large, never smaller
    await page.goto('/#/pages/mine/index');
    await page.getByTestId('large-text-switch').click();
    await expect.poll(() => page.getByTestId('page-mine').getAttribute('class')).toContain('large-text');
    const mine = await typeScale(page, 'page-mine');
    expect(mine.scale).toBe(CARE_SCALE);
    await shot(page, 'care-mine-large');
  });

  it('in 关怀模式 a delegate’s ballot is drawn 1.4× with large choices, and 核对选票 stays on screen', async () => {
    const school = await seed(12, 4);
    const chair = await as(school.chair);
    const made = await chair('POST', `/orgs/${school.orgId}/ballots`, {
      title: '第五届教代会第三次会议表决',
      electorate: 'delegates',
      questions: [
        { id: 'plan', text: '通过《学校绩效工资分配方案（修订稿）》', kind: 'motion' },
        { id: 'zhang', text: '对张三同志的评价', kind: 'rating' },
      ],
    });
    expect(made.status).toBe(201);
    const { ballotId } = made.body as { ballotId: string };
    expect((await chair('POST', `/ballots/${ballotId}/open`, {})).status).toBe(200);
    const delegate = school.delegates.find((d) => d !== school.chair)!;

    const page = await phoneAs(school.orgId, delegate, { wxfont: 'care' });
    await page.goto(`/#/ballot/detail/index?id=${encodeURIComponent(ballotId)}`);
    await page.getByTestId('vote-form').waitFor();
    expect((await typeScale(page, 'page-ballot')).scale).toBe(CARE_SCALE);
    // each choice a row at least as tall as a primary button in 关怀模式 (measured once the layout has settled back)
    await expect.poll(async () => (await page.getByTestId('vote-plan-choice-0').boundingBox())!.height).toBeGreaterThanOrEqual(MIN_BUTTON_PX * CARE_SCALE);
    await reachable(page, 'vote-next');
    await shot(page, 'care-ballot', { fullPage: true });
  });

  it('in 关怀模式 a proposal waiting for 附议 is drawn 1.4× and 附议 stays on screen', async () => {
    const school = await seed(12, 4);
    const chair = await as(school.chair);
    const session = await chair('POST', `/orgs/${school.orgId}/sessions`, { title: '第九届教代会第三次会议提案征集', opensAt: chinaIn(-1), closesAt: chinaIn(240) });
    expect(session.status).toBe(201);
    const [proposer, cosigner] = school.delegates.filter((d) => d !== school.chair);
    const by = await as(proposer!);
    const draft = await by('POST', `/sessions/${session.body.sessionId}/proposals`, {
      title: '关于增加教师食堂早餐品种的建议',
      category: 'welfare',
      reason: '目前早餐品种少，早到校的老师常常吃不上热饭。',
      suggestion: '增加粥、面条和鸡蛋，七点前开门。',
    });
    expect(draft.status).toBe(201);
    const { proposalId } = draft.body as { proposalId: string };
    expect((await by('POST', `/proposals/${proposalId}/submit`)).status).toBe(200);

    const page = await phoneAs(school.orgId, cosigner!, { wxfont: 'care' });
    await page.goto(`/#/proposal/detail/index?id=${encodeURIComponent(proposalId)}`);
    await page.getByTestId('proposal-cosign').waitFor();
    expect((await typeScale(page, 'page-proposal')).scale).toBe(CARE_SCALE);
    await reachable(page, 'proposal-cosign');
    await shot(page, 'care-proposal', { fullPage: true });
  });

  it('follows WeChat’s +3 step (1.2×), 大字模式 wins over it (1.25×), and standard size has no scale at all', async () => {
    const school = await seed(10, 0);
    const page = await phoneAs(school.orgId, ordinary(school), { wxfont: 'plus3' });
    const plus3 = await typeScale(page, 'page-home');
    expect(plus3.style).toMatch(/--wx:\s*1\.2\b/);
    expect(plus3.scale).toBe(1.2);
    await shot(page, 'plus3-home');

    await page.goto('/#/pages/mine/index');
    await page.getByTestId('large-text-switch').click();
    await expect.poll(async () => (await typeScale(page, 'page-mine')).scale).toBe(1.25);

    // back to WeChat's standard size (another query parameter): no style, 大字模式 alone
    await page.goto('/?wxfont=standard#/pages/mine/index');
    await page.getByTestId('large-text-switch').waitFor();
    expect(await page.getByTestId('page-mine').getAttribute('class')).toContain('large-text');
    const standard = await typeScale(page, 'page-mine');
    expect(standard.style).toBe('');
    expect(standard.scale).toBe(1.25);
    await page.getByTestId('large-text-switch').click();
    await expect.poll(async () => (await typeScale(page, 'page-mine')).scale).toBe(1);
  });
});
