import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { anon, as, ordinary, type School } from '../support/fixtures';
import { indexSettled } from '../support/eventually';
import { inHours } from '../support/time';
import { shot } from './browser';
import { closePhones, phoneAs } from './phones';

/**
 * 全区一日捐 in the browser: a school's member sees the district's campaign with its 全区 tag; the
 * district admin opens 全区捐款 from 我的 and reads each school's total and donor count, sorted.
 */
afterEach(closePhones);

const districtId = `dist-e2e-${randomBytes(4).toString('hex')}`;
const gid = () => `d-${randomBytes(9).toString('base64url')}`;

/** Three schools of a fresh district, a 全区 campaign, and confirmed gifts: school 0 gives most money (¥1000), school 1 has most donors (6). */
async function drive() {
  const schools: School[] = [];
  for (let i = 0; i < 3; i++) schools.push((await anon()('POST', '/dev/seed', { members: 12, delegates: 0, districtId })).body as School);
  await indexSettled();
  const admin = await as(schools[0]!.districtAdmin);
  const { campaignId } = (await admin('POST', `/districts/${districtId}/campaigns`, { title: '2026年博爱一日捐', kind: 'day-pay', closesAt: inHours(72), goalFen: 5_000_000 })).body;
  const plan: [number, number, number][] = [
    [0, 2, 50_000],
    [1, 6, 5_000],
    [2, 1, 10_000],
  ];
  for (const [s, donors, fen] of plan) {
    const school = schools[s]!;
    const treasurer = await as(school.treasurer);
    for (const memberId of school.members.slice(5, 5 + donors)) {
      const donationId = gid();
      await (await as(memberId))('POST', `/campaigns/${campaignId}/donations`, { donationId, amountFen: fen, anonymous: false });
      await treasurer('POST', `/donations/${donationId}/confirm`);
    }
  }
  await indexSettled();
  return { schools, campaignId };
}

describe('全区一日捐 (H5)', () => {
  it('a member sees the district campaign tagged 全区; the district admin reads each school’s total from 我的, sortable', async () => {
    const { schools, campaignId } = await drive();
    const names = await Promise.all(schools.map(async (s) => (await (await as(s.chair))('GET', `/orgs/${s.orgId}`)).body.name as string));

    // A member of school 2: the 捐款 tab lists it with its 全区 tag.
    let page = await phoneAs(schools[2]!.orgId, ordinary(schools[2]!));
    await page.goto('/#/pages/donate/index');
    const card = page.getByTestId(`campaign-card-${campaignId}`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain('全区');
    await shot(page, 'e2e-district-campaign-card');
    // Its page: the district's totals on the card, the school's own below, and the school's honor roll.
    await card.click();
    const own = page.getByTestId('campaign-school-totals');
    await own.waitFor({ timeout: 15_000 });
    expect(await own.innerText()).toContain('本校已确认 ¥100.00，1 人捐款');
    await shot(page, 'e2e-district-campaign-page', { fullPage: true });
    await closePhones();

    // The district admin: 我的 → 全区捐款 → the campaign → each school's totals.
    page = await phoneAs(`o-${districtId}-office`, schools[0]!.districtAdmin);
    await page.goto('/#/pages/mine/index');
    await page.getByTestId('mine-district-donations').click();
    await page.getByTestId(`dd-campaign-${campaignId}`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId(`dd-campaign-${campaignId}`).innerText()).toMatch(/已确认 ¥1,?400\.00 · 9 人捐款/);
    await shot(page, 'e2e-district-donations');
    await page.getByTestId(`dd-campaign-${campaignId}`).click();
    await page.getByTestId('dd-total-confirmed').waitFor({ timeout: 15_000 });
    // 2 × 500 + 6 × 50 + 1 × 100 yuan = 1,400 yuan, 9 donors.
    expect(await page.getByTestId('dd-total-confirmed').innerText()).toMatch(/1,?400\.00/);
    expect(await page.getByTestId('dd-total-sub').innerText()).toContain('9 人捐款');
    expect(await page.getByTestId('dd-total-schools').innerText()).toContain('3 所学校，3 所已有捐款');
    const order = async () => (await page.getByTestId('dd-schools').locator('[data-testid^="dd-school-o"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))));
    expect(await order()).toEqual([0, 1, 2].map((i) => `dd-school-${schools[i]!.orgId}`));
    await shot(page, 'e2e-district-rollup', { fullPage: true });
    await page.getByTestId('dd-order-donors').click();
    await expect.poll(order).toEqual([1, 0, 2].map((i) => `dd-school-${schools[i]!.orgId}`));
    const text = await page.getByTestId('dd-schools').innerText();
    for (const n of names) expect(text).toContain(n);
    expect(text).toContain('6 人捐款');
    await shot(page, 'e2e-district-rollup-by-donors', { fullPage: true });
  });
});
