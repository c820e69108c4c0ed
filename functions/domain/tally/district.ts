import { parseRange } from '../../../shared/domain/care';
import { districtTotals, MEMBER_COUNT_FIGURES, schoolRow, TALLY_FIGURES, type MemberCountFigure, type SchoolRow, type TallyFigure } from '../../../shared/domain/tally';
import { isTerm, termLabel, termOf, termRange } from '../../../shared/domain/term';
import { Campaign, type CampaignItem } from '../../entities/campaign';
import { keyId } from '../../entities/key';
import { MemberCounts } from '../../entities/memberCounts';
import { TermTally } from '../../entities/termTally';
import { batchGet, queryAll, type Item } from '../../lib/db';
import { invalidInput } from '../../lib/errors';
import { listOrgsOfDistrict } from '../orgs';

export interface DistrictReport {
  districtId: string;
  term: string;
  label: string;
  from: string;
  to: string;
  /** The district's own (全区) campaigns closing in the term: counted once in the totals, and in every school's row. */
  districtCampaigns: number;
  schools: ({ orgId: string; name: string } & SchoolRow)[];
  totals: SchoolRow;
}

/** The `term` query: absent or empty → the term now; anything else must be a term id (400 in Chinese otherwise). */
export function termOfQuery(term: string | undefined, now: number = Date.now()): string {
  if (term === undefined || term === '') return termOf(now);
  if (!isTerm(term)) throw invalidInput('学期格式应为 2026-2027-1（学年-学年-1 或 2）');
  return term;
}

type Counts = Partial<Record<TallyFigure | MemberCountFigure, number>>;
const countsOf = (tally: Item | undefined, members: Item | undefined): Counts => {
  const counts: Counts = {};
  for (const f of TALLY_FIGURES) if (typeof tally?.[f] === 'number') counts[f] = tally[f] as number;
  for (const f of MEMBER_COUNT_FIGURES) if (typeof members?.[f] === 'number') counts[f] = members[f] as number;
  return counts;
};

/**
 * The district's view of the term report (区级汇总): every school's term tally and member counts,
 * side by side. Its cost grows with the schools, never with the records: the schools' list (one
 * query of the index), two items per school by key (BatchGetItem, 100 keys a request, in parallel),
 * and one query of the district's own campaigns closing in the term.
 */
export async function districtReport(districtId: string, term: string): Promise<DistrictReport> {
  const dates = termRange(term);
  const range = parseRange(dates.from, dates.to);
  if (typeof range === 'string') throw invalidInput(range);
  const [orgs, districtCampaigns] = await Promise.all([
    listOrgsOfDistrict(districtId),
    queryAll<CampaignItem>({ ...Campaign.queryOfDistrictBetween(districtId, range.startMs, range.endMs), ProjectionExpression: 'campaignId' }),
  ]);
  const keys = orgs.flatMap((o) => [TermTally.key({ orgId: o.orgId, term }), MemberCounts.key({ orgId: o.orgId })]);
  const chunks: (typeof keys)[] = [];
  for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
  const found = new Map<string, Item>();
  for (const part of await Promise.all(chunks.map((c) => batchGet(c)))) for (const [k, v] of part) found.set(k, v);
  const campaigns = districtCampaigns.length;
  const counts = orgs.map((o) => countsOf(found.get(keyId(TermTally.key({ orgId: o.orgId, term }))), found.get(keyId(MemberCounts.key({ orgId: o.orgId })))));
  const schools = orgs
    .map((o, i) => ({ orgId: o.orgId, name: o.name, ...schoolRow(counts[i]!, campaigns) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.orgId.localeCompare(b.orgId));
  return { districtId, term, label: termLabel(term), from: dates.from, to: dates.to, districtCampaigns: campaigns, schools, totals: districtTotals(counts, campaigns) };
}
