import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROPOSAL_ROUTES, ROUTES } from '../../miniapp/src/lib/routes';
import { parsePageUrl, readAppJson, type AppJson } from '../support/weapp/appJson';
import { ROOT } from '../support/apiProcess';
import { TEST_API_BASE, weappBuild } from '../support/weapp/build';
import { compileWxml, compileWxss, filesWithExt } from '../support/weapp/compile';
import {
  ACCEPTED_PROPOSAL,
  AUDIT,
  CHAIR,
  COSIGN_PROPOSAL,
  DRAFT_PROPOSAL,
  IDEA,
  PROPOSAL_SESSION,
  DISTRICT_ORGS,
  FILM_EVENT,
  INACTIVE,
  MEMBERS,
  MESSAGES,
  OPEN_EVENT,
  PAST_EVENT,
  PEOPLE,
  REGISTRATIONS,
  SCHOOL,
  fixtureRequests,
  signedIn,
  type Person,
} from '../support/weapp/fixtures';
import { classNames } from '../support/weapp/pageData';
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
}

const SCENARIOS: Scenario[] = [
  // 首页: what waits for me: my event (已报名), one open to me, the unread message
  {
    url: ROUTES.home,
    shows: [CHAIR.name, SCHOOL.name, '我的活动', OPEN_EVENT.title, '已报名', '可以报名', FILM_EVENT.title, `新消息（${MESSAGES.unread}）`, MESSAGES.messages[0]!.title, '待我附议的提案（1）', COSIGN_PROPOSAL.title],
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
  // 教代会提案: the tab, a session (公示, 统计, the committee's 发布), a proposal, the draft form, 金点子, 我的提案, 超期督办
  { url: ROUTES.proposals, shows: [PROPOSAL_SESSION.title, '征集中', '金点子', '超期督办'] },
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
  { url: ROUTES.district, as: 'districtAdmin', shows: [DISTRICT_ORGS.name, ...DISTRICT_ORGS.orgs.map((o) => o.name)] },
];

/** Classes of the app's StateViews: a settled page must not be stuck loading or showing an error. */
const STUCK_CLASSES = ['state--loading', 'state--error', 'inline-error'];

function scenariosFor(app: AppJson): { scenario: Scenario; subPackage?: string }[] {
  return app.pages.flatMap((page) => {
    const mine = SCENARIOS.filter((s) => parsePageUrl(s.url).route === page.route);
    return (mine.length ? mine : [{ url: `/${page.route}` }]).map((scenario) => ({ scenario, subPackage: page.subPackage }));
  });
}

/** What is wrong with one opened page, in words (empty: nothing). */
function problems(report: PageReport, s: Scenario): string[] {
  const out: string[] = [];
  const person = s.as === undefined ? 'chair' : s.as;
  if (report.faults.length) out.push(`faults:\n${describeFaults(report)}`);
  if (report.setDataCalls === 0) out.push('never rendered (no setData)');
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
      const report = await runPage({ dist, app, url: scenario.url, storage: signedIn(as ?? undefined), request });
      timings.push(`${scenario.url} (${as ?? 'signed out'}): ${report.ms} ms, ${report.setDataCalls} setData, ${report.requests.length} requests`);
      expect.soft(problems(report, scenario), `${scenario.url} as ${as ?? 'nobody'}`).toEqual([]);
    }
    console.log(`sandbox: ${runs.length} page runs in ${Math.round(performance.now() - started)} ms\n  ${timings.join('\n  ')}`);
  });
});
