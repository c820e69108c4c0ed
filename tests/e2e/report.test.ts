/**
 * 学期总结, 通知 and 送温暖 in the H5 build. A term is seeded through the API (an event with three
 * sign-ups, a campaign with two confirmed gifts, a care visit, a closed ballot); the chair opens
 * 学期总结 from 我的 → 管理, reads the figures and the charts, opens the records behind the money,
 * and downloads the draft (.docx: a zip whose word/document.xml has the figure). Then the chair posts
 * a notice, a member sees it on 首页 and opens it, and the chair reads 已读 1 人; and the chair
 * records a care visit (¥500.50, confirmed first). Screenshots: tests/e2e/screenshots/report-*.png
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { chinaDateTime } from '../../shared/domain/chinaTime';
import { previousTerm, termOf, termRange } from '../../shared/domain/term';
import { as, ordinary, seed, type School } from '../support/fixtures';
import { eventually } from '../support/eventually';
import { inHours } from '../support/time';
import { docxParagraphs, zipEntry } from '../support/zip';
import { shot } from './browser';
import { closePhones, noToast, people, phoneAs, text } from './phones';

afterEach(closePhones);

type Call = Awaited<ReturnType<typeof as>>;
const must = async (p: Promise<{ status: number; body: any }>) => {
  const res = await p;
  expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  return res.body;
};

/** This semester as the page picks it by default (China time). */
function semester(now = Date.now()) {
  const today = chinaDateTime(now).date;
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (m >= 2 && m <= 7) return { from: `${y}-02-01`, to: `${y}-07-31` };
  const start = m === 1 ? y - 1 : y;
  return { from: `${start}-08-01`, to: `${start + 1}-01-31` };
}

async function seedTerm(school: School, chair: Call) {
  const busy = new Set([school.chair, school.treasurer, ...school.committee, ...school.groupLeaders, ...school.delegates]);
  const plain = school.members.filter((m) => !busy.has(m));
  const [A, B, C] = plain as [string, string, string];
  const calls = await Promise.all([A, B, C].map((id) => as(id)));

  const event = (await must(chair('POST', `/orgs/${school.orgId}/events`, { title: '教职工趣味运动会', place: '学校操场', startsAt: inHours(5), signupClosesAt: inHours(4), capacity: 30 }))).eventId as string;
  for (const c of calls) await must(c('POST', `/events/${event}/registrations`, {}));

  const campaign = (await must(chair('POST', `/orgs/${school.orgId}/campaigns`, { title: '慈善一日捐', kind: 'day-pay', closesAt: inHours(48) }))).campaignId as string;
  const treasurer = await as(school.treasurer);
  for (const [c, fen] of [[calls[0]!, 5000], [calls[1]!, 1234]] as const) {
    const gift = (await must(c('POST', `/campaigns/${campaign}/donations`, { donationId: `e2e-${Math.random().toString(36).slice(2, 12)}`, amountFen: fen, anonymous: false }))).donationId as string;
    await must(treasurer('POST', `/donations/${gift}/confirm`, {}));
  }

  const today = chinaDateTime(Date.now()).date;
  const visit = (await must(chair('POST', `/orgs/${school.orgId}/care-visits`, { memberId: C, kind: 'illness', date: today, giftFen: 30_000 }))).visitId as string;

  const ballot = (await must(chair('POST', `/orgs/${school.orgId}/ballots`, { title: '本学期工作计划表决', electorate: 'delegates', questions: [{ id: 'q1', text: '通过本学期工作计划', kind: 'motion' }] }))).ballotId as string;
  await must(chair('POST', `/ballots/${ballot}/open`, {}));
  for (const d of school.delegates.slice(0, 2)) await must((await as(d))('POST', `/ballots/${ballot}/votes`, { answers: { q1: 'for' } }));
  await must(chair('POST', `/ballots/${ballot}/close`, {}));
  return { event, campaign, visit, ballot, eligible: school.delegates.length };
}

describe('学期总结, 通知, 送温暖 (H5)', () => {
  it('the chair reads the term’s figures and charts, opens the records behind one, and downloads the draft', async () => {
    const school = await seed(14, 3);
    const chair = await as(school.chair);
    const t = await seedTerm(school, chair);
    const term = semester();
    // the report lists through the index: wait until it has everything seeded
    await eventually(async () => {
      const r = (await chair('GET', `/orgs/${school.orgId}/report?from=${term.from}&to=${term.to}`)).body as any;
      expect([r.events.held, r.events.participants, r.donations.confirmedFen, r.care.visits, r.ballots.held]).toEqual([1, 3, 6234, 1, 1]);
    }, { timeoutMs: 15_000 });

    const page = await phoneAs(school.orgId, school.chair);
    await page.getByTestId('tab-mine').click();
    await page.getByTestId('admin-entry').click();
    await shot(page, 'report-admin');
    await page.getByTestId('admin-report').click();
    await page.getByTestId('fig-events.held').waitFor();
    expect(await text(page, 'report-term-name')).toMatch(/学期$/);
    expect(await text(page, 'fig-events.held')).toContain('1场');
    expect(await text(page, 'fig-events.participants')).toContain('3人');
    expect(await text(page, 'fig-donations.confirmedFen')).toContain('¥62.34');
    expect(await text(page, 'fig-donations.donors')).toContain('2人');
    expect(await text(page, 'fig-care.giftFen')).toContain('¥300.00');
    expect(await text(page, 'fig-ballots.turnout')).toContain(`（2/${t.eligible}）`);
    // the charts: one bar per event, campaign, kind of visit, ballot; the exact numbers beside them
    expect(await text(page, `chart-events-${t.event}`)).toBe('教职工趣味运动会3人');
    expect(await text(page, `chart-campaigns-${t.campaign}`)).toBe('慈善一日捐¥62.34（2人）');
    expect(await text(page, 'chart-care-illness')).toBe('生病住院1次·¥300.00');
    expect(await text(page, `chart-ballots-${t.ballot}`)).toContain(`（2/${t.eligible}）`);
    expect(await page.getByTestId('chart-proposals').locator('.rp-bar').count()).toBe(7);
    const width = (id: string) => page.getByTestId(id).locator('.rp-bar__fill').evaluate((e) => (e as unknown as { style: { width: string } }).style.width);
    expect(await width(`chart-events-${t.event}`)).toBe('100%');
    expect(await width('chart-proposals-rejected')).toBe('0%');
    await shot(page, 'report-figures', { fullPage: true });

    // the records behind the money add up to it
    await page.getByTestId('fig-donations.confirmedFen').click();
    await page.getByTestId('records').waitFor();
    expect(await text(page, 'records-count')).toBe('已确认捐款：共2条，合计¥62.34');
    await shot(page, 'report-records', { fullPage: true });
    await page.goBack();
    await page.getByTestId('report-docx').waitFor();

    // the draft: a .docx (a zip) whose document has the figure
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/工作总结初稿\.docx$/);
    const docx = readFileSync((await download.path())!);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(zipEntry(docx, 'word/document.xml')).toContain('62.34');
    expect(docxParagraphs(docx).join('\n')).toContain('教职工趣味运动会');
    await noToast(page);
  });

  it('the chair posts a notice; a member sees it on 首页 and opens it; the chair sees 已读 1 人', async () => {
    const school = await seed(10, 2);
    const memberId = ordinary(school);
    const title = '关于开展教职工体检的通知';

    let page = await phoneAs(school.orgId, school.chair);
    await page.getByTestId('tab-mine').click();
    await page.getByTestId('mine-notices').click();
    await page.getByTestId('page-notices').getByTestId('state-empty').waitFor();
    await shot(page, 'report-notices-empty');
    await page.getByTestId('notice-new').click();
    await page.getByTestId('notice-submit').click();
    await expect.poll(() => page.getByTestId('page-notice-form').innerText()).toContain('请填写通知标题');
    await page.locator('[data-testid=notice-title-input] input').fill(title);
    await page.locator('[data-testid=notice-body-input] textarea').fill('12月10日上午8点在校医院体检，请空腹前往。');
    await page.getByTestId('notice-pinned').click();
    await shot(page, 'report-notice-form');
    await page.getByTestId('notice-submit').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain(title);
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('notice-posted').waitFor();
    expect(await text(page, 'notice-title')).toBe(title);
    await expect.poll(() => text(page, 'notice-read-count')).toMatch(/^已读0\/\d+人$/);
    await noToast(page);
    await shot(page, 'report-notice-posted', { fullPage: true });
    const noticeId = new URL(page.url().replace('#/', '')).searchParams.get('id')!;
    expect(noticeId).toBeTruthy();
    await closePhones();

    // the member: 首页 has the card (the list is read through the index: reload until it shows)
    page = await phoneAs(school.orgId, memberId);
    await eventually(async () => {
      await page.reload();
      await page.getByTestId('page-home').waitFor();
      await page.getByTestId(`home-notices-${noticeId}`).waitFor({ timeout: 1500 });
    }, { timeoutMs: 20_000 });
    expect(await text(page, 'home-card-notices')).toContain(title);
    await shot(page, 'report-home-notice', { fullPage: true });
    await page.getByTestId(`home-notices-${noticeId}`).click();
    await page.getByTestId('notice-body').waitFor();
    expect(await text(page, 'notice-body')).toContain('请空腹前往');
    expect(await page.getByTestId('notice-reads').count()).toBe(0); // members see no read counts
    await shot(page, 'report-notice-member');
    const member = await as(memberId);
    await eventually(async () => expect(((await member('GET', `/notices/${noticeId}`)).body as { read: boolean }).read).toBe(true));
    await closePhones();

    // the chair: 已读 1 人 in the list
    page = await phoneAs(school.orgId, school.chair);
    await page.goto('/#/notice/list/index');
    await eventually(async () => {
      await page.reload();
      await page.getByTestId(`notice-${noticeId}`).waitFor({ timeout: 1500 });
      expect(await text(page, `notice-${noticeId}`)).toContain('已读1人');
    }, { timeoutMs: 20_000 });
    await shot(page, 'report-notices-chair');
  });

  it('the chair records a care visit (¥500.50, confirmed first), lists last term’s, and sees this month’s and next month’s birthdays', async () => {
    const school = await seed(10, 2);
    const memberId = ordinary(school);
    const name = (await people(school.orgId)).find((p) => p.memberId === memberId)!.name;
    const chair = await as(school.chair);

    const page = await phoneAs(school.orgId, school.chair);
    await page.goto('/#/report/care/index');
    await page.getByTestId('page-care').getByTestId('state-empty').waitFor();
    await shot(page, 'report-care-empty');
    await page.getByTestId('care-add').click();
    await page.getByTestId('care-submit').waitFor();
    await page.locator('[data-testid=care-member-search] input').fill(name);
    await page.getByTestId(`care-member-opt-${memberId}`).click();
    await page.getByTestId('care-kind-0').click();
    await page.locator('[data-testid=care-yuan] input').fill('500.505');
    await page.getByTestId('care-submit').click();
    await expect.poll(() => page.getByTestId('page-care-form').innerText()).toContain('金额最多两位小数（精确到分）');
    await page.locator('[data-testid=care-yuan] input').fill('500.5');
    await page.locator('[data-testid=care-gifts] input').fill('水果、牛奶');
    await shot(page, 'report-care-form', { fullPage: true });
    await page.getByTestId('care-submit').click();
    await page.getByTestId('confirm-ok').waitFor();
    const confirmText = await page.locator('.modal').innerText();
    expect(confirmText).toContain(name);
    expect(confirmText).toContain('¥500.50');
    await shot(page, 'report-care-confirm');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('care-saved').waitFor();
    await noToast(page);
    await shot(page, 'report-care-saved', { fullPage: true });
    const visits = await eventually(async () => {
      const v = ((await chair('GET', `/orgs/${school.orgId}/care-visits`)).body as { visits: { memberId: string; giftFen: number; kind: string; gifts?: string }[] }).visits;
      expect(v).toHaveLength(1);
      return v;
    });
    expect(visits[0]).toMatchObject({ memberId, giftFen: 50050, kind: 'illness', gifts: '水果、牛奶' });

    await page.goto('/#/report/care/index');
    await eventually(async () => {
      await page.reload();
      await page.getByTestId('care-list').waitFor({ timeout: 1500 });
    }, { timeoutMs: 20_000 });
    expect(await text(page, 'care-total')).toBe('共1次，慰问金合计¥500.50');
    await shot(page, 'report-care-list');

    // 上学期 (the term rule of shared/domain/term.ts): a visit on its first day is the only one listed, with its count and money
    const last = termRange(previousTerm(termOf(Date.now())));
    const other = school.members.find((m) => m !== memberId && m !== school.chair)!;
    const older = (await must(chair('POST', `/orgs/${school.orgId}/care-visits`, { memberId: other, kind: 'hardship', date: last.from, giftFen: 12_000 }))).visitId as string;
    await eventually(async () => expect((await chair('GET', `/orgs/${school.orgId}/care-visits?from=${last.from}&to=${last.to}`)).body.visits).toHaveLength(1));
    await page.getByTestId('care-period-lastTerm').click();
    await page.getByTestId(`care-${older}`).waitFor();
    expect(await text(page, 'care-total')).toBe('共1次，慰问金合计¥120.00');
    expect(await text(page, 'care-range')).toContain(`${Number(last.from.slice(0, 4))}年${Number(last.from.slice(5, 7))}月1日至`);
    expect(await page.getByTestId('care-list').innerText()).not.toContain('¥500.50');
    // 自定义 starts from the dates on screen: two pickers, the same list
    await page.getByTestId('care-period-custom').click();
    await page.getByTestId('care-from').waitFor();
    expect(await text(page, 'care-from')).toContain(`${Number(last.from.slice(0, 4))}年${Number(last.from.slice(5, 7))}月1日`);
    expect(await text(page, 'care-total')).toBe('共1次，慰问金合计¥120.00');
    await shot(page, 'report-care-custom', { fullPage: true });

    // 本月生日: a member born on the 15th of this month in 1980; the day shows, never the year
    const month = chinaDateTime(Date.now()).date.slice(5, 7);
    await must(chair('PATCH', `/members/${memberId}`, { birthDate: `1980-${month}-15` }));
    await page.goto('/#/report/birthdays/index');
    await eventually(async () => {
      await page.reload();
      await page.getByTestId(`bday-${memberId}`).waitFor({ timeout: 1500 });
    }, { timeoutMs: 20_000 });
    const row = await text(page, `bday-${memberId}`);
    expect(row).toContain(`${name}${Number(month)}月15日`);
    expect(await page.getByTestId('page-birthdays').innerText()).not.toContain('1980');
    await shot(page, 'report-birthdays', { fullPage: true });
    await page.getByTestId(`bday-mark-${memberId}`).click();
    await page.getByTestId('bday-what-1').click();
    await shot(page, 'report-birthday-mark');
    await page.getByTestId('bday-ok').click();
    await expect.poll(() => text(page, `bday-${memberId}`)).toContain('已送生日礼物');
    await noToast(page);
    await shot(page, 'report-birthdays-given', { fullPage: true });

    // 下个月 (in December: next year's January): another member, and this month's is not listed; the mark is for that month's year
    const [y, m] = chinaDateTime(Date.now()).date.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const nextOne = school.members.find((m) => m !== memberId && m !== school.chair)!;
    await must(chair('PATCH', `/members/${nextOne}`, { birthDate: `1985-${next.slice(5, 7)}-10` }));
    await eventually(async () => expect((await chair('GET', `/orgs/${school.orgId}/birthdays?month=${next}`)).body.birthdays.map((b: { memberId: string }) => b.memberId)).toContain(nextOne));
    await page.getByTestId('bday-month-2').click();
    await page.getByTestId(`bday-${nextOne}`).waitFor();
    expect(await text(page, 'birthdays-total')).toMatch(new RegExp(`^${Number(next.slice(0, 4))}年${Number(next.slice(5, 7))}月共1人过生日，已送0人$`));
    expect(await page.getByTestId(`bday-${memberId}`).count()).toBe(0);
    expect(await page.getByTestId('page-birthdays').innerText()).not.toContain('1985');
    await page.getByTestId(`bday-mark-${nextOne}`).click();
    await page.getByTestId('bday-ok').click();
    await expect.poll(() => text(page, `bday-${nextOne}`)).toContain('已送生日贺卡');
    expect((await chair('GET', `/orgs/${school.orgId}/birthdays?month=${next}`)).body.given).toBe(1);
    await noToast(page);
    await shot(page, 'report-birthdays-next', { fullPage: true });
  });
});
