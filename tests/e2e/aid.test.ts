/**
 * 困难补助 in the H5 build: a member opens it from 我的, reads the privacy promise, applies
 * (a refused amount first, then a confirmation); a committee member approves the amount; the
 * treasurer pays after a confirmation, and the fund's balance moves by exactly the amount.
 * Another member sees counts and sums only. Screenshots: tests/e2e/screenshots/aid-*.png
 */
import { afterEach, describe, expect, it } from 'vitest';
import { as, ordinary, seed } from '../support/fixtures';
import { shot } from './browser';
import { closePhones, noToast, phoneAs, text } from './phones';

afterEach(closePhones);

describe('困难补助 (H5)', () => {
  it('a member applies, the committee approves, the treasurer pays: the balance moves by exactly the amount', async () => {
    const school = await seed(12, 2);
    const memberId = ordinary(school);
    const treasurerApi = await as(school.treasurer);
    expect((await treasurerApi('POST', `/orgs/${school.orgId}/fund/entries`, { kind: 'opening', amountFen: 2_000_000, note: '互助储金' })).status).toBe(201);
    const balance = async () => ((await treasurerApi('GET', `/orgs/${school.orgId}/fund/entries`)).body as { balanceFen: number }).balanceFen;
    const before = await balance();

    // the member: 我的 → 困难补助 → 申请
    let page = await phoneAs(school.orgId, memberId);
    await page.getByTestId('tab-mine').click();
    await page.getByTestId('mine-aid').click();
    await page.getByTestId('aid-terms').waitFor();
    expect(await page.getByTestId('aid-balance').count()).toBe(0); // a member sees no balance
    await shot(page, 'aid-home-member', { fullPage: true });
    await page.getByTestId('aid-apply').click();
    await page.getByTestId('aid-privacy').waitFor();
    expect(await text(page, 'aid-privacy')).toContain('仅工会主席和财务可见');
    await page.getByTestId('aid-category-0').click();
    await page.locator('[data-testid=aid-amount] input').fill('3000.001');
    await page.locator('[data-testid=aid-reason] textarea').fill('爱人住院做手术，自付费用较多，家庭困难。');
    await page.getByTestId('aid-submit').click();
    await expect.poll(() => page.getByTestId('page-aid-apply').innerText()).toContain('金额最多两位小数（精确到分）');
    await shot(page, 'aid-apply-invalid', { fullPage: true });
    await page.locator('[data-testid=aid-amount] input').fill('3000');
    await page.getByTestId('aid-submit').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('¥3000.00');
    await shot(page, 'aid-apply-confirm');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('aid-case').waitFor();
    expect(await text(page, 'aid-case-status')).toBe('待审批');
    await noToast(page);
    await shot(page, 'aid-case-pending');
    const caseId = new URL(page.url().replace('#/', '')).searchParams.get('id')!;
    expect(caseId).toBeTruthy();
    await closePhones();

    // a committee member: approves ¥2,500.50
    page = await phoneAs(school.orgId, school.committee[0]!);
    await page.goto(`/#/aid/case/index?id=${encodeURIComponent(caseId)}`);
    await page.getByTestId('aid-decide').waitFor();
    await page.locator('[data-testid=aid-approve-amount] input').fill('2500.5');
    await shot(page, 'aid-committee-decide', { fullPage: true });
    await page.getByTestId('aid-approve').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('¥2500.50');
    await page.getByTestId('confirm-ok').click();
    // once decided, a committee member who is not the chair no longer sees whose case it is
    await page.getByTestId('aid-decided').waitFor();
    expect(await text(page, 'aid-decided')).toContain('¥2500.50');
    await shot(page, 'aid-committee-decided');
    await closePhones();

    // the treasurer: pays after a confirmation; the ledger shows the entry and the new balance
    page = await phoneAs(school.orgId, school.treasurer);
    await page.goto(`/#/aid/case/index?id=${encodeURIComponent(caseId)}`);
    await page.getByTestId('aid-pay').waitFor();
    expect(await text(page, 'aid-case-approved')).toBe('¥2500.50');
    await shot(page, 'aid-treasurer-case', { fullPage: true });
    await page.getByTestId('aid-pay').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('¥2500.50');
    await shot(page, 'aid-treasurer-pay-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'aid-case-status')).toBe('已发放');
    await noToast(page);
    await shot(page, 'aid-treasurer-paid');
    await page.goto('/#/aid/fund/index');
    await page.getByTestId('fund-entries').waitFor();
    expect(await text(page, 'fund-balance-amount')).toBe('¥17499.50');
    expect(await text(page, 'fund-entries')).toContain('-¥2500.50');
    await shot(page, 'aid-fund-ledger', { fullPage: true });
    expect(before - (await balance())).toBe(250_050);
    await closePhones();

    // another member: the term's count and sum, no name, no balance
    const names = (await (await as(school.chair))('GET', `/orgs/${school.orgId}/members`)).body.members as { memberId: string; name: string }[];
    const applicantName = names.find((m) => m.memberId === memberId)!.name;
    const otherId = school.members.find((m) => m !== memberId && m !== school.chair && m !== school.treasurer && !school.committee.includes(m))!;
    page = await phoneAs(school.orgId, otherId);
    await page.goto('/#/aid/index/index');
    await page.getByTestId('aid-terms').waitFor();
    await expect.poll(() => text(page, 'aid-terms')).toContain('1人次¥2500.50');
    expect(await page.getByTestId('page-aid').innerText()).not.toContain(applicantName);
    await shot(page, 'aid-home-other', { fullPage: true });
  }, 180_000);
});
