import { inRangeMs, parseRange } from '../../../shared/domain/care';
import { MEMBER_COUNT_FIGURES, TALLY_FIGURES, type MemberCountFigure, type TallyFigure } from '../../../shared/domain/tally';
import { statsOf, STATS_COUNTERS } from '../../../shared/domain/proposals';
import { termRange } from '../../../shared/domain/term';
import { Campaign, type CampaignItem } from '../../entities/campaign';
import { MemberCounts, type MemberCountsItem } from '../../entities/memberCounts';
import { Org, type OrgItem } from '../../entities/org';
import { TermTally, type TermTallyItem } from '../../entities/termTally';
import { getItem, queryAll } from '../../lib/db';
import { flatten, type RecountRow } from '../report/recount';
import { termReport } from '../report/term';

/**
 * The tally check: a school's term tally (kept by the writes) against its term report for the
 * term's dates (read from the records, itself checked against a recount). Every figure of the
 * tally, and the report's figures derived from them (办复率, 满意率), must agree.
 */
export async function checkTally(orgId: string, term: string): Promise<{ rows: RecountRow[]; ok: boolean }> {
  const dates = termRange(term);
  const range = parseRange(dates.from, dates.to);
  if (typeof range === 'string') throw new Error(range);
  const org = await getItem<OrgItem>(Org.key({ orgId }));
  const [tally, counts, report, districtCampaigns] = await Promise.all([
    getItem<TermTallyItem>(TermTally.key({ orgId, term })),
    getItem<MemberCountsItem>(MemberCounts.key({ orgId })),
    termReport(orgId, range),
    org ? queryAll<CampaignItem>(Campaign.queryOfDistrictBetween(org.districtId, range.startMs, range.endMs)) : Promise.resolve([]),
  ]);
  const flat = flatten(report);
  const kept = (f: TallyFigure | MemberCountFigure) => Number((f.startsWith('members.') && f !== 'members.new' ? counts : tally)?.[f as never] ?? 0);
  const rows: RecountRow[] = [];
  const row = (figure: string, fromTally: number | null, fromReport: number | null | undefined) =>
    rows.push({ figure, report: fromReport, recount: fromTally, ok: fromReport === fromTally || (typeof fromReport === 'number' && typeof fromTally === 'number' && Math.abs(fromReport - fromTally) < 1e-12) });

  for (const f of MEMBER_COUNT_FIGURES) row(f, kept(f), flat[f]);
  const stats = statsOf(Object.fromEntries(STATS_COUNTERS.map((k) => [k, kept(`proposals.${k}`)])));
  for (const f of TALLY_FIGURES) {
    if (f.startsWith('proposals.')) continue;
    if (f === 'donations.campaigns') row(f, kept(f) + districtCampaigns.filter((c) => inRangeMs(range, c.closesAt)).length, flat[f]);
    else row(f, kept(f), flat[f]);
  }
  for (const k of ['received', 'accepted', 'answered', 'answerRate', 'converted', 'rejected', 'merged', 'done', 'withdrawn', 'satisfactionRate'] as const) row(`proposals.${k}`, stats[k], flat[`proposals.${k}`]);
  return { rows, ok: rows.every((r) => r.ok) };
}
