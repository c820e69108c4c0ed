/**
 * 教代会提案 in the H5 build: a delegate writes a proposal (a refused empty form first), submits it
 * after the confirmation (提交后将编号并进入附议) and reads its number; a second delegate finds it on
 * 首页 (待我附议) and co-signs it, a third co-signs (the session asks for 2), so it waits for review;
 * the chair accepts it (立案) for 总务处 with a deadline and reads the countdown, enters the answer
 * and publishes the batch; the proposer rates it 满意, and an ordinary member reads it in the 公示
 * with the statistics (办复率, 满意率). Then 金点子: a member sends one, the committee replies and
 * marks it 采纳. 发起提案征集: the chair opens a session from the 提案 tab's empty state through the form and
 * its confirmation. Screenshots: tests/e2e/screenshots/proposals-*.png
 */
import { afterEach, describe, expect, it } from 'vitest';
import { as, ordinary, seed } from '../support/fixtures';
import { eventually } from '../support/eventually';
import { shot } from './browser';
import { chinaIn, closePhones, noToast, phoneAs, text } from './phones';

afterEach(closePhones);

const tid = (id: string) => `[data-testid=${id}]`;

describe('教代会提案 (H5)', () => {
  it('submit, two 附议, 立案 to 总务处 with a deadline, answer, publish, 满意; 金点子', async () => {
    const school = await seed(12, 4);
    const [proposer, second, third] = school.delegates as [string, string, string];
    const memberId = ordinary(school);
    const chair = await as(school.chair);

    const created = await chair('POST', `/orgs/${school.orgId}/sessions`, {
      title: '第九届教代会第二次会议提案征集',
      opensAt: chinaIn(-1),
      closesAt: chinaIn(72),
      cosignersNeeded: 2,
    });
    expect(created.status).toBe(201);
    const { sessionId } = created.body as { sessionId: string };

    // the delegate: 提案 tab → the session (nothing submitted yet) → 写提案
    let page = await phoneAs(school.orgId, proposer);
    await page.getByTestId('tab-proposals').click();
    await page.getByTestId(`session-${sessionId}`).waitFor();
    expect(await text(page, `session-state-${sessionId}`)).toBe('征集中');
    await shot(page, 'proposals-tab');
    await page.getByTestId(`session-${sessionId}`).click();
    await page.getByTestId('session-proposals-empty').waitFor();
    await page.getByTestId('session-stats').waitFor();
    await shot(page, 'proposals-session-empty', { fullPage: true });

    await page.getByTestId('proposal-new').click();
    await page.getByTestId('page-proposal-form').waitFor();
    await page.getByTestId('draft-submit').click();
    await expect.poll(() => page.getByTestId('page-proposal-form').innerText()).toContain('请填写提案标题');
    expect(await page.getByTestId('page-proposal-form').innerText()).toContain('请选择类别');
    await shot(page, 'proposals-form-invalid', { fullPage: true });

    await page.locator(`${tid('draft-title')} input`).fill('关于改善教师午餐的建议');
    await page.getByTestId('draft-category-1').click(); // 后勤食堂
    await page.locator(`${tid('draft-reason')} textarea`).fill('教师食堂午餐品种少，排队时间长，下午有课的老师来不及吃饭。');
    await page.locator(`${tid('draft-suggestion')} textarea`).fill('增加一个窗口，提供两种套餐，并允许提前预订。');
    await shot(page, 'proposals-form', { fullPage: true });
    await page.getByTestId('draft-submit').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('提交后将编号并进入附议');
    await shot(page, 'proposals-submit-confirm');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('page-proposal').waitFor();
    await expect.poll(() => text(page, 'proposal-status')).toBe('征集附议');
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(await text(page, 'proposal-number')).toBe(`提案${year}-001`);
    expect(await page.getByTestId('proposal-cosign').count()).toBe(0); // not on one's own
    expect(await page.getByTestId('proposal-withdraw').count()).toBe(1);
    await noToast(page);
    await shot(page, 'proposals-submitted', { fullPage: true });
    const proposalId = decodeURIComponent(new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? '');
    expect(proposalId).not.toBe('');
    await closePhones();

    // the second delegate: 首页's card 待我附议 → the proposal → 附议 (after a confirmation)
    page = await phoneAs(school.orgId, second);
    await page.getByTestId('home-card-cosign').waitFor();
    expect(await text(page, 'home-card-cosign')).toContain('关于改善教师午餐的建议');
    await shot(page, 'proposals-home-card', { fullPage: true });
    await page.getByTestId(`home-cosign-${proposalId}`).click();
    await page.getByTestId('proposal-cosign').waitFor();
    await shot(page, 'proposals-cosign', { fullPage: true });
    await page.getByTestId('proposal-cosign').click();
    await page.getByTestId('confirm-ok').waitFor();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('cosign-done').waitFor();
    await expect.poll(() => text(page, 'proposal-cosigners')).toBe('已有1位代表附议');
    await closePhones();

    // the third (by the API): the second 附议 moves it to review
    const third_ = await as(third);
    expect((await third_('POST', `/proposals/${proposalId}/cosign`)).body).toEqual({ cosigners: 2, status: 'review' });

    // the chair: 立案, 总务处, within a month; the countdown; then the answer
    page = await phoneAs(school.orgId, school.chair);
    await page.goto(`/#/proposal/detail/index?id=${encodeURIComponent(proposalId)}`);
    await page.getByTestId('decision-form').waitFor();
    expect(await text(page, 'proposal-status')).toBe('待审查');
    await page.getByTestId('decision-submit').click();
    await expect.poll(() => text(page, 'decision-form')).toContain('请选择审查结果');
    await page.getByTestId('decision-outcome-0').click(); // 立案
    await page.locator(`${tid('decision-reason')} textarea`).fill('涉及全体教师切身利益，建议立案办理。');
    await page.locator(`${tid('decision-office')} input`).fill('总务处');
    await page.getByTestId('decision-due-0').click(); // 一个月内
    await shot(page, 'proposals-decision', { fullPage: true });
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('总务处');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'proposal-status')).toBe('已立案');
    expect(await text(page, 'proposal-office')).toBe('承办部门：总务处');
    expect(await text(page, 'proposal-countdown')).toMatch(/^还有(29|30)天$/);
    expect(await page.getByTestId('proposal-unpublished').count()).toBe(1);
    await noToast(page);
    await shot(page, 'proposals-accepted', { fullPage: true });

    await page.locator(`${tid('answer-text')} textarea`).fill('总务处已增设一个窗口，下学期起提供两种套餐，可在前一天预订。');
    await page.getByTestId('answer-submit').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'proposal-status')).toBe('已答复');
    await page.getByTestId('proposal-answer').waitFor();
    await page.getByTestId('progress-form').waitFor();
    await noToast(page);
    await shot(page, 'proposals-answered', { fullPage: true });

    // an ordinary member does not see the answer before publication
    const member = await as(memberId);
    expect(((await member('GET', `/proposals/${proposalId}`)).body as { status: string }).status).toBe('review');

    // 发布 on the session page (after a confirmation)
    await page.goto(`/#/proposal/session/index?id=${encodeURIComponent(sessionId)}`);
    await page.getByTestId('session-publish').click();
    await page.getByTestId('confirm-ok').waitFor();
    await shot(page, 'proposals-publish-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(async () => ((await member('GET', `/proposals/${proposalId}`)).body as { status: string }).status).toBe('answered');
    await closePhones();

    // the proposer rates the answer 满意
    page = await phoneAs(school.orgId, proposer);
    await page.goto(`/#/proposal/detail/index?id=${encodeURIComponent(proposalId)}`);
    await page.getByTestId('rate-form').waitFor();
    expect(await page.getByTestId('proposal-unpublished').count()).toBe(0);
    await page.getByTestId('rate-0').click(); // 满意
    await page.getByTestId('rate-submit').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('满意');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'proposal-rating')).toContain('满意');
    await noToast(page);
    await shot(page, 'proposals-rated', { fullPage: true });
    await page.goto('/#/proposal/mine/index');
    await page.getByTestId(`proposal-${proposalId}`).waitFor();
    await shot(page, 'proposals-mine');
    await closePhones();

    // an ordinary member: the 公示 and the statistics
    page = await phoneAs(school.orgId, memberId);
    await page.goto(`/#/proposal/session/index?id=${encodeURIComponent(sessionId)}`);
    await page.getByTestId(`proposal-${proposalId}`).waitFor();
    expect(await text(page, `proposal-status-${proposalId}`)).toBe('已答复');
    expect(await text(page, 'stats-answer-rate')).toBe('100%');
    expect(await text(page, 'stats-satisfaction-rate')).toBe('100%');
    expect(await text(page, 'stats-cat-1')).toBe('后勤食堂1件');
    expect(await page.getByTestId('proposal-new').count()).toBe(0); // not a delegate
    expect(await page.getByTestId('session-committee').count()).toBe(0);
    await shot(page, 'proposals-session', { fullPage: true });

    // 金点子: the member sends one
    await page.goto('/#/proposal/ideas/index');
    await page.getByTestId('state-empty').waitFor();
    await shot(page, 'proposals-ideas-empty');
    await page.getByTestId('idea-new').click();
    await page.locator(`${tid('idea-title')} input`).fill('校园里多种些树');
    await page.getByTestId('idea-category-4').click(); // 校园建设
    await page.locator(`${tid('idea-text')} textarea`).fill('操场边种一排香樟，夏天可以遮阴。');
    await shot(page, 'proposals-idea-form', { fullPage: true });
    await page.getByTestId('idea-submit').click();
    await page.getByTestId('confirm-ok').click();
    // shown at once from the answer to the send, whatever the list's index lag
    await page.getByTestId('ideas-summary').waitFor();
    expect(await text(page, 'ideas-summary')).toBe('共1条·已采纳0条·优秀0条');
    await noToast(page);
    await shot(page, 'proposals-idea-sent', { fullPage: true });
    await closePhones();

    // the chair replies and marks it 采纳
    const ideas = await eventually(async () => {
      const r = (await chair('GET', `/orgs/${school.orgId}/ideas`)).body as { ideas: { ideaId: string }[] };
      expect(r.ideas.length).toBe(1);
      return r.ideas;
    });
    const ideaId = ideas[0]!.ideaId;
    page = await phoneAs(school.orgId, school.chair);
    await page.goto('/#/proposal/ideas/index');
    await page.getByTestId(`idea-reply-open-${ideaId}`).click();
    await page.locator(`${tid('idea-reply-text')} textarea`).fill('好主意，总务处春季植树时安排。');
    await page.getByTestId('idea-adopt').click();
    await shot(page, 'proposals-idea-reply');
    await page.getByTestId('idea-modal-ok').click();
    await page.getByTestId(`idea-adopted-${ideaId}`).waitFor();
    expect(await text(page, `idea-reply-${ideaId}`)).toContain('好主意');
    await shot(page, 'proposals-ideas', { fullPage: true });

    // 超期督办: nothing is late
    await page.goto('/#/proposal/overdue/index');
    await page.getByTestId('state-empty').waitFor();
    await shot(page, 'proposals-overdue-empty');
  });

  it('发起提案征集: a member sees 暂无提案征集; the chair opens one from the empty state, confirms what members will see, lands on it and finds it listed', async () => {
    const school = await seed(10, 2);
    let page = await phoneAs(school.orgId, ordinary(school));
    await page.getByTestId('tab-proposals').click();
    const empty = page.getByTestId('page-proposals').getByTestId('state-empty');
    expect(await empty.innerText()).toContain('暂无提案征集');
    expect(await page.getByTestId('sessions-empty-new').count()).toBe(0);
    expect(await page.getByTestId('proposals-new-session').count()).toBe(0);
    await closePhones();

    page = await phoneAs(school.orgId, school.chair);
    await page.getByTestId('tab-proposals').click();
    await page.getByTestId('sessions-empty-new').click();
    await page.getByTestId('session-form-next').click();
    await expect.poll(() => text(page, 'page-session-form')).toContain('请填写征集名称');
    await page.locator(`${tid('session-title')} input`).fill('第九届教代会第三次会议提案征集');
    expect(await text(page, 'session-closes-time')).toBe('17:00改'); // the default: 14 days on at 17:00
    await shot(page, 'proposals-session-form', { fullPage: true });
    await page.getByTestId('session-form-next').click();
    await page.getByTestId('session-confirm').waitFor();
    expect(await text(page, 'session-confirm-window')).toContain('征集期共14天');
    expect(await text(page, 'session-confirm')).toContain('每件提案需2位代表附议');
    await shot(page, 'proposals-session-confirm', { fullPage: true });
    await page.getByTestId('session-form-create').click();
    await page.getByTestId('session-head').waitFor();
    expect(await text(page, 'session-head')).toContain('第九届教代会第三次会议提案征集征集中');
    const sessionId = decodeURIComponent(new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? '');
    expect(sessionId).not.toBe('');
    // the tab lists it (its list reads the index: a moment may pass)
    await eventually(async () => {
      await page.goto('/#/pages/proposals/index');
      await page.getByTestId(`session-${sessionId}`).waitFor({ timeout: 2000 });
    });
    expect(await text(page, `session-state-${sessionId}`)).toBe('征集中');
  });

  it('a draft saved, edited and withdrawn; 超期督办 lists a late one, the chair chases it, records 落实 until 已落实; 评优', async () => {
    const school = await seed(14, 3);
    const [proposer, other] = school.delegates as [string, string];
    const chair = await as(school.chair);
    const created = await chair('POST', `/orgs/${school.orgId}/sessions`, { title: '提案征集（无需附议）', opensAt: chinaIn(-1), closesAt: chinaIn(72), cosignersNeeded: 0 });
    const { sessionId } = created.body as { sessionId: string };

    // a draft: saved, opened, edited, then withdrawn after a warning
    let page = await phoneAs(school.orgId, proposer);
    await page.goto(`/#/proposal/form/index?session=${encodeURIComponent(sessionId)}`);
    await page.locator(`${tid('draft-title')} input`).fill('关于增加教工停车位');
    await page.getByTestId('draft-category-4').click();
    await page.locator(`${tid('draft-reason')} textarea`).fill('停车位不够。');
    await page.locator(`${tid('draft-suggestion')} textarea`).fill('操场东侧划出停车位。');
    await page.getByTestId('draft-save').click();
    await page.getByTestId('proposal-edit').waitFor();
    expect(await text(page, 'proposal-status')).toBe('草稿');
    expect(await text(page, 'proposal-number')).toBe('草稿，提交后编号');
    await noToast(page);
    await shot(page, 'proposals-draft', { fullPage: true });
    await page.getByTestId('proposal-edit').click();
    await expect.poll(() => page.locator(`${tid('draft-title')} input`).inputValue()).toBe('关于增加教工停车位');
    await page.locator(`${tid('draft-title')} input`).fill('关于增加教工停车位的建议');
    await page.getByTestId('draft-save').click();
    await expect.poll(() => text(page, 'proposal-title')).toBe('关于增加教工停车位的建议');
    await page.getByTestId('proposal-withdraw').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('撤回');
    await shot(page, 'proposals-withdraw-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'proposal-status')).toBe('已撤回');
    expect(await page.getByTestId('proposer-actions').count()).toBe(0);
    await closePhones();

    // another delegate's proposal, accepted (by the API) with a deadline three days past
    const by = await as(other);
    const draft = await by('POST', `/sessions/${sessionId}/proposals`, { title: '关于更换教室灯管的建议', category: 'campus', reason: '灯光昏暗。', suggestion: '换成护眼灯。' });
    const proposalId = (draft.body as { proposalId: string }).proposalId;
    expect((await by('POST', `/proposals/${proposalId}/submit`)).body).toMatchObject({ status: 'review' });
    const late = new Date(Date.now() - 3 * 86_400_000 - 3_600_000).toISOString();
    expect((await chair('POST', `/proposals/${proposalId}/decision`, { outcome: 'accepted', reason: '影响视力。', office: '总务处', dueAt: late })).status).toBe(200);

    // the chair: 超期督办 → the proposal → 督办 (asks first)
    page = await phoneAs(school.orgId, school.chair);
    await page.getByTestId('tab-proposals').click();
    await page.getByTestId('proposals-overdue').click();
    await page.getByTestId(`proposal-${proposalId}`).waitFor();
    expect(await text(page, `proposal-extra-${proposalId}`)).toBe('总务处·已超期3天');
    await shot(page, 'proposals-overdue');
    await page.getByTestId(`proposal-${proposalId}`).click();
    await page.getByTestId('chase-form').waitFor();
    expect(await text(page, 'proposal-countdown')).toBe('已超期3天');
    await page.locator(`${tid('chase-text')} textarea`).fill('请总务处本周内答复。');
    await page.getByTestId('chase-submit').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('proposal-chases').waitFor();
    expect(await text(page, 'proposal-chases')).toContain('请总务处本周内答复。');

    // the answer (by the API), then 落实 with 已全部落实: 已落实, the timeline ends in 已办结
    expect((await chair('POST', `/proposals/${proposalId}/answer`, { text: '暑假期间全部更换。' })).status).toBe(200);
    await page.reload();
    await page.getByTestId('progress-done').waitFor();
    expect(await page.getByTestId('chase-form').count()).toBe(0); // answered: no more 督办
    await page.locator(`${tid('progress-note')} textarea`).fill('已全部更换为护眼灯。');
    await page.getByTestId('progress-done').click();
    await page.getByTestId('progress-submit').click();
    await page.getByTestId('confirm-ok').waitFor();
    expect(await page.locator('.modal').innerText()).toContain('已落实');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => text(page, 'proposal-status')).toBe('已落实');
    expect(await text(page, 'proposal-progress')).toContain('已全部更换为护眼灯。（已办结）');
    expect(await page.getByTestId('progress-form').count()).toBe(0);
    await noToast(page);
    await shot(page, 'proposals-done', { fullPage: true });

    // 评优 of a member's 金点子
    const member = await as(ordinary(school));
    const idea = await member('POST', `/orgs/${school.orgId}/ideas`, { title: '办一个教工读书会', category: 'welfare', text: '每月一次，分享好书。' });
    const ideaId = (idea.body as { ideaId: string }).ideaId;
    await page.goto('/#/proposal/ideas/index');
    await eventually(async () => {
      await page.reload();
      await page.getByTestId(`idea-best-open-${ideaId}`).waitFor({ timeout: 2000 });
    });
    await page.getByTestId(`idea-best-open-${ideaId}`).click();
    await page.getByTestId('idea-modal-ok').click();
    await expect.poll(() => text(page, 'idea-modal-error')).toContain('请填写学期');
    await page.locator(`${tid('idea-term')} input`).fill('2026秋季学期');
    await shot(page, 'proposals-idea-best');
    await page.getByTestId('idea-modal-ok').click();
    await expect.poll(() => text(page, `idea-best-${ideaId}`)).toBe('优秀（2026秋季学期）');
    await shot(page, 'proposals-ideas-best', { fullPage: true });
  });
});
