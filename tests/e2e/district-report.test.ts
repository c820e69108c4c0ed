import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { previousTerm, termLabel, termOf } from '../../shared/domain/term';
import { anon, type School } from '../support/fixtures';
import { indexSettled } from '../support/eventually';
import { readXlsx } from '../support/xlsx';
import { shot } from './browser';
import { closePhones, phoneAs } from './phones';

/**
 * 各校学期汇总 in the browser: the district admin opens it from 全区学校, reads the district's
 * totals, sorts the schools by a column and downloads the .xlsx. Three schools of a fresh district
 * get term tallies through the dev fixture (the flows that keep them are tested beside each flow).
 */
afterEach(closePhones);

const districtId = `dist-drp-${randomBytes(4).toString('hex')}`;
const term = termOf(Date.now());

/** School 0 has the most participations, school 1 the most money, school 2 the most care visits. */
const TALLIES = [
  { figures: { 'events.held': 6, 'events.participations': 240, 'donations.confirmedFen': 150_000, 'care.visits': 2, 'care.giftFen': 60_000, 'ballots.cast': 40, 'ballots.eligible': 50 }, members: { 'members.active': 96, 'members.retired': 20 } },
  { figures: { 'events.held': 3, 'events.participations': 90, 'donations.confirmedFen': 1_234_567, 'care.visits': 4, 'care.giftFen': 80_000, 'ballots.cast': 70, 'ballots.eligible': 100 }, members: { 'members.active': 150, 'members.retired': 31 } },
  { figures: { 'events.held': 1, 'events.participations': 12, 'donations.confirmedFen': 9_901, 'care.visits': 9, 'care.giftFen': 135_000 }, members: { 'members.active': 42, 'members.retired': 5 } },
];

describe('各校学期汇总 (H5)', () => {
  it('the district admin reads the totals, sorts the schools by a column, opens one and downloads the .xlsx', async () => {
    const schools: School[] = [];
    for (const [i, t] of TALLIES.entries()) {
      schools.push((await anon()('POST', '/dev/seed', { members: 10, delegates: 0, districtId })).body as School);
      expect((await anon()('POST', `/dev/orgs/${schools[i]!.orgId}/tally`, { term, ...t })).status).toBe(200);
    }
    await indexSettled();

    const page = await phoneAs(`o-${districtId}-office`, schools[0]!.districtAdmin);
    await page.getByTestId('shortcut-district').click();
    await page.getByTestId('district-report-link').click();

    const totals = page.getByTestId('drp-totals');
    await totals.waitFor({ timeout: 15_000 });
    expect(await totals.innerText()).toContain('3 所学校');
    expect(await page.getByTestId('drp-total-active').innerText()).toContain('318'); // 96 + 150 + 42 on top of the 10 members each seed keeps
    expect(await page.getByTestId('drp-total-participations').innerText()).toContain('342');
    expect(await page.getByTestId('drp-total-confirmedFen').innerText()).toContain('¥13944.68'); // 1500.00 + 12345.67 + 99.01
    expect(await page.getByTestId('drp-total-turnout').innerText()).toMatch(/73\.3%\s*已投 110 \/ 应投 150/); // from the sums, not (80% + 70%) / 2
    await shot(page, 'e2e-district-report', { fullPage: true });

    const order = () => page.getByTestId('drp-schools').locator('[data-testid^="drp-school-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    const ids = (...i: number[]) => i.map((n) => `drp-school-${schools[n]!.orgId}`);
    expect(await order()).toEqual(ids(0, 1, 2)); // 参与人次, largest first
    await page.getByTestId('drp-sort').click();
    await page.getByText('捐款（元）（从高到低）').click();
    await expect.poll(order).toEqual(ids(1, 0, 2));
    expect(await page.getByTestId(`drp-value-${schools[1]!.orgId}`).innerText()).toBe('¥12345.67');
    await page.getByTestId('drp-sort').click();
    await page.getByText('慰问（从高到低）').click();
    await expect.poll(order).toEqual(ids(2, 1, 0));
    await shot(page, 'e2e-district-report-by-care', { fullPage: true });

    await page.getByTestId(`drp-school-${schools[1]!.orgId}`).click();
    const detail = page.getByTestId('drp-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('70.0%（70/100）');
    await shot(page, 'e2e-district-report-school');
    await page.getByTestId('drp-detail-close').click();

    // The term before: no school has figures in it yet (member counts are now, so the schools stay listed).
    await page.getByTestId('drp-term').click();
    await page.getByTestId('drp-term-choice-1').click();
    await expect.poll(() => page.getByTestId('drp-term-label').innerText()).toBe(termLabel(previousTerm(term)));
    await page.getByText('这个学期各校还没有数据').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('drp-total-participations').innerText()).toContain('0');
    await shot(page, 'e2e-district-report-empty-term', { fullPage: true });
    await page.getByTestId('drp-term').click();
    await page.getByTestId('drp-term-choice-0').click();
    await expect.poll(() => page.getByTestId('drp-total-participations').innerText()).toContain('342');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drp-export').click()]);
    expect(download.suggestedFilename()).toBe(`各校工会工作数据汇总-${term}.xlsx`);
    const sheet = (await readXlsx(new Uint8Array(readFileSync((await download.path())!)).buffer)).map((r) => r.join('|'));
    expect(sheet.find((r) => r.startsWith('全区合计|'))).toContain('|13944.68|');
    expect(sheet.slice(sheet.findIndex((r) => r.startsWith('学校|')) + 1)).toHaveLength(4); // three schools and the totals
  });
});
