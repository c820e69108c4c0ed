import { parseRange } from '../../../shared/domain/care';
import { MEMBER_COUNT_FIGURES, TALLY_FIGURES, type MemberCountFigure, type TallyFigure } from '../../../shared/domain/tally';
import { STATS_COUNTERS } from '../../../shared/domain/proposals';
import { termRange } from '../../../shared/domain/term';
import { MemberCounts, type MemberCountsItem } from '../../entities/memberCounts';
import { TermTally, type TermTallyItem } from '../../entities/termTally';
import { put, transact } from '../../lib/db';
import { activeMembers, loadTerm, schoolOf, sessionCounters, termFigures, type TermData } from '../report/term';

/**
 * A school's term tally as the records give it (what the writes should have kept): for a school
 * whose records predate the tallies, or to mend one that a bug let drift. `npm run recount --
 * <orgId> <term> --rebuild` writes it. Run it when the school is quiet: a write committed between
 * the read and the rebuild's put would be lost from the tally (the tally check then shows it).
 */
export function tallyOf(d: TermData, f = termFigures(d)): Record<TallyFigure, number> {
  const out = Object.fromEntries(TALLY_FIGURES.map((k) => [k, 0])) as Record<TallyFigure, number>;
  out['members.new'] = f.members.new;
  out['events.held'] = f.events.held;
  out['events.participations'] = f.events.participations;
  out['events.checkedIn'] = f.events.checkedIn;
  // The district's campaigns are counted for every school at read time, not in its tally; their fen are the school's share.
  out['donations.campaigns'] = d.campaigns.filter((c) => !c.campaign.districtWide).length;
  out['donations.confirmedFen'] = f.donations.confirmedFen;
  for (const s of d.sessions) for (const [k, n] of Object.entries(sessionCounters(s.totals))) out[`proposals.${k as (typeof STATS_COUNTERS)[number]}`] += n;
  out['ideas.received'] = f.ideas.received;
  out['ideas.adopted'] = f.ideas.adopted;
  out['ballots.held'] = f.ballots.held;
  out['ballots.cast'] = f.ballots.cast;
  out['ballots.eligible'] = f.ballots.eligible;
  out['care.visits'] = f.care.visits;
  out['care.giftFen'] = f.care.giftFen;
  for (const [k, v] of Object.entries(f.care.byKind)) {
    out[`care.byKind.${k}.visits` as TallyFigure] = v.visits;
    out[`care.byKind.${k}.giftFen` as TallyFigure] = v.giftFen;
  }
  out['aid.count'] = f.aid.count;
  out['aid.fen'] = f.aid.fen;
  for (const [c, v] of Object.entries(f.aid.byCategory)) {
    out[`aid.byCategory.${c}.count` as TallyFigure] = v.count;
    out[`aid.byCategory.${c}.fen` as TallyFigure] = v.fen;
  }
  return out;
}

/** The school's member counts as its roster gives them. */
export function memberCountsOf(d: Pick<TermData, 'members'>): Record<MemberCountFigure, number> {
  const active = activeMembers(d.members);
  return { 'members.active': active.length, 'members.retired': active.filter((m) => m.retired).length };
}

/** Writes the term tally and the member counts from the records, in one transaction; returns what it wrote. */
export async function rebuildTally(orgId: string, term: string) {
  const range = parseRange(termRange(term).from, termRange(term).to);
  if (typeof range === 'string') throw new Error(range);
  const d = await loadTerm(await schoolOf(orgId), range);
  const tally = tallyOf(d);
  const counts = memberCountsOf(d);
  const tallyItem: TermTallyItem = { ...TermTally.key({ orgId, term }), type: 'termTally', orgId, term, ...tally };
  const countsItem: MemberCountsItem = { ...MemberCounts.key({ orgId }), type: 'memberCounts', orgId, ...counts };
  await transact([put(tallyItem), put(countsItem)]);
  return { tally, counts, figures: [...MEMBER_COUNT_FIGURES, ...TALLY_FIGURES].length };
}
