import { beforeAll, describe, expect, it } from 'vitest';
import { POLICY, type Rule } from '../../shared/domain/policy';
import { ROLES } from '../../shared/schemas/common';
import { as, ordinary, seed, type School } from '../support/fixtures';

/**
 * The authorisation matrix through the real API: every route of the policy table × every
 * seeded role × own school and another school. Write routes get a body the route does not
 * accept, so an allowed caller sees 400 (nothing changes) and a refused one 403.
 */
type Call = Awaited<ReturnType<typeof as>>;
const routes = (Object.entries(POLICY) as [string, Rule][]).filter(([, r]) => r.scope !== 'public');
const seededRoles = ROLES;

let home: School;
let away: School;
let homeEvent: string;
let homeCampaign: string;
let homeBallot: string;
let homeVisit: string;
let homeNotice: string;
let homeSession: string;
let homeProposal: string;
let homeIdea: string;
let homeAidCase: string;
const homeDonation = 'authz-gift-0001';
const callers: Record<string, { home: Call; away: Call }> = {};

function holderOf(s: School, role: (typeof ROLES)[number]): string {
  switch (role) {
    case 'chair': return s.chair;
    case 'treasurer': return s.treasurer;
    case 'committee': return s.committee[0]!;
    case 'groupLeader': return s.groupLeaders.find((id) => !s.delegates.includes(id))!;
    case 'delegate': return s.delegates[0]!;
    case 'districtAdmin': return (s as School & { districtAdmin: string }).districtAdmin;
    default: return ordinary(s);
  }
}

function pathFor(route: string, s: School): string {
  const target = s.members.at(-8)!; // an ordinary member nobody acts as
  return route.split(' ')[1]!.replace('{orgId}', s.orgId).replace('{memberId}', target).replace('{eventId}', homeEvent).replace('{districtId}', s.districtId).replace('{campaignId}', homeCampaign).replace('{donationId}', homeDonation).replace('{ballotId}', homeBallot).replace('{sessionId}', homeSession).replace('{proposalId}', homeProposal).replace('{ideaId}', homeIdea).replace('{visitId}', homeVisit).replace('{noticeId}', homeNotice).replace('{caseId}', homeAidCase);
}

beforeAll(async () => {
  [home, away] = await Promise.all([seed(30, 6), seed(30, 6)]);
  for (const role of seededRoles) callers[role] = { home: await as(holderOf(home, role)), away: await as(holderOf(away, role)) };
  const soon = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
  homeEvent = (await callers.chair!.home('POST', `/orgs/${home.orgId}/events`, { title: '权限测试', place: '礼堂', startsAt: soon(48), signupClosesAt: soon(24), capacity: 10 })).body.eventId;
  homeCampaign = (await callers.chair!.home('POST', `/orgs/${home.orgId}/campaigns`, { title: '权限测试', kind: 'other', closesAt: soon(48) })).body.campaignId;
  await callers.member!.home('POST', `/campaigns/${homeCampaign}/donations`, { donationId: homeDonation, amountFen: 100, anonymous: false });
  homeBallot = (await callers.chair!.home('POST', `/orgs/${home.orgId}/ballots`, { title: '权限测试', electorate: 'delegates', questions: [{ id: 'q1', text: '表决', kind: 'motion' }] })).body.ballotId;
  await callers.chair!.home('POST', `/ballots/${homeBallot}/open`, {});
  homeVisit = (await callers.chair!.home('POST', `/orgs/${home.orgId}/care-visits`, { memberId: home.members.at(-8), kind: 'illness', date: '2026-01-05', giftFen: 50000 })).body.visitId;
  homeNotice = (await callers.chair!.home('POST', `/orgs/${home.orgId}/notices`, { title: '权限测试', body: '通知内容' })).body.noticeId;
  homeSession = (await callers.chair!.home('POST', `/orgs/${home.orgId}/sessions`, { title: '权限测试', opensAt: soon(-1), closesAt: soon(48) })).body.sessionId;
  homeProposal = (await callers.delegate!.home('POST', `/sessions/${homeSession}/proposals`, { title: '权限测试', category: 'other', reason: '案由', suggestion: '建议' })).body.proposalId;
  await callers.delegate!.home('POST', `/proposals/${homeProposal}/submit`); // left draft: every member of the school may read it
  homeIdea = (await callers.member!.home('POST', `/orgs/${home.orgId}/ideas`, { title: '权限测试', category: 'other', text: '内容' })).body.ideaId;
  homeAidCase = (await callers.member!.home('POST', `/orgs/${home.orgId}/aid-cases`, { category: 'other', requestedFen: 100, reason: '权限测试' })).body.caseId;
});

describe.each(routes)('%s', (route, rule) => {
  const method = route.split(' ')[0]!;
  const body = method === 'GET' ? undefined : { notAField: true };
  it.each(seededRoles)('as %s', async (role) => {
    // The district admin belongs to the district office, not to a school: in a school they read
    // only what the policy opens to the district; everything about themselves is theirs.
    const allowed =
      role === 'districtAdmin'
        ? rule.scope === 'self' || Boolean(rule.district)
        : rule.roles.includes('member') || rule.roles.includes(role);
    const own = await callers[role]!.home(method, pathFor(route, home), body);
    // Allowed: answered on its merits (200, or 400 for the body it doesn't accept, 404/409 where the state says so).
    if (allowed) expect([200, 400, 404, 409], `${route} as ${role}: ${JSON.stringify(own.body)}`).toContain(own.status);
    else {
      expect(own.status, `${route} as ${role}`).toBe(403);
      expect(own.body.error.code).toBe('FORBIDDEN');
    }
    if (rule.scope !== 'self' && !(role === 'districtAdmin' && rule.district)) {
      const other = await callers[role]!.away(method, pathFor(route, home), body);
      expect(other.status, `${route} as ${role} of another school`).toBe(403);
    }
  });
});

describe('the district union', () => {
  it('lists the district’s schools, not its own office, and reads a school’s profile', async () => {
    const admin = callers.districtAdmin!.home;
    const list = (await admin('GET', `/districts/${home.districtId}/orgs`)).body;
    const ids = list.orgs.map((o: { orgId: string }) => o.orgId);
    expect(ids).toContain(home.orgId);
    expect(ids).toContain(away.orgId);
    expect(ids).not.toContain('o-dist-dev-office');
    expect((await admin('GET', `/orgs/${home.orgId}`)).status).toBe(200);
    expect((await admin('GET', `/orgs/${home.orgId}/members`)).status).toBe(403);
    expect((await admin('GET', '/districts/dist-elsewhere/orgs')).status).toBe(404);
    expect((await admin('GET', '/me')).body.member.roles).toContain('districtAdmin');
  });
});

describe('group leaders see only their own group, without phone numbers', () => {
  it('filters the member list', async () => {
    const leader = home.groupLeaders.find((id) => !home.delegates.includes(id))!;
    const list = (await callers.groupLeader!.home('GET', `/orgs/${home.orgId}/members`)).body;
    const me = list.members.find((m: { memberId: string }) => m.memberId === leader);
    expect(me).toBeTruthy();
    expect(list.members.every((m: { groupId: string; phone?: string }) => m.groupId === me.groupId && m.phone === undefined)).toBe(true);
    const full = (await callers.committee!.home('GET', `/orgs/${home.orgId}/members`)).body;
    expect(full.members).toHaveLength(30);
    expect(full.members.every((m: { phone?: string }) => typeof m.phone === 'string')).toBe(true);
    // who still needs a WeChat invite code: the committee sees it, a group leader does not
    expect(full.members.every((m: { wechatBound?: boolean }) => m.wechatBound === false)).toBe(true);
    expect(list.members.every((m: { wechatBound?: boolean }) => m.wechatBound === undefined)).toBe(true);
  });
});
