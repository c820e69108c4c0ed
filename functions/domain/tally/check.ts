import { parseRange } from '../../../shared/domain/care';
import { MEMBER_COUNT_FIGURES, TALLY_FIGURES } from '../../../shared/domain/tally';
import { statsOf, STATS_COUNTERS } from '../../../shared/domain/proposals';
import { termRange } from '../../../shared/domain/term';
import { MemberCounts, type MemberCountsItem } from '../../entities/memberCounts';
import { TermTally, type TermTallyItem } from '../../entities/termTally';
import { getItem } from '../../lib/db';
import { flatten, same, type RecountRow } from '../report/recount';
import { loadTerm, schoolOf, termFigures } from '../report/term';
import { memberCountsOf, tallyOf } from './rebuild';

/**
 * The tally check: a school's term tally and member counts (kept by the writes) against the same
 * figures taken from the records the term report reads for the term's dates (the report is itself
 * checked against a recount of the raw records). Every kept figure must agree, and so must the
 * report's rates derived from them (办复率, 满意率, 投票率). `report` is the records' value,
 * `recount` the kept one.
 */
export async function checkTally(orgId: string, term: string): Promise<{ rows: RecountRow[]; ok: boolean }> {
  const range = parseRange(termRange(term).from, termRange(term).to);
  if (typeof range === 'string') throw new Error(range);
  const [tally, counts, d] = await Promise.all([getItem<TermTallyItem>(TermTally.key({ orgId, term })), getItem<MemberCountsItem>(MemberCounts.key({ orgId })), schoolOf(orgId).then((org) => loadTerm(org, range))]);
  const figures = termFigures(d);
  const fromRecords: Record<string, number> = { ...memberCountsOf(d), ...tallyOf(d, figures) };
  const kept: Record<string, number> = {};
  for (const f of MEMBER_COUNT_FIGURES) kept[f] = Number(counts?.[f] ?? 0);
  for (const f of TALLY_FIGURES) kept[f] = Number(tally?.[f] ?? 0);
  const rows: RecountRow[] = Object.keys(fromRecords).map((figure) => ({ figure, report: fromRecords[figure], recount: kept[figure], ok: fromRecords[figure] === kept[figure] }));
  // The report's rates from the kept counters.
  const report = flatten(figures);
  const stats = statsOf(Object.fromEntries(STATS_COUNTERS.map((k) => [k, kept[`proposals.${k}`]!])));
  const turnout = kept['ballots.eligible'] === 0 ? null : kept['ballots.cast']! / kept['ballots.eligible']!;
  for (const [figure, value] of [['proposals.answerRate', stats.answerRate], ['proposals.satisfactionRate', stats.satisfactionRate], ['ballots.turnout', turnout]] as const) {
    rows.push({ figure, report: report[figure], recount: value, ok: same(report[figure], value) });
  }
  return { rows, ok: rows.every((r) => r.ok) };
}
