import { isReceived } from '../../../shared/domain/proposals';
import { CARE_KINDS, inRangeMs } from '../../../shared/domain/care';
import { Proposal, type ProposalItem } from '../../entities/proposal';
import { batchGet } from '../../lib/db';
import { invalidInput } from '../../lib/errors';
import { activeMembers, type TermData } from './term';

/**
 * The records behind a figure of the term report ("each figure opens the list of records behind
 * it"), from the same reads as the report, so the list's length is the figure (or, for sums, its
 * entries add up to it). Committee only, like the report; an anonymous gift stays 匿名 here too,
 * and a ballot lists its counts, never its voters.
 */

type Row = Record<string, unknown>;
const person = (memberId: string, name: string) => ({ memberId, name });

/** Proposals of the term's sessions, read by key from each session's list. */
async function proposalsOf(d: TermData): Promise<ProposalItem[]> {
  const ids = d.sessions.flatMap((s) => [...(s.totals?.proposals ?? [])]);
  return [...(await batchGet(ids.map((proposalId) => Proposal.key({ proposalId })))).values()] as unknown as ProposalItem[];
}
const proposalRow = (p: ProposalItem) => ({ proposalId: p.proposalId, sessionId: p.sessionId, number: p.number, title: p.title, status: p.status, proposer: person(p.proposerId, p.proposerName), rating: p.rating?.rating });

const PROPOSAL_FILTERS: Record<string, (p: ProposalItem) => boolean> = {
  received: () => true,
  accepted: (p) => ['accepted', 'answered', 'done'].includes(p.status),
  answered: (p) => ['answered', 'done'].includes(p.status),
  converted: (p) => p.status === 'converted',
  rejected: (p) => p.status === 'rejected',
  merged: (p) => p.status === 'merged',
  done: (p) => p.status === 'done',
  withdrawn: (p) => p.status === 'withdrawn',
  satisfactionRate: (p) => p.rating !== undefined,
};
PROPOSAL_FILTERS.answerRate = PROPOSAL_FILTERS.accepted!;

/** Every figure name this route knows (per-item figures take the item's id in the middle). */
export const RECORD_FIGURES = [
  'members.active', 'members.retired', 'members.new',
  'events.held', 'events.participants', 'events.participationRate', 'events.checkedIn', 'events.perEvent.{eventId}.participants', 'events.perEvent.{eventId}.checkedIn',
  'donations.campaigns', 'donations.confirmedFen', 'donations.donors', 'donations.perCampaign.{campaignId}.confirmedFen', 'donations.perCampaign.{campaignId}.donors',
  ...Object.keys(PROPOSAL_FILTERS).map((k) => `proposals.${k}`),
  'ideas.received', 'ideas.adopted',
  'ballots.held', 'ballots.turnout', 'ballots.perBallot.{ballotId}.turnout',
  'care.visits', 'care.giftFen', ...CARE_KINDS.map((k) => `care.byKind.${k}.visits`),
];

export async function figureRecords(d: TermData, figure: string): Promise<Row[]> {
  const active = activeMembers(d.members);
  const [area, name, third] = figure.split('.');
  const confirmedOf = (id?: string) => d.events.filter((e) => id === undefined || e.event.eventId === id).flatMap((e) => e.registrations.filter((r) => r.status === 'confirmed').map((r) => ({ ...person(r.memberId, r.name), eventId: e.event.eventId, eventTitle: e.event.title, family: r.family })));
  const checkedOf = (id?: string) => d.events.filter((e) => id === undefined || e.event.eventId === id).flatMap((e) => e.registrations.filter((r) => r.checkedInAt).map((r) => ({ ...person(r.memberId, r.name), eventId: e.event.eventId, eventTitle: e.event.title, checkedInAt: r.checkedInAt })));
  const giftsOf = (id?: string) => d.campaigns.filter((c) => id === undefined || c.campaign.campaignId === id).flatMap((c) => c.gifts.map((g) => ({ campaignId: c.campaign.campaignId, campaignTitle: c.campaign.title, donationId: g.donationId, amountFen: g.amountFen, name: g.anonymous ? '匿名' : g.donorName, ...(g.anonymous ? {} : { memberId: g.donorId }) })));
  const donorsOf = (id?: string) => {
    const by = new Map<string, { name: string; amountFen: number; named: boolean }>();
    for (const c of d.campaigns.filter((c) => id === undefined || c.campaign.campaignId === id))
      for (const g of c.gifts) {
        const row = by.get(g.donorId) ?? { name: g.donorName, amountFen: 0, named: false };
        row.amountFen += g.amountFen;
        row.named ||= !g.anonymous;
        by.set(g.donorId, row);
      }
    // A donor who only ever gave anonymously stays 匿名, without an id.
    return [...by.entries()].map(([memberId, r]) => (r.named ? { ...person(memberId, r.name), amountFen: r.amountFen } : { name: '匿名', amountFen: r.amountFen }));
  };
  const ballotRow = (b: TermData['ballots'][number]) => ({ ballotId: b.ballotId, title: b.title, closedAt: b.closedAt, eligible: b.eligibleCount, cast: b.votedCount });
  const visitRow = (v: TermData['visits'][number]) => ({ visitId: v.visitId, date: v.date, kind: v.kind, ...person(v.memberId, v.memberName), giftFen: v.giftFen, visitors: v.visitorNames });

  switch (area) {
    case 'members':
      if (name === 'active') return active.map((m) => person(m.memberId, m.name));
      if (name === 'retired') return active.filter((m) => m.retired).map((m) => person(m.memberId, m.name));
      if (name === 'new') return active.filter((m) => inRangeMs(d.range, m.createdAt)).map((m) => ({ ...person(m.memberId, m.name), createdAt: m.createdAt }));
      break;
    case 'events':
      if (name === 'held') return d.events.map(({ event: e }) => ({ eventId: e.eventId, title: e.title, startsAt: e.startsAt, place: e.place }));
      if (name === 'participants' || name === 'participationRate') {
        const by = new Map<string, { memberId: string; name: string; events: number }>();
        for (const r of confirmedOf()) by.set(r.memberId, { ...person(r.memberId, r.name), events: (by.get(r.memberId)?.events ?? 0) + 1 });
        return [...by.values()];
      }
      if (name === 'checkedIn') return checkedOf();
      if (name === 'perEvent' && third) {
        const measure = figure.split('.')[3];
        if (measure === 'participants' || measure === 'participationRate') return confirmedOf(third);
        if (measure === 'checkedIn') return checkedOf(third);
      }
      break;
    case 'donations':
      if (name === 'campaigns') return d.campaigns.map(({ campaign: c, totals }) => ({ campaignId: c.campaignId, title: c.title, closesAt: c.closesAt, confirmedFen: totals?.confirmedFen ?? 0 }));
      if (name === 'confirmedFen') return giftsOf();
      if (name === 'donors') return donorsOf();
      if (name === 'perCampaign' && third) {
        const measure = figure.split('.')[3];
        if (measure === 'confirmedFen') return giftsOf(third);
        if (measure === 'donors') return donorsOf(third);
      }
      break;
    case 'proposals': {
      const filter = PROPOSAL_FILTERS[name ?? ''];
      if (filter) return (await proposalsOf(d)).filter((p) => isReceived(p.status, p.number !== undefined)).filter(filter).map(proposalRow);
      break;
    }
    case 'ideas':
      if (name === 'received') return d.ideas.map((i) => ({ ideaId: i.ideaId, title: i.title, author: person(i.authorId, i.authorName), adopted: i.adopted, createdAt: i.createdAt }));
      if (name === 'adopted') return d.ideas.filter((i) => i.adopted).map((i) => ({ ideaId: i.ideaId, title: i.title, author: person(i.authorId, i.authorName), createdAt: i.createdAt }));
      break;
    case 'ballots':
      if (name === 'held' || name === 'turnout') return d.ballots.map(ballotRow);
      if (name === 'perBallot' && third) return d.ballots.filter((b) => b.ballotId === third).map(ballotRow);
      break;
    case 'care':
      if (name === 'visits' || name === 'giftFen') return d.visits.map(visitRow);
      if (name === 'byKind' && third && (CARE_KINDS as readonly string[]).includes(third)) return d.visits.filter((v) => v.kind === third).map(visitRow);
      break;
  }
  throw invalidInput(`不认识的指标：${figure}`);
}

