import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROPOSAL_ROUTES, ROUTES } from '../../miniapp/src/lib/routes';
import { parsePageUrl, readAppJson, type AppJson } from '../support/weapp/appJson';
import { ROOT } from '../support/apiProcess';
import { TEST_API_BASE, weappBuild } from '../support/weapp/build';
import { compileWxml, compileWxss, filesWithExt } from '../support/weapp/compile';
import {
  AID_CASE,
  ACCEPTED_PROPOSAL,
  AUDIT,
  BALLOT_RESULTS,
  CAMPAIGN,
  CAMPAIGN_GIFTS,
  CARE_VISIT,
  CHAIR,
  NOTICE,
  CLOSED_BALLOT,
  DRAFT_BALLOT,
  MY_RECEIPT,
  OPEN_BALLOT,
  COSIGN_PROPOSAL,
  DRAFT_PROPOSAL,
  IDEA,
  PROPOSAL_SESSION,
  DISTRICT_CAMPAIGN,
  DISTRICT_ORGS,
  FILM_EVENT,
  INACTIVE,
  MEMBERS,
  MESSAGES,
  OPEN_EVENT,
  PAID_AID_CASE,
  PAST_EVENT,
  PEOPLE,
  REGISTRATIONS,
  SCHOOL,
  fixtureRequests,
  signedIn,
  type Person,
} from '../support/weapp/fixtures';
import { classNames, stylesOfClass } from '../support/weapp/pageData';
import { REPORT_ROUTES } from '../../miniapp/src/report/shared/routes';
import { describeFaults, runPage, type PageReport } from '../support/weapp/pageRunner';

/**
 * How a page is opened and what it must show. Urls come from the app's own ROUTES, so they follow
 * the pages when they move; the pages themselves come from the build's app.json. A page with no
 * scenario here is still opened (signed in, no query) and gets every generic check.
 */
interface Scenario {
  url: string;
  /** Who is signed in (default the chair); null: nobody. */
  as?: Person | null;
  /** Text the settled page shows (text nodes). */
  shows?: string[];
  /** Values the settled page holds outside text nodes (an input's value). */
  holds?: string[];
  /** The page sends the visitor here (reLaunch / redirectTo) instead of rendering content. */
  sendsTo?: string;
  /** More of the device's storage than the session (e.g. a ballot receipt this phone kept). */
  storage?: Record<string, unknown>;
}

const SCENARIOS: Scenario[] = [
  // 首页: what waits for me: my event (已报名), one open to me, the unread message
  {
    url: ROUTES.home,
    shows: [CHAIR.name, SCHOOL.name, '我的活动', OPEN_EVENT.title, '已报名', '可以报名', FILM_EVENT.title, `新消息（${MESSAGES.unread}）`, MESSAGES.messages[0]!.title, '等我投票（1）', OPEN_BALLOT.title, '待我附议的提案（1）', COSIGN_PROPOSAL.title, '新通知（1）', NOTICE.title],
  },
  { url: ROUTES.home, as: null, sendsTo: ROUTES.login },
  { url: ROUTES.events, shows: [OPEN_EVENT.title, OPEN_EVENT.place] },
  { url: ROUTES.mine, shows: [CHAIR.name, SCHOOL.name, '工会主席', '教代会代表（第五届）', '工会小组长', `有 ${MESSAGES.unread} 条新消息`] },
  { url: ROUTES.login, as: null, shows: ['微信一键登录'] },
  { url: ROUTES.consent, shows: [PEOPLE.chair.me.consent.text] },
  { url: ROUTES.event(OPEN_EVENT.eventId), shows: [OPEN_EVENT.title, OPEN_EVENT.place, OPEN_EVENT.description!, '取消报名'] },
  { url: ROUTES.event(PAST_EVENT.eventId), shows: [PAST_EVENT.title, PAST_EVENT.place] },
  { url: ROUTES.myRegistrations, shows: [OPEN_EVENT.title] },
  { url: ROUTES.messages, shows: MESSAGES.messages.map((m) => m.title) },
  { url: ROUTES.checkinCode, shows: [CHAIR.name, SCHOOL.name] },
  { url: ROUTES.admin, shows: [SCHOOL.name] },
  { url: ROUTES.roster, shows: MEMBERS.map((m) => m.name) },
  { url: ROUTES.member(MEMBERS[1]!.memberId), shows: [MEMBERS[1]!.name, MEMBERS[1]!.staffNo!] },
  { url: ROUTES.member(INACTIVE.memberId), shows: [INACTIVE.name, '这位会员已停用', '恢复这位会员'] },
  { url: ROUTES.invites, shows: ['还没有绑定微信的成员', '其中退休教职工 1 位', '为这 3 位成员生成邀请码'] },
  { url: ROUTES.audit, shows: [AUDIT.entries[0]!.actorName, '修改会员信息', MEMBERS[1]!.name, '手机号：138****0002 → 139****1234', '恢复账号', '撤销签到'] },
  { url: ROUTES.eventForm(OPEN_EVENT.eventId), holds: [OPEN_EVENT.title, OPEN_EVENT.place] },
  { url: ROUTES.registrations(OPEN_EVENT.eventId), shows: [OPEN_EVENT.title, ...REGISTRATIONS.confirmed.map((r) => r.name)] },
  { url: ROUTES.checkin(OPEN_EVENT.eventId), shows: [OPEN_EVENT.title, ...REGISTRATIONS.confirmed.map((r) => r.name)] },
  // 困难补助 (sub-package aid; its pages' urls are AID_ROUTES in miniapp/src/aid/api.ts, which needs Taro): the chair sees the balance, every case and the ledger
  { url: ROUTES.aid, shows: ['互助金余额', '¥17499.50', AID_CASE.name, PAID_AID_CASE.name, '补助发放情况', '1 人次 ¥2500.50', '申请困难补助'] },
  { url: '/aid/apply/index', shows: ['仅工会主席和财务可见：您的申请不会出现在任何公开名单里，其他会员只看得到各类补助的人次和总金额', '大病', '灾害', '家庭变故', '其他'] },
  { url: '/aid/apply/index?for=other', shows: ['为哪位会员申请', MEMBERS[1]!.name, MEMBERS[3]!.name] },
  { url: `/aid/case/index?id=${AID_CASE.caseId}`, shows: [AID_CASE.name, AID_CASE.reason, '待审批', '委员会审批', '批准', '不予批准'], holds: ['5000.00'] },
  { url: `/aid/case/index?id=${PAID_AID_CASE.caseId}`, shows: [PAID_AID_CASE.name, '已发放', '¥2500.50'] },
  { url: '/aid/fund/index', shows: ['¥17499.50', '期初余额', ' · 互助储金期初余额', '补助支出', ' · 李明', '¥2500.50', ' · 与逐笔合计相符'] },
  // 教代会提案: the tab, a session (公示, 统计, the committee's 发布), a proposal, the draft form, 金点子, 我的提案, 超期督办
  { url: ROUTES.proposals, shows: [PROPOSAL_SESSION.title, '征集中', '金点子', '超期督办', '发起提案征集'] },
  // 发起提案征集: the chair's form (default close 17:00, 2 co-signers); the treasurer is not on the committee
  { url: PROPOSAL_ROUTES.sessionForm, shows: ['征集名称', '征集开始', '征集截止', '17:00', '每件提案需要几位代表附议', '够 2 位附议后进入审查', '下一步：核对'] },
  { url: PROPOSAL_ROUTES.sessionForm, as: 'treasurer', shows: ['您没有这个权限', '只有工会委员和工会主席可以发起提案征集。'] },
  { url: PROPOSAL_ROUTES.session(PROPOSAL_SESSION.sessionId), shows: [PROPOSAL_SESSION.title, ACCEPTED_PROPOSAL.title, COSIGN_PROPOSAL.title, DRAFT_PROPOSAL.title, '办复率', '0%', '发布办理结果', '写提案'] },
  {
    url: PROPOSAL_ROUTES.detail(ACCEPTED_PROPOSAL.proposalId),
    shows: [ACCEPTED_PROPOSAL.title, ACCEPTED_PROPOSAL.number!, '已立案', '承办部门：总务处', `还有 ${Math.floor((Date.parse(ACCEPTED_PROPOSAL.dueAt!) - Date.now()) / 86_400_000)} 天`, '已与食堂承包方商谈。', '请本月内给出方案。', '答复提案人', '督办'],
  },
  { url: PROPOSAL_ROUTES.detail(COSIGN_PROPOSAL.proposalId), shows: [COSIGN_PROPOSAL.title, '征集附议', '附议'] },
  { url: PROPOSAL_ROUTES.detail(DRAFT_PROPOSAL.proposalId), shows: [DRAFT_PROPOSAL.title, '提交提案', '修改草稿', '撤回提案'] },
  { url: PROPOSAL_ROUTES.form({ sessionId: PROPOSAL_SESSION.sessionId }), shows: ['保存并提交', '保存草稿', '后勤食堂'] },
  { url: PROPOSAL_ROUTES.form({ proposalId: DRAFT_PROPOSAL.proposalId }), holds: [DRAFT_PROPOSAL.title, DRAFT_PROPOSAL.reason] },
  { url: PROPOSAL_ROUTES.ideas, shows: [IDEA.title, '已采纳', '导出金点子'] },
  { url: PROPOSAL_ROUTES.mine, shows: [DRAFT_PROPOSAL.title, COSIGN_PROPOSAL.title, '待我附议（1）'] },
  { url: PROPOSAL_ROUTES.overdue, shows: ['没有超期的提案'] },
  // 捐款 as the treasurer: every gift with its giver (the anonymous one named for her alone), 确认 and 退回 for the one not yet confirmed
  { url: ROUTES.campaign(CAMPAIGN.campaignId), as: 'treasurer', shows: [CAMPAIGN.title, '捐款登记（财务）', CAMPAIGN_GIFTS[2]!.name, '（匿名）', CAMPAIGN_GIFTS[3]!.name, ' · 陈静代收', '确认', '退回'] },
  { url: ROUTES.district, as: 'districtAdmin', shows: [DISTRICT_ORGS.name, ...DISTRICT_ORGS.orgs.map((o) => o.name)] },
  // 各校学期汇总: the district's totals, then each school with the sort column's value (参与人次, largest first)
  { url: ROUTES.districtReport, as: 'districtAdmin', shows: ['全区合计', '2 所学校', '290', '¥12345.67', '已投 18 / 应投 20', '红星小学', '青山中学', '参与人次', '210', '导出Excel', '更换 ›'] },
  // 全区捐款: the district's drives, then one drive's totals per school (largest first) under the district's total
  { url: ROUTES.districtDonations, as: 'districtAdmin', shows: [DISTRICT_CAMPAIGN.title, '已确认 ¥12345.67 · 160 人捐款'] },
  {
    url: `${ROUTES.districtDonations}?id=${DISTRICT_CAMPAIGN.campaignId}`,
    as: 'districtAdmin',
    shows: [DISTRICT_CAMPAIGN.title, '全区已确认', '¥12345.67', '已登记 ¥13000.00 · 160 人捐款', '2 所学校，2 所已有捐款', '青山中学', SCHOOL.name, '¥10000.00', '¥2345.67', '100 人捐款', '已登记 ¥10500.00'],
  },
  // 表决: the list, a ballot to vote in (with the chair's 结束投票), a draft, a closed one, the receipt this phone kept, the results, 发起表决
  { url: ROUTES.ballots, shows: [OPEN_BALLOT.title, CLOSED_BALLOT.title, DRAFT_BALLOT.title, '待投票', '发起表决'] },
  {
    url: ROUTES.ballot(OPEN_BALLOT.ballotId),
    shows: [OPEN_BALLOT.title, '已投 12 人 / 应投 20 人', ...OPEN_BALLOT.questions.map((q) => q.text), '赞成', '基本称职', '赵强', '核对选票', '结束投票', '5fcfa41a…35f2'],
  },
  { url: ROUTES.ballot(DRAFT_BALLOT.ballotId), shows: [DRAFT_BALLOT.title, '未开始', '共 3 道题', '开启投票'] },
  { url: ROUTES.ballot(CLOSED_BALLOT.ballotId), shows: [CLOSED_BALLOT.title, '已结束', '查看结果'] },
  { url: ROUTES.ballotReceipt(OPEN_BALLOT.ballotId), storage: { [`staffhome.ballotReceipt.${OPEN_BALLOT.ballotId}`]: MY_RECEIPT }, shows: ['投票成功', '88db', '02a5', '复制回执', '已投 12 人 / 应投 20 人'] },
  {
    url: ROUTES.ballotResults(CLOSED_BALLOT.ballotId),
    shows: [BALLOT_RESULTS.title, '应投 20 人，实投 18 人', '表决有效', '通过', '优秀+称职率：88.9%', '当选：李明、王芳。', '下载结果（Excel）', '核对我的回执'],
  },
  { url: ROUTES.ballotCreate, shows: ['表决名称', '教代会代表', '全体会员', '添加民主测评', '添加选举', '保存'] },
  // 学期总结: every figure in words with exact numbers, the charts' bars, the downloads; the records behind the money
  {
    url: ROUTES.report,
    shows: ['点任意一项，可查看背后的名单和记录', '在册会员', '40人', '72.5%（29/40）', '¥1250.50', '秋季登山活动', '24人', '2026年慈善一日捐', '¥1250.50（18人）', '提案办理结果', '66.7%（2/3）', '90.0%（18/20）', '生病住院', '2次 · ¥1000.00', '下载工作总结初稿（Word）', '困难补助', '1 人次 ¥2500.50', '大病'],
  },
  { url: REPORT_ROUTES.records('donations.confirmedFen', { from: '2026-08-01', to: '2027-01-31' }, '已确认捐款'), shows: ['已确认捐款：共 2 条，合计 ¥1250.50', '李明', '匿名', '¥1000.00', '¥250.50'] },
  // 送温暖: the list under its filters (本学期 first, its dates in words) with its count and money; a visit opened to edit; a new one
  { url: ROUTES.careVisits, shows: ['登记走访慰问', '上学期', '自定义', '时间：', '学期（', `${CARE_VISIT.memberName} · 生病住院`, '¥500.50', '走访人：陈静', '共 1 次，慰问金合计 ¥500.50'] },
  { url: REPORT_ROUTES.careForm(CARE_VISIT.visitId), shows: [CARE_VISIT.memberName, '生病住院', '陈静', '保存修改'], holds: ['500.50', '水果、牛奶'] },
  { url: REPORT_ROUTES.careForm(), shows: ['慰问对象', '退休教师慰问', '登记'] },
  // 会员生日: this month first (上个月 / 下个月 / a month picked), the day, never the year
  { url: ROUTES.birthdays, shows: ['上个月', '下个月', '月份', '李明', '已送生日贺卡（王秀兰）', '陈静', '记为已送'] },
  // 通知: the list with the committee's read count, one notice (the chair sees 已读 12 / 40 人), 发布通知
  { url: ROUTES.notices, shows: ['发布通知', NOTICE.title, '置顶', '未读', '已读 12 人'] },
  { url: ROUTES.notice(NOTICE.noticeId), shows: [NOTICE.title, NOTICE.body, '已读 12 / 40 人', '修改通知'] },
  { url: '/notice/form/index', shows: ['标题', '内容', '置顶', '发布'] },
];

/** Classes of the app's StateViews: a settled page must not be stuck loading or showing an error. */
const STUCK_CLASSES = ['state--loading', 'state--error', 'inline-error'];

function scenariosFor(app: AppJson): { scenario: Scenario; subPackage?: string }[] {
  return app.pages.flatMap((page) => {
    const mine = SCENARIOS.filter((s) => parsePageUrl(s.url).route === page.route);
    return (mine.length ? mine : [{ url: `/${page.route}` }]).map((scenario) => ({ scenario, subPackage: page.subPackage }));
  });
}

/** How deep a Taro node tree nests (each level a `cn` list of children). */
function nodeDepth(node: unknown): number {
  const children = (node as { cn?: unknown[] } | undefined)?.cn;
  return Array.isArray(children) && children.length ? 1 + Math.max(...children.map(nodeDepth)) : 0;
}
/**
 * base.wxml unrolls `baseLevel` (12, miniapp/config: 16 cost 11 KB of the main package) levels of
 * templates; a deeper node is rendered through Taro's recursive comp component, which this sandbox
 * does not exercise. The deepest page today nests 10.
 */
const DEEPEST_RENDERED = 12;

/** What is wrong with one opened page, in words (empty: nothing). */
function problems(report: PageReport, s: Scenario): string[] {
  const out: string[] = [];
  const person = s.as === undefined ? 'chair' : s.as;
  if (report.faults.length) out.push(`faults:\n${describeFaults(report)}`);
  if (report.setDataCalls === 0) out.push('never rendered (no setData)');
  const depth = nodeDepth(report.data.root);
  if (depth > DEEPEST_RENDERED) out.push(`nests ${depth} levels, past baseLevel ${DEEPEST_RENDERED}: its deepest nodes would render through Taro's comp component, untested here`);
  const text = report.text.join('\n');
  const sent = report.navigations.filter((n) => n.api === 'reLaunch' || n.api === 'redirectTo').map((n) => parsePageUrl(n.url).route);
  if (s.sendsTo) {
    if (!sent.includes(parsePageUrl(s.sendsTo).route)) out.push(`should send to ${s.sendsTo}, navigated: ${JSON.stringify(report.navigations)}`);
    return out;
  }
  if (!text) out.push('shows no text');
  if (person && sent.includes(parsePageUrl(ROUTES.login).route)) out.push(`signed in, yet sent to the login page (requests: ${report.requests.join(', ')})`);
  const classes = classNames(report.data);
  for (const c of STUCK_CLASSES) if (classes.has(c)) out.push(`settled showing .${c}: ${text.replace(/\n/g, ' | ').slice(0, 300)}`);
  // a label may come in pieces (components/NoOrphan keeps its last two characters together in their own node)
  const joined = report.text.join('');
  for (const want of s.shows ?? []) if (!text.includes(want) && !joined.includes(want)) out.push(`does not show “${want}”; shows: ${text.replace(/\n/g, ' | ').slice(0, 400)}`);
  const data = JSON.stringify(report.data);
  for (const want of s.holds ?? []) if (!data.includes(JSON.stringify(want).slice(1, -1))) out.push(`does not hold “${want}” in its data`);
  return out;
}

describe('weapp build, checked as WeChat would check it', () => {
  let dist: string;
  let app: AppJson;
  beforeAll(() => {
    const build = weappBuild();
    if (build.built) console.log(`weapp built in ${build.ms} ms`);
    dist = build.dist;
    app = readAppJson(dist);
  });

  it('wcc compiles every template of the build, base.wxml included', () => {
    const started = performance.now();
    const r = compileWxml(dist);
    expect(r.error).toBe('');
    const wxml = filesWithExt(dist, '.wxml');
    expect(wxml).toContain('base.wxml');
    for (const p of app.pages) expect(wxml, `${p.route}.wxml`).toContain(`${p.route}.wxml`);
    expect(r.files).toBe(wxml.length + filesWithExt(dist, '.wxs').length);
    // The output defines every page's template.
    for (const p of app.pages) expect(r.output, p.route).toContain(`${p.route}.wxml`);
    console.log(`wcc: ${r.files} files in ${Math.round(performance.now() - started)} ms`);
  });

  it('wcsc compiles every style of the build', () => {
    const started = performance.now();
    const r = compileWxss(dist);
    expect(r.error).toBe('');
    expect(r.ok).toBe(true);
    expect(r.files).toBeGreaterThan(app.pages.length / 2);
    console.log(`wcsc: ${r.files} files in ${Math.round(performance.now() - started)} ms`);
  });

  it('the stuck states it looks for are the classes StateViews still renders', () => {
    const source = readFileSync(join(ROOT, 'miniapp/src/components/StateViews.tsx'), 'utf8');
    for (const c of STUCK_CLASSES) expect(source, c).toMatch(new RegExp(`className="[^"]*\\b${c}\\b`));
  });

  it('every scenario opens a page of app.json', () => {
    const routes = new Set(app.pages.map((p) => p.route));
    for (const s of SCENARIOS) expect(routes, s.url).toContain(parsePageUrl(s.url).route);
  });

  it('every page of app.json (main package and sub-packages) loads, runs its lifecycle and renders the fixtures', async () => {
    const runs = scenariosFor(app);
    expect(runs.some((r) => r.subPackage), 'no sub-package page was opened').toBe(true);
    const request = fixtureRequests(TEST_API_BASE);
    const timings: string[] = [];
    const started = performance.now();
    for (const { scenario } of runs) {
      const as = scenario.as === undefined ? 'chair' : scenario.as;
      const report = await runPage({ dist, app, url: scenario.url, storage: { ...signedIn(as ?? undefined), ...scenario.storage }, request });
      timings.push(`${scenario.url} (${as ?? 'signed out'}): ${report.ms} ms, ${report.setDataCalls} setData, ${report.requests.length} requests`);
      expect.soft(problems(report, scenario), `${scenario.url} as ${as ?? 'nobody'}`).toEqual([]);
    }
    console.log(`sandbox: ${runs.length} page runs in ${Math.round(performance.now() - started)} ms\n  ${timings.join('\n  ')}`);
  });

  it("follows the member's WeChat font size: fontSizeScaleFactor reaches the page root's style, 大字模式 stays at least 1.25×", async () => {
    const request = fixtureRequests(TEST_API_BASE);
    const open = async (factor: number | undefined, largeText: boolean) => {
      const storage = { ...signedIn('chair'), ...(largeText ? { 'staffhome.largeText': true } : {}) };
      const report = await runPage({ dist, app, url: ROUTES.home, storage, request, appBaseInfo: factor === undefined ? undefined : { fontSizeScaleFactor: factor } });
      expect(report.faults, describeFaults(report)).toEqual([]);
      expect(report.wxCalls).toContain('getAppBaseInfo');
      const styles = stylesOfClass(report.data, 'page');
      expect(styles.length, 'the page has one root .page').toBe(1);
      return { style: styles[0]!, large: classNames(report.data).has('large-text') };
    };
    // 关怀模式 (WeChat's 23.8 px on a 375 screen, 1.4 × its 17 px): every type size of app.css × 1.4
    const care = await open(1.4, false);
    expect(care.style).toMatch(/--wx:\s*1\.4\b/);
    expect(care.style).toMatch(/--wx-l:\s*1\.4\b/);
    expect(care.large).toBe(false);
    // standard size: no style at all (app.css's own sizes)
    expect((await open(undefined, false)).style).toBe('');
    expect((await open(1, true)).large).toBe(true);
    // a small WeChat step with 大字模式 on: 大字模式's 1.25 wins; without it, WeChat's 1.1
    const small = await open(1.1, true);
    expect(small.large).toBe(true);
    expect(small.style).toMatch(/--wx:\s*1\.1\b/);
    expect(small.style).toMatch(/--wx-l:\s*1\.25\b/);
    // WeChat's 小 (below standard) never shrinks the app's type; more than double is kept at double
    expect((await open(0.9, false)).style).toBe('');
    expect((await open(3, false)).style).toMatch(/--wx:\s*2\b/);
  });
});
