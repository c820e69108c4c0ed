import { AID_CATEGORIES } from '../../../shared/domain/aid';
import { CARE_KINDS, inRangeMs, rate, type DateRange } from '../../../shared/domain/care';
import { contribution, statsOf, STATS_COUNTERS, type StatsCounter } from '../../../shared/domain/proposals';
import { Ballot, type BallotItem } from '../../entities/ballot';
import { BallotPaper } from '../../entities/ballotPaper';
import { AidCase, type AidCaseItem } from '../../entities/aidCase';
import { Campaign, type CampaignItem } from '../../entities/campaign';
import { CareVisit, type CareVisitItem } from '../../entities/careVisit';
import { Donation, type DonationItem } from '../../entities/donation';
import { ElectorateChunk, type ElectorateChunkItem } from '../../entities/electorateChunk';
import { Event, type EventItem } from '../../entities/event';
import { Idea, type IdeaItem } from '../../entities/idea';
import { keyId } from '../../entities/key';
import { Member, type MemberItem } from '../../entities/member';
import { Org, type OrgItem } from '../../entities/org';
import { Proposal, type ProposalItem } from '../../entities/proposal';
import type { RegistrationItem } from '../../entities/registration';
import { Session, type SessionItem } from '../../entities/session';
import { SessionTotals, type SessionTotalsItem } from '../../entities/sessionTotals';
import { batchGet, getItem, queryAll, refresh } from '../../lib/db';
import { schoolOf, termReport, type TermFigures } from './term';

/**
 * The recount check: every figure of the term report computed again from the base records, by
 * another path than the report's, and compared. Where the report reads an aggregate, the recount
 * reads what it aggregates: gifts instead of a campaign's totals item, ballot papers and the frozen
 * electorate instead of the ballot's counts, the proposals themselves instead of the session's
 * counters. Where the report reads a range of an index, the recount reads the school's whole list
 * and filters it here; an event's registrations come from a read of its whole partition.
 */

/** A figure as a flat name → value: "events.participants", "donations.perCampaign.c123.confirmedFen"... */
export type Flat = Record<string, number | null>;

export function flatten(f: TermFigures): Flat {
  const out: Flat = {};
  const put = (prefix: string, o: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(o)) if (typeof v === 'number' || v === null) out[`${prefix}.${k}`] = v;
  };
  put('members', f.members);
  put('events', f.events);
  for (const e of f.events.perEvent) put(`events.perEvent.${e.eventId}`, e);
  put('donations', f.donations);
  for (const c of f.donations.perCampaign) put(`donations.perCampaign.${c.campaignId}`, c);
  put('proposals', f.proposals);
  put('ideas', f.ideas);
  put('ballots', f.ballots);
  for (const b of f.ballots.perBallot) put(`ballots.perBallot.${b.ballotId}`, b);
  put('care', f.care);
  for (const [k, v] of Object.entries(f.care.byKind)) put(`care.byKind.${k}`, v);
  put('aid', f.aid);
  for (const [k, v] of Object.entries(f.aid.byCategory)) put(`aid.byCategory.${k}`, v);
  return out;
}

const partitionOf = (eventId: string) => queryAll<{ type: string }>({ ...Event.queryPart(eventId), ConsistentRead: true });

/** Every figure, from the base records. */
export async function recount(orgId: string, range: DateRange): Promise<Flat> {
  const org = await getItem<OrgItem>(Org.key({ orgId }));
  const [members, allEvents, allCampaigns, allDistrictCampaigns, allSessions, allIdeas, allBallots, allVisits] = await Promise.all([
    queryAll<MemberItem>(Member.queryOfOrg(orgId)),
    queryAll<EventItem>(Event.queryOfOrg(orgId)),
    queryAll<CampaignItem>(Campaign.queryOfOrg(orgId)),
    org ? queryAll<CampaignItem>(Campaign.queryOfDistrict(org.districtId)) : Promise.resolve([]),
    queryAll<SessionItem>(Session.queryOfOrg(orgId)),
    queryAll<IdeaItem>(Idea.queryOfOrg(orgId)),
    queryAll<BallotItem>(Ballot.queryOfOrg(orgId)),
    queryAll<CareVisitItem>(CareVisit.queryOfOrg(orgId)),
  ]);
  // The base records themselves, by key (the index listed them, and may lag a write by a moment).
  const [freshEvents, freshBallots, freshIdeas, freshVisits] = await Promise.all([refresh(allEvents), refresh(allBallots), refresh(allIdeas), refresh(allVisits)]);
  const out: Flat = {};
  const active = members.filter((m) => m.active === true);
  out['members.active'] = active.length;
  out['members.retired'] = active.filter((m) => m.retired === true).length;
  out['members.new'] = active.filter((m) => inRangeMs(range, m.createdAt)).length;

  // Events: held = started in the range, not cancelled; every registration from the event's whole partition.
  const events = freshEvents.filter((e) => inRangeMs(range, e.startsAt) && !e.cancelled);
  const people = new Set<string>();
  let checkedIn = 0;
  let participations = 0;
  for (const e of events) {
    const regs = (await partitionOf(e.eventId)).filter((i): i is RegistrationItem & { type: string } => i.type === 'registration');
    const mine = new Set(regs.filter((r) => r.status === 'confirmed').map((r) => r.memberId));
    mine.forEach((id) => people.add(id));
    participations += mine.size;
    const n = regs.filter((r) => typeof r.checkedInAt === 'string').length;
    checkedIn += n;
    out[`events.perEvent.${e.eventId}.participants`] = mine.size;
    out[`events.perEvent.${e.eventId}.participationRate`] = rate(mine.size, active.length);
    out[`events.perEvent.${e.eventId}.checkedIn`] = n;
  }
  out['events.held'] = events.length;
  out['events.participants'] = people.size;
  out['events.participationRate'] = rate(people.size, active.length);
  out['events.checkedIn'] = checkedIn;
  out['events.participations'] = participations;

  // Donations: the confirmed gifts themselves, not the totals item; in the district's campaigns, the
  // gifts of this school's staff among all of the campaign's.
  const campaigns = [...allCampaigns, ...allDistrictCampaigns].filter((c) => inRangeMs(range, c.closesAt));
  const donors = new Set<string>();
  let fen = 0;
  for (const c of campaigns) {
    const gifts = (await queryAll<DonationItem>({ ...Donation.queryOfCampaign(c.campaignId), ConsistentRead: true })).filter((g) => g.status === 'confirmed' && (!c.districtWide || g.orgId === orgId));
    const sum = gifts.reduce((n, g) => n + g.amountFen, 0);
    fen += sum;
    gifts.forEach((g) => donors.add(g.donorId));
    out[`donations.perCampaign.${c.campaignId}.confirmedFen`] = sum;
    out[`donations.perCampaign.${c.campaignId}.donors`] = new Set(gifts.map((g) => g.donorId)).size;
  }
  out['donations.campaigns'] = campaigns.length;
  out['donations.confirmedFen'] = fen;
  out['donations.donors'] = donors.size;

  // Proposals: each proposal of the sessions opened in the range, read by key, counted by the contract's definitions.
  const sessions = allSessions.filter((s) => inRangeMs(range, s.opensAt));
  const totals = await batchGet(sessions.map((s) => SessionTotals.key(s)));
  const ids = sessions.flatMap((s) => [...((totals.get(keyId(SessionTotals.key(s))) as SessionTotalsItem | undefined)?.proposals ?? [])]);
  const proposals = [...(await batchGet(ids.map((proposalId) => Proposal.key({ proposalId })))).values()] as unknown as ProposalItem[];
  const counters = Object.fromEntries(STATS_COUNTERS.map((k) => [k, 0])) as Record<StatsCounter, number>;
  for (const p of proposals) {
    const c = contribution({ status: p.status, category: p.category, rating: p.rating?.rating, numbered: p.number !== undefined });
    for (const k of STATS_COUNTERS) counters[k] += c[k];
  }
  const stats = statsOf(counters);
  for (const k of ['received', 'accepted', 'answered', 'answerRate', 'converted', 'rejected', 'merged', 'done', 'withdrawn', 'satisfactionRate'] as const) out[`proposals.${k}`] = stats[k];

  const ideas = freshIdeas.filter((i) => inRangeMs(range, i.createdAt));
  out['ideas.received'] = ideas.length;
  out['ideas.adopted'] = ideas.filter((i) => i.adopted === true).length;

  // Ballots: the anonymous papers and the frozen electorate, not the ballot's counters.
  const ballots = freshBallots.filter((b) => b.status === 'closed' && inRangeMs(range, b.closedAt));
  let cast = 0;
  let eligible = 0;
  for (const b of ballots) {
    const [papers, chunks] = await Promise.all([queryAll({ ...BallotPaper.queryOfBallot(b.ballotId), ConsistentRead: true }), queryAll<ElectorateChunkItem>({ ...ElectorateChunk.queryOfBallot(b.ballotId), ConsistentRead: true })]);
    const e = chunks.reduce((n, c) => n + (c.ids?.size ?? 0), 0);
    cast += papers.length;
    eligible += e;
    out[`ballots.perBallot.${b.ballotId}.eligible`] = e;
    out[`ballots.perBallot.${b.ballotId}.cast`] = papers.length;
    out[`ballots.perBallot.${b.ballotId}.turnout`] = rate(papers.length, e);
  }
  out['ballots.held'] = ballots.length;
  out['ballots.turnout'] = rate(cast, eligible);
  out['ballots.cast'] = cast;
  out['ballots.eligible'] = eligible;

  // Care visits: the school's whole list, filtered by date here.
  const visits = freshVisits.filter((v) => v.date >= range.from && v.date <= range.to);
  out['care.visits'] = visits.length;
  out['care.giftFen'] = visits.reduce((n, v) => n + v.giftFen, 0);
  for (const k of CARE_KINDS) {
    const mine = visits.filter((v) => v.kind === k);
    out[`care.byKind.${k}.visits`] = mine.length;
    out[`care.byKind.${k}.giftFen`] = mine.reduce((n, v) => n + v.giftFen, 0);
  }

  // Hardship aid: the cases paid in the range (the report reads the fund's ledger instead).
  const paid = (await refresh(await queryAll<AidCaseItem>(AidCase.queryOfOrg(orgId)))).filter((c) => c.status === 'paid' && inRangeMs(range, c.paidAt));
  out['aid.count'] = paid.length;
  out['aid.fen'] = paid.reduce((n, c) => n + (c.approvedFen ?? 0), 0);
  for (const k of AID_CATEGORIES) {
    const mine = paid.filter((c) => c.category === k);
    out[`aid.byCategory.${k}.count`] = mine.length;
    out[`aid.byCategory.${k}.fen`] = mine.reduce((n, c) => n + (c.approvedFen ?? 0), 0);
  }
  return out;
}

export interface RecountRow {
  figure: string;
  report: number | null | undefined;
  recount: number | null | undefined;
  ok: boolean;
}

/** Rates agree when they differ by less than a rounding error of the division (both are quotients of the same integers). */
export const same = (a: number | null | undefined, b: number | null | undefined) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-12 : a === b);

/** The report and its recount, figure by figure (every figure of either side). */
export async function checkTerm(orgId: string, range: DateRange): Promise<{ rows: RecountRow[]; ok: boolean }> {
  const [report, again] = await Promise.all([schoolOf(orgId).then((org) => termReport(org, range)).then(flatten), recount(orgId, range)]);
  const names = [...new Set([...Object.keys(report), ...Object.keys(again)])].sort();
  const rows = names.map((figure) => ({ figure, report: report[figure], recount: again[figure], ok: same(report[figure], again[figure]) }));
  return { rows, ok: rows.every((r) => r.ok) };
}
