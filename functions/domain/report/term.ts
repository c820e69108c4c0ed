import { AID_CATEGORIES, type AidCategory } from '../../../shared/domain/aid';
import { CARE_KINDS, inRangeMs, rate, type CareKind, type DateRange } from '../../../shared/domain/care';
import { statsOf, STATS_COUNTERS, type StatsCounter } from '../../../shared/domain/proposals';
import { Ballot, type BallotItem } from '../../entities/ballot';
import { Campaign, type CampaignItem } from '../../entities/campaign';
import { CampaignSchoolTotals, type CampaignSchoolTotalsItem } from '../../entities/campaignSchoolTotals';
import { CampaignTotals, type CampaignTotalsItem } from '../../entities/campaignTotals';
import { CareVisit, type CareVisitItem } from '../../entities/careVisit';
import { Donation, type DonationItem } from '../../entities/donation';
import { Event, type EventItem } from '../../entities/event';
import { FundEntry, type FundEntryItem } from '../../entities/fundEntry';
import { Idea, type IdeaItem } from '../../entities/idea';
import { keyId } from '../../entities/key';
import { Member, type MemberItem } from '../../entities/member';
import { Org, type OrgItem } from '../../entities/org';
import { Registration, type RegistrationItem } from '../../entities/registration';
import { Session, type SessionItem } from '../../entities/session';
import { counterName, SessionTotals, type SessionTotalsItem } from '../../entities/sessionTotals';
import { batchGet, getItem, queryAll, refresh } from '../../lib/db';
import { notFound } from '../../lib/errors';

/**
 * The term report (学期工作总结): a school's figures for a range of China-time dates, from the
 * school's index queries and the per-item aggregates (campaign totals, ballot counts, session
 * counters), never a Scan. The registrations and confirmed gifts of the term's events and
 * campaigns are read by partition (distinct people cannot come from a counter). What each figure
 * counts is the contract's definition (shared/api.md v1.1); recount.ts recomputes every one of
 * them from the base records by another path, and the two must agree.
 */

export interface TermData {
  range: DateRange;
  members: MemberItem[];
  events: { event: EventItem; registrations: RegistrationItem[] }[];
  /** The school's campaigns, then the district's (全区) with the school's share: its totals and its own gifts. */
  campaigns: { campaign: CampaignItem; totals: Pick<CampaignTotalsItem, 'confirmedFen'> | undefined; gifts: DonationItem[] }[];
  sessions: { session: SessionItem; totals: SessionTotalsItem | undefined }[];
  ideas: IdeaItem[];
  ballots: BallotItem[];
  visits: CareVisitItem[];
  /** Aid paid out of the hardship fund in the range: the ledger's `aid` entries (amounts and categories only are used). */
  aidPaid: FundEntryItem[];
}

const parallel = <T, R>(items: T[], fn: (t: T) => Promise<R>) => Promise.all(items.map(fn));

/** The school a check or a tool names by id (the report's routes get it from the request's own read). */
export async function schoolOf(orgId: string): Promise<OrgItem> {
  const org = await getItem<OrgItem>(Org.key({ orgId }));
  if (!org) throw notFound('找不到这个学校');
  return org;
}

/** Everything the report reads: one query per list, one per event and campaign of the term, batched gets for aggregates. */
export async function loadTerm(org: Pick<OrgItem, 'orgId' | 'districtId'>, range: DateRange): Promise<TermData> {
  const { orgId } = org;
  const [members, events, campaigns, districtCampaigns, sessions, ideas, ballots, visits, ledger] = await Promise.all([
    queryAll<MemberItem>(Member.queryOfOrg(orgId)),
    queryAll<EventItem>(Event.queryOfOrgBetween(orgId, range.startMs, range.endMs)),
    queryAll<CampaignItem>(Campaign.queryOfOrgBetween(orgId, range.startMs, range.endMs)),
    queryAll<CampaignItem>(Campaign.queryOfDistrictBetween(org.districtId, range.startMs, range.endMs)),
    queryAll<SessionItem>(Session.queryOfOrgBetween(orgId, range.startMs, range.endMs)),
    queryAll<IdeaItem>(Idea.queryOfOrgBetween(orgId, range.startMs, range.endMs)),
    queryAll<BallotItem>(Ballot.queryOfOrg(orgId)),
    queryAll<CareVisitItem>(CareVisit.queryOfDates(orgId, range.from, range.to)),
    queryAll<FundEntryItem>({ ...FundEntry.queryOfFund(orgId), ConsistentRead: true }),
  ]);
  // What the index listed, read again by key where a later write may have changed it (a cancellation,
  // a ballot's close, an idea adopted, a visit edited): the index may lag a write by a moment.
  const [freshEvents, freshBallots, freshIdeas, freshVisits] = await Promise.all([refresh(events), refresh(ballots), refresh(ideas), refresh(visits)]);
  const held = freshEvents.filter((e) => !e.cancelled && inRangeMs(range, e.startsAt));
  const schoolShare = (c: CampaignItem) => CampaignSchoolTotals.key({ campaignId: c.campaignId, orgId });
  const aggregates = await batchGet([...campaigns.map((c) => CampaignTotals.key(c)), ...districtCampaigns.map(schoolShare), ...sessions.map((s) => SessionTotals.key(s))]);
  const confirmedGifts = async (query: Parameters<typeof queryAll>[0]) => (await queryAll<DonationItem>({ ...query, ConsistentRead: true })).filter((g) => g.status === 'confirmed');
  const [eventRegs, schoolGifts, districtGifts] = await Promise.all([
    parallel(held, async (event) => ({ event, registrations: await queryAll<RegistrationItem>({ ...Registration.queryOfEvent(event.eventId), ConsistentRead: true }) })),
    parallel(campaigns, async (campaign) => ({
      campaign,
      totals: aggregates.get(keyId(CampaignTotals.key(campaign))) as CampaignTotalsItem | undefined,
      gifts: await confirmedGifts(Donation.queryOfCampaign(campaign.campaignId)),
    })),
    parallel(districtCampaigns, async (campaign) => ({
      campaign,
      totals: (aggregates.get(keyId(schoolShare(campaign))) as CampaignSchoolTotalsItem | undefined) ?? { confirmedFen: 0 },
      gifts: await confirmedGifts(Donation.queryOfSchool(campaign.campaignId, orgId)),
    })),
  ]);
  return {
    range,
    members,
    events: eventRegs,
    campaigns: [...schoolGifts, ...districtGifts],
    sessions: sessions.map((session) => ({ session, totals: aggregates.get(keyId(SessionTotals.key(session))) as SessionTotalsItem | undefined })),
    ideas: freshIdeas.filter((i) => inRangeMs(range, i.createdAt)),
    ballots: freshBallots.filter((b) => b.status === 'closed' && inRangeMs(range, b.closedAt)),
    visits: freshVisits.filter((v) => v.date >= range.from && v.date <= range.to),
    aidPaid: ledger.filter((e) => e.kind === 'aid' && inRangeMs(range, e.at)),
  };
}

/** The committee's counters of a session (what is, not what was last published). */
export function sessionCounters(totals: SessionTotalsItem | undefined): Record<StatsCounter, number> {
  return Object.fromEntries(STATS_COUNTERS.map((k) => [k, Number((totals as Record<string, unknown> | undefined)?.[counterName('r', k)] ?? 0)])) as Record<StatsCounter, number>;
}

export const activeMembers = (members: MemberItem[]) => members.filter((m) => m.active);
const confirmed = (regs: RegistrationItem[]) => regs.filter((r) => r.status === 'confirmed');

export function termFigures(d: TermData) {
  const active = activeMembers(d.members);
  const participants = new Set(d.events.flatMap((e) => confirmed(e.registrations).map((r) => r.memberId)));
  const donors = new Set(d.campaigns.flatMap((c) => c.gifts.map((g) => g.donorId)));
  const counters = Object.fromEntries(STATS_COUNTERS.map((k) => [k, 0])) as Record<StatsCounter, number>;
  for (const s of d.sessions) for (const [k, n] of Object.entries(sessionCounters(s.totals))) counters[k as StatsCounter] += n;
  const stats = statsOf(counters);
  const cast = d.ballots.reduce((n, b) => n + b.votedCount, 0);
  const eligible = d.ballots.reduce((n, b) => n + b.eligibleCount, 0);
  const byKind = Object.fromEntries(CARE_KINDS.map((k) => [k, { visits: 0, giftFen: 0 }])) as Record<CareKind, { visits: number; giftFen: number }>;
  for (const v of d.visits) {
    byKind[v.kind].visits += 1;
    byKind[v.kind].giftFen += v.giftFen;
  }
  return {
    from: d.range.from,
    to: d.range.to,
    members: {
      active: active.length,
      retired: active.filter((m) => m.retired).length,
      /** Extension: active members who joined the roster in the range. */
      new: active.filter((m) => inRangeMs(d.range, m.createdAt)).length,
    },
    events: {
      held: d.events.length,
      participants: participants.size,
      participationRate: rate(participants.size, active.length),
      checkedIn: d.events.reduce((n, e) => n + e.registrations.filter((r) => r.checkedInAt).length, 0),
      /** Extension: 参与人次, members confirmed per event, summed (what adds up across schools: the district's rollup). */
      participations: d.events.reduce((n, e) => n + confirmed(e.registrations).length, 0),
      /** Extension: each event's participants and rate (of active members). */
      perEvent: d.events.map(({ event, registrations }) => {
        const n = confirmed(registrations).length;
        return { eventId: event.eventId, title: event.title, startsAt: event.startsAt, participants: n, participationRate: rate(n, active.length), checkedIn: registrations.filter((r) => r.checkedInAt).length };
      }),
    },
    donations: {
      campaigns: d.campaigns.length,
      confirmedFen: d.campaigns.reduce((n, c) => n + (c.totals?.confirmedFen ?? 0), 0),
      donors: donors.size,
      /** Extension: fen raised per campaign. */
      perCampaign: d.campaigns.map(({ campaign, totals, gifts }) => ({
        campaignId: campaign.campaignId,
        title: campaign.title,
        kind: campaign.kind,
        closesAt: campaign.closesAt,
        /** 全区: the district's campaign, with this school's share. */
        districtWide: campaign.districtWide === true,
        confirmedFen: totals?.confirmedFen ?? 0,
        donors: new Set(gifts.map((g) => g.donorId)).size,
      })),
    },
    proposals: {
      received: stats.received,
      accepted: stats.accepted,
      answered: stats.answered,
      answerRate: stats.answerRate,
      /** Extensions: by outcome, 满意率, the sessions counted. */
      converted: stats.converted,
      rejected: stats.rejected,
      merged: stats.merged,
      done: stats.done,
      withdrawn: stats.withdrawn,
      satisfactionRate: stats.satisfactionRate,
      sessions: d.sessions.map(({ session }) => ({ sessionId: session.sessionId, title: session.title, opensAt: session.opensAt })),
    },
    /** Extension: 金点子 sent in the range, and how many of them were adopted (采纳). */
    ideas: { received: d.ideas.length, adopted: d.ideas.filter((i) => i.adopted).length },
    ballots: {
      held: d.ballots.length,
      turnout: rate(cast, eligible),
      /** Extensions: the sums behind the turnout, and each ballot's. */
      cast,
      eligible,
      perBallot: d.ballots.map((b) => ({ ballotId: b.ballotId, title: b.title, closedAt: b.closedAt, eligible: b.eligibleCount, cast: b.votedCount, turnout: rate(b.votedCount, b.eligibleCount) })),
    },
    care: { visits: d.visits.length, giftFen: d.visits.reduce((n, v) => n + v.giftFen, 0), byKind },
    /** Extension: hardship aid (困难补助) paid in the range, aggregate only: never who received it. */
    aid: {
      count: d.aidPaid.length,
      fen: d.aidPaid.reduce((n, e) => n + e.amountFen, 0),
      byCategory: Object.fromEntries(
        AID_CATEGORIES.map((c) => {
          const mine = d.aidPaid.filter((e) => e.category === c);
          return [c, { count: mine.length, fen: mine.reduce((n, e) => n + e.amountFen, 0) }];
        }),
      ) as Record<AidCategory, { count: number; fen: number }>,
    },
  };
}
export type TermFigures = ReturnType<typeof termFigures>;

/** The contract's figures, with the extensions, for a school and a range. */
export const termReport = async (org: Pick<OrgItem, 'orgId' | 'districtId'>, range: DateRange) => termFigures(await loadTerm(org, range));
