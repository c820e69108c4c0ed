/**
 * 表决 in the H5 build: the chair opens a ballot (表决事项 + 民主测评 + 选举) after a confirmation;
 * a delegate finds it on 首页, votes with large choices (a missing answer and a third candidate are
 * refused first), reads every answer on 核对 with 提交后不可更改, confirms and gets a receipt in
 * blocks of 4; the turnout refreshes by itself when another delegate votes; the chair closes (asked
 * first); the delegate finds the receipt in the published list and reads the results. Then the chair
 * makes a ballot through the form. Screenshots: tests/e2e/screenshots/ballot-*.png
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { as, ordinary, seed } from '../support/fixtures';
import { readXlsx } from '../support/xlsx';
import { shot } from './browser';
import { closePhones, noToast, phoneAs, text } from './phones';

afterEach(closePhones);

const BALLOT = {
  title: '第五届教代会第三次会议表决',
  electorate: 'delegates',
  description: '请各位代表认真阅读方案后投票。',
  questions: [
    { id: 'q1', kind: 'motion', text: '通过《学校绩效工资分配方案（修订稿）》' },
    { id: 'q2', kind: 'rating', text: '对张三同志的评价' },
    {
      id: 'q3',
      kind: 'election',
      text: '选举工会经费审查委员',
      seats: 2,
      candidates: [
        { id: 'c1', name: '李明' },
        { id: 'c2', name: '王芳' },
        { id: 'c3', name: '赵强' },
      ],
    },
  ],
};

describe('表决 (H5)', () => {
  it('a delegate votes (review, confirm, receipt), the chair closes, the delegate finds the receipt and reads the result', async () => {
    const school = await seed(12, 3);
    const [delegate, second, third] = school.delegates as [string, string, string];
    const chair = await as(school.chair);
    const res = await chair('POST', `/orgs/${school.orgId}/ballots`, BALLOT);
    expect(res.status).toBe(201);
    const { ballotId } = res.body as { ballotId: string };

    // the chair: the draft, 开启投票 after a confirmation that the electorate freezes
    let page = await phoneAs(school.orgId, school.chair);
    await page.goto(`/#/ballot/detail/index?id=${encodeURIComponent(ballotId)}`);
    await page.getByTestId('ballot-preview').waitFor();
    expect(await text(page, 'ballot-status')).toBe('未开始');
    await shot(page, 'ballot-draft', { fullPage: true });
    await page.getByTestId('ballot-open').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('开启后选民名单将冻结');
    await shot(page, 'ballot-open-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'ballot-status')).toBe('投票中');
    expect(await text(page, 'ballot-turnout')).toBe('已投0人/应投3人');
    // the electorate's hash: short, the whole of it on demand
    const hash = ((await chair('GET', `/ballots/${ballotId}`)).body as { electorateHash: string }).electorateHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await text(page, 'ballot-hash-value')).toBe(`${hash.slice(0, 8)}…${hash.slice(-4)}`);
    await page.getByTestId('ballot-hash-toggle').click();
    expect(await text(page, 'ballot-hash-value')).toBe(hash);
    await shot(page, 'ballot-open-chair', { fullPage: true });
    // the list: the open ballot with its turnout
    await page.goto('/#/ballot/list/index');
    await page.getByTestId(`ballot-row-${ballotId}`).waitFor();
    expect(await text(page, `ballot-row-${ballotId}`)).toContain('已投0人/应投3人');
    await shot(page, 'ballot-list');
    await closePhones();

    // a member who is not a delegate: no ballot to fill in, and why
    page = await phoneAs(school.orgId, ordinary(school));
    await page.goto(`/#/ballot/detail/index?id=${encodeURIComponent(ballotId)}`);
    await page.getByTestId('ballot-not-eligible').waitFor();
    expect(await page.getByTestId('vote-form').count()).toBe(0);
    expect(await page.getByTestId('ballot-chair').count()).toBe(0);
    await shot(page, 'ballot-not-eligible');
    await closePhones();

    // the delegate: a card on 首页 opens the ballot
    page = await phoneAs(school.orgId, delegate);
    await page.getByTestId('home-card-ballots').waitFor();
    expect(await text(page, 'home-card-ballots')).toContain(BALLOT.title);
    await shot(page, 'ballot-home-card', { fullPage: true });
    await page.getByTestId(`home-ballots-${ballotId}`).click();
    await page.getByTestId('vote-form').waitFor();

    // large choices: each a row a thumb can hit
    const row = await page.getByTestId('vote-q1-choice-0').boundingBox();
    expect(row!.height).toBeGreaterThanOrEqual(44);
    expect(row!.width).toBeGreaterThan(300);
    await page.getByTestId('vote-q1-choice-0').click(); // 赞成
    expect(await page.getByTestId('vote-q1-choice-0').getAttribute('data-checked')).toBe('true');
    await page.getByTestId('vote-next').click();
    await expect.poll(() => text(page, 'form-error')).toBe('第2题还没有作答');
    await page.getByTestId('vote-q2-choice-1').click(); // 称职
    await page.getByTestId('vote-q3-choice-0').click(); // 李明
    await page.getByTestId('vote-q3-choice-2').click(); // 赵强
    await page.getByTestId('vote-q3-choice-1').click(); // a third: refused
    await expect.poll(() => text(page, 'vote-limit')).toContain('最多选2人');
    expect(await text(page, 'vote-q3')).toContain('最多选2人。要换人');
    expect(await page.getByTestId('vote-q3-choice-1').getAttribute('data-checked')).toBe('false');
    await shot(page, 'ballot-vote', { fullPage: true });

    // 核对: every answer, 提交后不可更改, and a confirmation before it is sent
    await page.getByTestId('vote-next').click();
    await page.getByTestId('vote-review').waitFor();
    expect(await text(page, 'review-q1')).toContain('赞成');
    expect(await text(page, 'review-q2')).toContain('称职');
    expect(await text(page, 'review-q3')).toContain('李明、赵强');
    expect(await text(page, 'vote-final')).toBe('提交后不可更改');
    await shot(page, 'ballot-review', { fullPage: true });
    await page.getByTestId('vote-submit').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('提交后不可更改');
    await shot(page, 'ballot-vote-confirm');
    await page.getByTestId('confirm-ok').click();

    // the receipt: shown in blocks of 4, the exact string kept for copying
    await page.getByTestId('receipt-value').waitFor();
    const receipt = (await page.getByTestId('receipt-value').getAttribute('data-receipt'))!;
    expect(receipt).toMatch(/^[0-9a-f]{32}$/);
    const blocks = await page.locator('[data-testid=receipt-value] .bl-receipt__block').allInnerTexts();
    expect(blocks).toEqual(receipt.match(/.{4}/g));
    expect(await text(page, 'ballot-turnout')).toBe('已投1人/应投3人');
    await page.getByTestId('receipt-copy').click();
    await noToast(page);
    await shot(page, 'ballot-receipt', { fullPage: true });

    // the turnout refreshes by itself while the page is shown
    const other = await as(second);
    expect((await other('POST', `/ballots/${ballotId}/votes`, { answers: { q1: 'against', q2: 'excellent', q3: ['c1'] } })).status).toBe(201);
    await expect.poll(() => text(page, 'ballot-turnout'), { timeout: 15_000 }).toBe('已投2人/应投3人');
    // voting again is refused by the server; the page says 已投票
    await page.goto(`/#/ballot/detail/index?id=${encodeURIComponent(ballotId)}`);
    await page.getByTestId('ballot-voted').waitFor();
    expect(await page.getByTestId('vote-form').count()).toBe(0);
    await shot(page, 'ballot-voted');
    const delegatePage = page;
    const third_ = await as(third);
    expect((await third_('GET', `/ballots/${ballotId}/results`)).status).toBe(409);

    // the chair (another phone; the delegate's stays open, with its receipt) closes, after a confirmation
    const chairPage = await phoneAs(school.orgId, school.chair);
    page = chairPage;
    await page.goto(`/#/ballot/detail/index?id=${encodeURIComponent(ballotId)}`);
    await page.getByTestId('ballot-close').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('结束后不能再投票');
    await shot(page, 'ballot-close-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'ballot-status')).toBe('已结束');
    await page.getByTestId('ballot-results').click();
    await page.getByTestId('results-summary').waitFor();
    await page.getByTestId('results-xlsx').waitFor();
    await shot(page, 'ballot-results-chair', { fullPage: true });
    // 下载结果: the .xlsx the committee keeps, named after the ballot
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`${BALLOT.title}-结果.xlsx`);
    const sheet = (await readXlsx(new Uint8Array(readFileSync((await download.path())!)).buffer)).map((r) => r.join('|'));
    expect(sheet).toContain('实投票数|2');
    expect(sheet).toContain('当选|李明');
    await chairPage.close();

    // the delegate: the result, and the receipt found in the published list with one tap
    page = delegatePage;
    await page.goto(`/#/ballot/results/index?id=${encodeURIComponent(ballotId)}`);
    await page.getByTestId('results-summary').waitFor();
    expect(await page.getByTestId('results-xlsx').count()).toBe(0); // not the committee
    expect(await text(page, 'results-turnout')).toBe('应投3人，实投2人');
    expect(await text(page, 'results-quorum')).toContain('表决有效');
    // 2 of 3 cast; 赞成 1 is not more than half of 3: 未通过
    expect(await text(page, 'result-q1-outcome')).toBe('未通过');
    expect(await text(page, 'result-q1-for')).toBe('赞成1票');
    expect(await text(page, 'result-q1-explain')).toContain('没有超过应投3人的半数');
    // 优秀 1 + 称职 1 of 2: 100.0%
    expect(await text(page, 'result-q2-good')).toBe('优秀+称职率：100.0%');
    expect(await text(page, 'result-q2-excellent')).toBe('优秀1票（50.0%）');
    // 李明 2 of 2 is elected; 赵强 1 of 2 is not more than half
    expect(await text(page, 'result-q3-c1')).toBe('李明当选2票');
    expect(await text(page, 'result-q3-explain')).toContain('当选：李明。');
    await page.getByTestId('receipt-check-mine').click();
    expect(await text(page, 'receipt-found')).toBe('找到了：你的选票已计入');
    await shot(page, 'ballot-results', { fullPage: true });
    // typed in blocks, as read off the receipt page: found; a wrong one: not
    await page.locator('[data-testid=receipt-input] input').fill(receipt.match(/.{4}/g)!.join(' ').toUpperCase());
    await page.getByTestId('receipt-check-go').click();
    expect(await text(page, 'receipt-found')).toBe('找到了：你的选票已计入');
    await page.locator('[data-testid=receipt-input] input').fill('0000111122223333');
    await page.getByTestId('receipt-check-go').click();
    expect(await text(page, 'receipt-found')).toContain('没有找到');
    await page.getByTestId('receipt-list-toggle').click();
    expect(await text(page, 'receipt-list')).toContain(receipt);
    await shot(page, 'ballot-results-notfound', { fullPage: true });
  });

  it('the chair makes a ballot with a motion, a rating and an election through the form', async () => {
    const school = await seed(10, 2);
    const page = await phoneAs(school.orgId, school.chair);
    await page.goto('/#/ballot/list/index');
    await page.getByTestId('page-ballots').getByTestId('state-empty').waitFor();
    await shot(page, 'ballot-list-empty');
    await page.getByTestId('ballot-create').click();
    await page.getByTestId('page-ballot-create').waitFor();

    // nothing filled in: what to fix, under each field; nothing sent
    await page.getByTestId('create-save').click();
    await expect.poll(() => page.getByTestId('page-ballot-create').innerText()).toContain('请填写表决名称');
    expect(await page.getByTestId('page-ballot-create').innerText()).toContain('请填写表决事项');

    await page.locator('[data-testid=create-title] input').fill('2026年度民主测评与选举');
    await page.getByTestId('create-electorate-1').click(); // 全体会员
    await page.locator('[data-testid=create-q1-text] textarea').fill('通过《教职工请假制度》');
    await page.getByTestId('create-add-rating').click();
    await page.locator('[data-testid=create-q2-text] input').fill('张三');
    await expect.poll(() => page.getByTestId('create-q2').innerText()).toContain('对张三同志的评价');
    await page.getByTestId('create-add-election').click();
    await page.locator('[data-testid=create-q3-text] input').fill('选举工会委员');
    await page.locator('[data-testid=create-q3-candidates] textarea').fill('李明、王芳');
    await page.locator('[data-testid=create-q3-seats] input').fill('3');
    await page.getByTestId('create-save').click();
    await expect.poll(() => page.getByTestId('create-q3').innerText()).toContain('名额不能多于候选人数');
    await shot(page, 'ballot-create', { fullPage: true });
    await page.locator('[data-testid=create-q3-seats] input').fill('1');
    await page.getByTestId('create-save').click();

    // straight to the new ballot by its id
    await page.getByTestId('ballot-preview').waitFor();
    expect(await text(page, 'ballot-status')).toBe('未开始');
    const preview = await page.getByTestId('ballot-preview').innerText();
    for (const want of ['通过《教职工请假制度》', '对张三同志的评价', '选举工会委员', '李明、王芳', '名额 1 人']) expect(preview).toContain(want);
    expect(await text(page, 'ballot-head')).toContain('全体会员');
    await shot(page, 'ballot-created', { fullPage: true });

    const chair = await as(school.chair);
    const list = (await chair('GET', `/orgs/${school.orgId}/ballots`)).body as { ballots: { title: string; electorate: string; questions: { kind: string }[] }[] };
    expect(list.ballots.map((b) => b.title)).toEqual(['2026年度民主测评与选举']);
    expect(list.ballots[0]!.electorate).toBe('members');
    expect(list.ballots[0]!.questions.map((q) => q.kind)).toEqual(['motion', 'rating', 'election']);
  });
});
