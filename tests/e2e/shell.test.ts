import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { as, seed } from '../support/fixtures';
import { rosterXlsx } from '../support/xlsx';
import { launchPhone, shot, type PhoneSession } from './browser';
import { closePhones, phoneAs } from './phones';

let session: PhoneSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  await closePhones();
});

describe('mini-program shell (H5)', () => {
  it('a seeded member logs in and sees 我的 with the right name and roles', async () => {
    const school = await seed(20, 5);
    const delegate = school.delegates[0]!;
    session = await launchPhone({ baseURL: inject('webUrl') });
    const { page } = session;
    await page.goto(`/#/pages/login/index?org=${school.orgId}`);
    await page.getByTestId(`login-${delegate}`).waitFor();
    await shot(page, 'e2e-login');
    const name = (await page.getByTestId(`login-${delegate}`).innerText()).split('\n')[0]!.trim();
    await page.getByTestId(`login-${delegate}`).click();
    await page.getByTestId('consent-text').waitFor();
    await shot(page, 'e2e-consent');
    await page.getByTestId('consent-agree').click();
    await page.getByText('我的', { exact: true }).last().click();
    await expect.poll(() => page.getByTestId('mine-name').innerText()).toBe(name);
    await expect.poll(() => page.getByTestId('role-delegate').isVisible()).toBe(true);
    expect(await page.getByTestId('role-member').isVisible()).toBe(true);
    expect(await page.getByTestId('role-chair').count()).toBe(0);
    expect(await page.getByTestId('admin-entry').count()).toBe(0);
    await shot(page, 'e2e-mine-delegate');
    // 退出登录 asks first (our own dialog, in the page's type size); 取消 keeps the member in
    await page.getByTestId('logout').click();
    await page.getByTestId('confirm-ok').waitFor();
    await shot(page, 'e2e-logout-confirm');
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('confirm-ok').waitFor({ state: 'detached' });
    expect(await page.getByTestId('mine-name').innerText()).toBe(name);
  });

  it('the chair imports an .xlsx roster and sees the members listed', async () => {
    const school = await seed(10, 2);
    const page = await phoneAs(school.orgId, school.chair);
    const file = join(tmpdir(), `花名册-${Date.now()}.xlsx`);
    writeFileSync(
      file,
      await rosterXlsx([
        ['欧阳春晓', 'E2E01', '13900000001', '语文组', '是', '1970-05-01', '在职'],
        ['司马秋月', 'E2E02', '', '数学组', '否', '', '退休'],
      ]),
    );
    await page.goto(`/#/admin/import/index`);
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-count-create').innerText()).toContain('2');
    await shot(page, 'e2e-import-report');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('confirm-ok').click().catch(() => undefined);
    await page.waitForURL(/admin\/roster/, { timeout: 15_000 }).catch(() => page.goto('/#/admin/roster/index'));
    await page.getByText('欧阳春晓').first().waitFor({ timeout: 15_000 });
    await page.getByText('司马秋月').first().waitFor();
    await shot(page, 'e2e-roster-after-import');

    // the member form (TextField, FormFooter): a wrong phone number is said under its box
    await page.getByText('欧阳春晓').first().click();
    await page.getByTestId('member-save').waitFor();
    await shot(page, 'e2e-member-form', { fullPage: true });
    await page.locator('[data-testid=member-phone-input] input').fill('1390000');
    await page.getByTestId('member-save').click();
    await page.getByText('手机号应为 11 位数字').waitFor();
    await shot(page, 'e2e-member-invalid', { fullPage: true });
    await page.getByTestId('member-deactivate').click();
    await page.getByTestId('confirm-cancel').waitFor();
    await shot(page, 'e2e-member-deactivate-confirm');
    await page.getByTestId('confirm-cancel').click();
    // 微信绑定邀请码: the code, once, in the same dialog
    await page.getByTestId('member-invite').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('invite-dialog').waitFor({ timeout: 15_000 });
    await shot(page, 'e2e-member-invite-dialog');
    await page.getByTestId('invite-dialog-close').click();
    await page.getByTestId('invite-dialog').waitFor({ state: 'detached' });

    // 我的 of the chair: 报名名单 (every group's sign-ups) and 管理
    await page.goto('/#/pages/mine/index');
    await expect.poll(() => page.getByTestId('mine-group-signups').innerText()).toContain('报名名单');
    await page.getByTestId('admin-entry').waitFor();
    await shot(page, 'e2e-mine-chair', { fullPage: true });
  });

  it('the district union’s admin opens 全区学校 from 首页 and finds a school', async () => {
    const school = await seed(10, 0);
    const orgName = (await (await as(school.chair))('GET', `/orgs/${school.orgId}`)).body.name as string;
    const page = await phoneAs('o-dist-dev-office', (school as typeof school & { districtAdmin: string }).districtAdmin);
    await page.getByTestId('shortcut-district').click();
    await page.getByTestId(`school-${school.orgId}`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId(`school-${school.orgId}`).innerText()).toContain(orgName);
    await shot(page, 'e2e-district');
  });
});
