import { AID_CATEGORIES } from './aid';
import { CARE_KINDS, rate } from './care';
import { statsOf, STATS_COUNTERS } from './proposals';

/**
 * The district's rollup of the term report (区级汇总): per school and term, the figures that add
 * up. Each is kept on the school's term tally by the same transaction as the write that moves it,
 * and each equals the same figure of that school's term report for the term's dates (the check
 * in functions/domain/tally/check.ts). Distinct people (participants, donors) do not add up from
 * school to district, nor from event to term: the rollup counts 人次 (participations: members
 * confirmed per event, summed), as the field's district reports do; each school's own report
 * keeps its distinct counts.
 */
export const TALLY_FIGURES = [
  'members.new',
  'events.held',
  'events.participations',
  'events.checkedIn',
  /** The school's own campaigns; the district's campaigns count for every school (added at read time). */
  'donations.campaigns',
  'donations.confirmedFen',
  ...STATS_COUNTERS.map((k) => `proposals.${k}` as const),
  'ideas.received',
  'ideas.adopted',
  'ballots.held',
  'ballots.cast',
  'ballots.eligible',
  'care.visits',
  'care.giftFen',
  ...CARE_KINDS.flatMap((k) => [`care.byKind.${k}.visits`, `care.byKind.${k}.giftFen`] as const),
  'aid.count',
  'aid.fen',
  ...AID_CATEGORIES.flatMap((c) => [`aid.byCategory.${c}.count`, `aid.byCategory.${c}.fen`] as const),
] as const;
export type TallyFigure = (typeof TALLY_FIGURES)[number];

/** The members a school has now: not per term. */
export const MEMBER_COUNT_FIGURES = ['members.active', 'members.retired'] as const;
export type MemberCountFigure = (typeof MEMBER_COUNT_FIGURES)[number];

/** A change to a term tally: figure → by how much (zero and absent change nothing). */
export type TallyChange = Partial<Record<TallyFigure, number>>;

/** The change's non-zero entries. */
export const tallyEntries = (change: TallyChange): [TallyFigure, number][] => (Object.entries(change) as [TallyFigure, number][]).filter(([, by]) => by !== 0 && by !== undefined);

/** The same change with every sign turned (what undoing it adds). */
export const negated = (change: TallyChange): TallyChange => Object.fromEntries(tallyEntries(change).map(([k, by]) => [k, -by]));

/** One school's row of the district view: the tally's figures, with the district's campaigns, and the rates derived from them. */
export interface SchoolRow {
  active: number;
  retired: number;
  newMembers: number;
  eventsHeld: number;
  participations: number;
  checkedIn: number;
  campaigns: number;
  confirmedFen: number;
  proposalsReceived: number;
  proposalsAccepted: number;
  proposalsAnswered: number;
  /** 办复率 and 满意率, 0..1 or null. */
  answerRate: number | null;
  satisfactionRate: number | null;
  ideasReceived: number;
  ideasAdopted: number;
  ballotsHeld: number;
  ballotsCast: number;
  ballotsEligible: number;
  turnout: number | null;
  careVisits: number;
  careGiftFen: number;
  aidCount: number;
  aidFen: number;
}

type Counts = Partial<Record<TallyFigure | MemberCountFigure, number>>;

/** The row of a school from its tally and member counts; `districtCampaigns` = the district's own campaigns closing in the term. */
export function schoolRow(counts: Counts, districtCampaigns = 0): SchoolRow {
  const n = (k: TallyFigure | MemberCountFigure) => counts[k] ?? 0;
  const stats = statsOf(Object.fromEntries(STATS_COUNTERS.map((k) => [k, n(`proposals.${k}`)])));
  return {
    active: n('members.active'),
    retired: n('members.retired'),
    newMembers: n('members.new'),
    eventsHeld: n('events.held'),
    participations: n('events.participations'),
    checkedIn: n('events.checkedIn'),
    campaigns: n('donations.campaigns') + districtCampaigns,
    confirmedFen: n('donations.confirmedFen'),
    proposalsReceived: stats.received,
    proposalsAccepted: stats.accepted,
    proposalsAnswered: stats.answered,
    answerRate: stats.answerRate,
    satisfactionRate: stats.satisfactionRate,
    ideasReceived: n('ideas.received'),
    ideasAdopted: n('ideas.adopted'),
    ballotsHeld: n('ballots.held'),
    ballotsCast: n('ballots.cast'),
    ballotsEligible: n('ballots.eligible'),
    turnout: rate(n('ballots.cast'), n('ballots.eligible')),
    careVisits: n('care.visits'),
    careGiftFen: n('care.giftFen'),
    aidCount: n('aid.count'),
    aidFen: n('aid.fen'),
  };
}

/** The district's totals: every school's counts summed, rates from the sums (never an average of rates). */
export function districtTotals(schools: Counts[], districtCampaigns = 0): SchoolRow {
  const sum: Counts = {};
  for (const s of schools) for (const [k, v] of Object.entries(s) as [TallyFigure | MemberCountFigure, number][]) if (typeof v === 'number') sum[k] = (sum[k] ?? 0) + v;
  // The district's own campaigns are one set, not one per school.
  return schoolRow(sum, districtCampaigns);
}

/** The columns of the district view, in order, for sorting and the export. */
export const SCHOOL_ROW_COLUMNS: { key: keyof SchoolRow; label: string; kind: 'count' | 'fen' | 'rate' }[] = [
  { key: 'active', label: '会员', kind: 'count' },
  { key: 'retired', label: '其中退休', kind: 'count' },
  { key: 'newMembers', label: '新会员', kind: 'count' },
  { key: 'eventsHeld', label: '活动', kind: 'count' },
  { key: 'participations', label: '参与人次', kind: 'count' },
  { key: 'checkedIn', label: '签到人次', kind: 'count' },
  { key: 'campaigns', label: '募捐', kind: 'count' },
  { key: 'confirmedFen', label: '捐款（元）', kind: 'fen' },
  { key: 'proposalsReceived', label: '提案', kind: 'count' },
  { key: 'proposalsAccepted', label: '立案', kind: 'count' },
  { key: 'proposalsAnswered', label: '已答复', kind: 'count' },
  { key: 'answerRate', label: '办复率', kind: 'rate' },
  { key: 'satisfactionRate', label: '满意率', kind: 'rate' },
  { key: 'ideasReceived', label: '金点子', kind: 'count' },
  { key: 'ideasAdopted', label: '采纳', kind: 'count' },
  { key: 'ballotsHeld', label: '表决', kind: 'count' },
  { key: 'turnout', label: '投票率', kind: 'rate' },
  { key: 'careVisits', label: '慰问', kind: 'count' },
  { key: 'careGiftFen', label: '慰问金（元）', kind: 'fen' },
  { key: 'aidCount', label: '困难补助', kind: 'count' },
  { key: 'aidFen', label: '补助金额（元）', kind: 'fen' },
];
