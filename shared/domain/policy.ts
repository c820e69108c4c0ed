import type { Role } from '../schemas/common';

/**
 * Who may call which route: the one place authorisation is decided.
 *
 * `roles`: any of these roles lets the caller in (every member has `member`).
 * `scope`: which school the request acts on, found from a path parameter:
 *   - 'org'   : `{orgId}`;   - 'member': the school of `{memberId}`;
 *   - 'event' : the school of `{eventId}`; - 'campaign', 'donation', 'ballot', 'session', 'proposal', 'idea', 'careVisit', 'notice' likewise;
 *   - 'self'  : the caller's own data, no other school involved;
 *   - 'district': `{districtId}`, for the district union (only with `district: true`);
 *   - 'public': no session needed.
 * A caller acts only on their own school; a district admin also reads schools of their district
 * where `district: true`. A district-wide resource (a 全区 campaign, `districtWide` on its target)
 * belongs to every school of its district: a member of any of them is in on its routes as on their
 * own school's (the routes then act on the caller's school's part only), and so is the district office.
 */
export type Scope = 'public' | 'self' | 'district' | 'org' | 'member' | 'event' | 'campaign' | 'donation' | 'ballot' | 'session' | 'proposal' | 'idea' | 'careVisit' | 'notice' | 'aidCase';
export interface Rule {
  roles: readonly Role[];
  scope: Scope;
  district?: boolean;
}

export const EVERYONE: readonly Role[] = ['member'];
export const COMMITTEE: readonly Role[] = ['committee', 'chair'];
export const LEADERS: readonly Role[] = ['committee', 'chair', 'groupLeader'];
export const CHAIR: readonly Role[] = ['chair'];
export const TREASURER: readonly Role[] = ['treasurer'];
export const DISTRICT: readonly Role[] = ['districtAdmin'];
/** 教代会代表: only they propose and co-sign. */
export const DELEGATES: readonly Role[] = ['delegate'];
/** Who takes cash from members for a donation drive: the treasurer, and group leaders for their group. */
export const CASH_KEEPERS: readonly Role[] = ['treasurer', 'groupLeader'];
/** The union's officers: only the chair may stop one of them. */
/** Who may know who received hardship aid: the chair and the treasurer (and the member themselves). */
export const AID_KEEPERS: readonly Role[] = ['chair', 'treasurer'];
export const OFFICERS: readonly Role[] = ['chair', 'treasurer', 'committee'];

const pub: Rule = { roles: EVERYONE, scope: 'public' };

export const POLICY = {
  'GET /health': pub,
  'POST /auth/wechat-login': pub,
  'POST /auth/bind': pub,
  'POST /dev/seed': pub,
  'POST /dev/login': pub,
  'GET /dev/demo': pub,
  'GET /dev/orgs/{orgId}/people': pub,
  'GET /dev/orgs/{orgId}/recount': pub,
  'GET /dev/orgs/{orgId}/tally-check': pub,
  'POST /dev/orgs/{orgId}/tally': pub,

  'GET /me': { roles: EVERYONE, scope: 'self' },
  'POST /me/consent': { roles: EVERYONE, scope: 'self' },

  'GET /districts/{districtId}/orgs': { roles: DISTRICT, scope: 'district', district: true },
  // 全区一日捐: the district union opens a campaign for all its schools and reads each school's totals (no names).
  'POST /districts/{districtId}/campaigns': { roles: DISTRICT, scope: 'district', district: true },
  'GET /districts/{districtId}/campaigns': { roles: DISTRICT, scope: 'district', district: true },
  'GET /districts/{districtId}/campaigns/{campaignId}/schools': { roles: DISTRICT, scope: 'district', district: true },
  // 区级汇总: every school's term figures (counts and sums only), from the schools' term tallies.
  'GET /districts/{districtId}/report': { roles: DISTRICT, scope: 'district', district: true },
  'GET /districts/{districtId}/report.xlsx': { roles: DISTRICT, scope: 'district', district: true },
  'GET /orgs/{orgId}': { roles: EVERYONE, scope: 'org', district: true },
  'GET /orgs/{orgId}/groups': { roles: EVERYONE, scope: 'org' },
  'POST /orgs/{orgId}/groups': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/members': { roles: LEADERS, scope: 'org' },
  'POST /orgs/{orgId}/roster/import': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/roster.xlsx': { roles: COMMITTEE, scope: 'org' },
  'POST /orgs/{orgId}/invites': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/audit': { roles: CHAIR, scope: 'org' },
  'PATCH /members/{memberId}': { roles: COMMITTEE, scope: 'member' },
  'GET /me/registrations': { roles: EVERYONE, scope: 'self' },
  'GET /me/messages': { roles: EVERYONE, scope: 'self' },
  'POST /me/messages/read': { roles: EVERYONE, scope: 'self' },
  'GET /dev/orgs/{orgId}/outbox': pub,

  'POST /orgs/{orgId}/events': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/events': { roles: EVERYONE, scope: 'org' },
  'GET /events/{eventId}': { roles: EVERYONE, scope: 'event' },
  'PATCH /events/{eventId}': { roles: COMMITTEE, scope: 'event' },
  'POST /events/{eventId}/cancel': { roles: COMMITTEE, scope: 'event' },
  'POST /events/{eventId}/registrations': { roles: EVERYONE, scope: 'event' },
  'PATCH /events/{eventId}/registrations/me': { roles: EVERYONE, scope: 'event' },
  'DELETE /events/{eventId}/registrations/me': { roles: EVERYONE, scope: 'event' },
  'GET /events/{eventId}/registrations': { roles: LEADERS, scope: 'event' },
  'POST /events/{eventId}/checkins': { roles: COMMITTEE, scope: 'event' },
  'DELETE /events/{eventId}/checkins/{memberId}': { roles: COMMITTEE, scope: 'event' },
  'GET /events/{eventId}/roster.xlsx': { roles: COMMITTEE, scope: 'event' },
  'POST /members/{memberId}/deactivate': { roles: COMMITTEE, scope: 'member' },
  'POST /members/{memberId}/reactivate': { roles: CHAIR, scope: 'member' },

  'POST /orgs/{orgId}/campaigns': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/campaigns': { roles: EVERYONE, scope: 'org' },
  'GET /campaigns/{campaignId}': { roles: EVERYONE, scope: 'campaign' },
  'POST /campaigns/{campaignId}/donations': { roles: EVERYONE, scope: 'campaign' },
  'GET /campaigns/{campaignId}/donations': { roles: CASH_KEEPERS, scope: 'campaign' },
  'POST /campaigns/{campaignId}/donations/confirm': { roles: TREASURER, scope: 'campaign' },
  'GET /campaigns/{campaignId}/donations.xlsx': { roles: TREASURER, scope: 'campaign' },
  'GET /campaigns/{campaignId}/honor-roll': { roles: EVERYONE, scope: 'campaign' },
  'POST /donations/{donationId}/confirm': { roles: TREASURER, scope: 'donation' },
  'POST /donations/{donationId}/reject': { roles: TREASURER, scope: 'donation' },
  'GET /me/donations': { roles: EVERYONE, scope: 'self' },
  // The WeChat Pay seam: an order for one's own gift; the provider's notify (its signature is its authority).
  'POST /donations/{donationId}/pay-order': { roles: EVERYONE, scope: 'donation' },
  'POST /pay/notify': pub,

  // 互助储金 / 困难补助基金. Who received aid is the chair's and treasurer's to know (and the member's
  // own); everyone else reads counts and sums per category and term. Routes open to every member
  // answer each caller with what they may see (their own cases; a case they may not see is 404).
  'GET /orgs/{orgId}/fund': { roles: EVERYONE, scope: 'org' },
  'GET /orgs/{orgId}/fund/entries': { roles: AID_KEEPERS, scope: 'org' },
  'POST /orgs/{orgId}/fund/entries': { roles: TREASURER, scope: 'org' },
  'GET /orgs/{orgId}/aid/summary': { roles: EVERYONE, scope: 'org' },
  'POST /orgs/{orgId}/aid-cases': { roles: EVERYONE, scope: 'org' },
  'GET /orgs/{orgId}/aid-cases': { roles: EVERYONE, scope: 'org' },
  'GET /aid-cases/{caseId}': { roles: EVERYONE, scope: 'aidCase' },
  'POST /aid-cases/{caseId}/approve': { roles: COMMITTEE, scope: 'aidCase' },
  'POST /aid-cases/{caseId}/decline': { roles: COMMITTEE, scope: 'aidCase' },
  'POST /aid-cases/{caseId}/pay': { roles: TREASURER, scope: 'aidCase' },

  'POST /orgs/{orgId}/ballots': { roles: CHAIR, scope: 'org' },
  'GET /orgs/{orgId}/ballots': { roles: EVERYONE, scope: 'org' },
  'GET /ballots/{ballotId}': { roles: EVERYONE, scope: 'ballot' },
  'POST /ballots/{ballotId}/open': { roles: CHAIR, scope: 'ballot' },
  'POST /ballots/{ballotId}/close': { roles: CHAIR, scope: 'ballot' },
  // Every member may ask; the frozen electorate decides who votes.
  'POST /ballots/{ballotId}/votes': { roles: EVERYONE, scope: 'ballot' },
  'GET /ballots/{ballotId}/results': { roles: EVERYONE, scope: 'ballot' },
  'GET /ballots/{ballotId}/results.xlsx': { roles: COMMITTEE, scope: 'ballot' },

  // 送温暖: committee only, to read too (who was visited, and why, is private).
  'POST /orgs/{orgId}/care-visits': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/care-visits': { roles: COMMITTEE, scope: 'org' },
  'GET /care-visits/{visitId}': { roles: COMMITTEE, scope: 'careVisit' },
  'PATCH /care-visits/{visitId}': { roles: COMMITTEE, scope: 'careVisit' },
  // Birthdays: the committee's list (birth dates are never shown to members).
  'GET /orgs/{orgId}/birthdays': { roles: COMMITTEE, scope: 'org' },
  'POST /members/{memberId}/birthday-given': { roles: COMMITTEE, scope: 'member' },
  // 通知 / 校务公开: the committee posts; every member reads; the committee sees who read.
  'POST /orgs/{orgId}/notices': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/notices': { roles: EVERYONE, scope: 'org' },
  'GET /notices/{noticeId}': { roles: EVERYONE, scope: 'notice' },
  'PATCH /notices/{noticeId}': { roles: COMMITTEE, scope: 'notice' },
  'POST /notices/{noticeId}/read': { roles: EVERYONE, scope: 'notice' },
  'GET /notices/{noticeId}/reads': { roles: COMMITTEE, scope: 'notice' },
  // 学期工作总结: the chair and the committee (care visits and gifts' donors are in it).
  'GET /orgs/{orgId}/report': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/report/records': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/report.docx': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/report.xlsx': { roles: COMMITTEE, scope: 'org' },

  // 教代会提案. The proposer's own acts (edit, submit, rate) are open to members here and checked
  // against the proposal by the state machine (403 for anyone else): a proposer stays its proposer
  // after their term as a delegate ends.
  'POST /orgs/{orgId}/sessions': { roles: COMMITTEE, scope: 'org' },
  'GET /orgs/{orgId}/sessions': { roles: EVERYONE, scope: 'org' },
  'GET /sessions/{sessionId}': { roles: EVERYONE, scope: 'session' },
  'POST /sessions/{sessionId}/proposals': { roles: DELEGATES, scope: 'session' },
  'GET /sessions/{sessionId}/proposals': { roles: EVERYONE, scope: 'session' },
  'GET /sessions/{sessionId}/stats': { roles: EVERYONE, scope: 'session' },
  'POST /sessions/{sessionId}/publish': { roles: COMMITTEE, scope: 'session' },
  'GET /proposals/{proposalId}': { roles: EVERYONE, scope: 'proposal' },
  'PATCH /proposals/{proposalId}': { roles: EVERYONE, scope: 'proposal' },
  'POST /proposals/{proposalId}/submit': { roles: EVERYONE, scope: 'proposal' },
  'POST /proposals/{proposalId}/withdraw': { roles: EVERYONE, scope: 'proposal' },
  'POST /proposals/{proposalId}/cosign': { roles: DELEGATES, scope: 'proposal' },
  'POST /proposals/{proposalId}/decision': { roles: COMMITTEE, scope: 'proposal' },
  'POST /proposals/{proposalId}/answer': { roles: COMMITTEE, scope: 'proposal' },
  'POST /proposals/{proposalId}/progress': { roles: COMMITTEE, scope: 'proposal' },
  'POST /proposals/{proposalId}/rating': { roles: EVERYONE, scope: 'proposal' },
  'POST /proposals/{proposalId}/chase': { roles: COMMITTEE, scope: 'proposal' },
  'GET /orgs/{orgId}/proposals/overdue': { roles: COMMITTEE, scope: 'org' },
  'GET /me/proposals': { roles: EVERYONE, scope: 'self' },
  'GET /sessions/{sessionId}/proposals.xlsx': { roles: COMMITTEE, scope: 'session' },
  // 金点子: any member sends one, at any time; the committee replies, marks 采纳 and picks the best.
  'POST /orgs/{orgId}/ideas': { roles: EVERYONE, scope: 'org' },
  'GET /orgs/{orgId}/ideas': { roles: EVERYONE, scope: 'org' },
  'GET /orgs/{orgId}/ideas.xlsx': { roles: COMMITTEE, scope: 'org' },
  'GET /ideas/{ideaId}': { roles: EVERYONE, scope: 'idea' },
  'POST /ideas/{ideaId}/reply': { roles: COMMITTEE, scope: 'idea' },
  'POST /ideas/{ideaId}/best': { roles: COMMITTEE, scope: 'idea' },
} as const satisfies Record<string, Rule>;

export type RouteKey = keyof typeof POLICY;

export interface Caller {
  roles: readonly Role[];
  orgId: string;
  districtId: string;
}
export interface Target {
  orgId: string;
  districtId: string;
  /** The resource belongs to every school of the district (a 全区 campaign). */
  districtWide?: boolean;
}

export function hasAnyRole(caller: Pick<Caller, 'roles'>, roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'member' || caller.roles.includes(r));
}

/** Pure decision: may `caller` use `rule` on a resource of school `target`? */
export function isAllowed(rule: Rule, caller: Caller, target?: Target): boolean {
  if (rule.scope === 'public') return true;
  if (rule.district && caller.roles.includes('districtAdmin') && target && target.districtId === caller.districtId) {
    return true;
  }
  if (!hasAnyRole(caller, rule.roles)) return false;
  if (rule.scope === 'self') return true;
  if (rule.scope === 'district') return false; // only a district admin of that district, above
  if (target?.districtWide) return target.districtId === caller.districtId;
  return target !== undefined && target.orgId === caller.orgId;
}
