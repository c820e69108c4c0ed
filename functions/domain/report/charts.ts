import type { ChartSpec } from './chart';
import type { TermFigures } from './term';

/** A chart of the term report and where it goes in the draft: after the table titled `after`, under its own `heading` if it has no table. */
export interface TermChart {
  chart: ChartSpec;
  after: string;
  heading?: string;
}

/** The proposals' outcomes, in the order a case goes (the report's figures by outcome). */
const OUTCOMES = [
  ['立案', 'accepted'],
  ['转为建议', 'converted'],
  ['不予立案', 'rejected'],
  ['并案', 'merged'],
  ['已答复', 'answered'],
  ['已落实', 'done'],
  ['撤回', 'withdrawn'],
] as const;

/** The charts the mini-program's report draws, for the exports: participation per event, money per campaign, proposal outcomes. */
export function termCharts(f: TermFigures): TermChart[] {
  return [
    { after: '各项活动参与情况', chart: { title: '各活动参与人数', unit: '人', categories: f.events.perEvent.map((e) => e.title), values: f.events.perEvent.map((e) => e.participants) } },
    {
      after: '各次募捐情况',
      // Yuan to the fen: an integer number of fen over 100 is the nearest double to the exact amount, written with 2 places.
      chart: { title: '各募捐活动金额', unit: '元', decimals: 2, categories: f.donations.perCampaign.map((c) => c.title), values: f.donations.perCampaign.map((c) => c.confirmedFen / 100) },
    },
    { after: '各次募捐情况', heading: '提案办理情况', chart: { title: '提案办理情况', unit: '件', categories: OUTCOMES.map(([label]) => label), values: OUTCOMES.map(([, k]) => f.proposals[k]) } },
  ];
}
