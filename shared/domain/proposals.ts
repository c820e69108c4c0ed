/**
 * 教代会提案: the lifecycle as one pure state machine, used by the functions (which decide every
 * command with it) and by the mini-program (which shows only the buttons it allows). Plain data
 * and functions, no zod: the mini-program imports it as a value.
 *
 *   draft → cosigning → review → accepted (立案) | converted (转为意见建议) | rejected (不立案) | merged (并案)
 *   draft → review (when no co-signer is needed); accepted → answered → done;
 *   answered | done → accepted (the first 不满意: 重新办理)
 *   draft | cosigning | review → withdrawn (extension: the proposer takes it back before a decision;
 *   a number once given stays with it, never reused)
 *
 * Anything else is refused with BAD_TRANSITION (409); a wrong actor with FORBIDDEN (403), the
 * proposer co-signing their own with OWN_PROPOSAL (409).
 */

export const PROPOSAL_STATUSES = ['draft', 'cosigning', 'review', 'accepted', 'converted', 'rejected', 'merged', 'answered', 'done', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_CATEGORIES = ['teaching', 'logistics', 'welfare', 'rules', 'campus', 'other'] as const;
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number];

export const OUTCOMES = ['accepted', 'converted', 'rejected', 'merged'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: '草稿',
  cosigning: '征集附议',
  review: '待审查',
  accepted: '已立案',
  converted: '转为意见建议',
  rejected: '不立案',
  merged: '已并案',
  answered: '已答复',
  done: '已落实',
  withdrawn: '已撤回',
};
export const CATEGORY_LABELS: Record<ProposalCategory, string> = {
  teaching: '教育教学',
  logistics: '后勤食堂',
  welfare: '福利待遇',
  rules: '规章制度',
  campus: '校园建设',
  other: '其他',
};
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

/** Who acts on a proposal: its proposer, another delegate, the committee (委员, 主席), anyone else. */
export type ActorKind = 'proposer' | 'delegate' | 'committee' | 'member';

export type ProposalAction =
  | { type: 'edit' }
  | { type: 'submit' }
  | { type: 'cosign' }
  | { type: 'decide'; outcome: Outcome }
  | { type: 'answer' }
  | { type: 'progress'; done: boolean }
  | { type: 'rate'; rating: Rating }
  | { type: 'withdraw' };

/** What the machine needs to know of a proposal. */
export interface ProposalState {
  status: ProposalStatus;
  /** Co-signers so far, and how many the session asks for. */
  cosigners: number;
  cosignersNeeded: number;
  /** Whether an 不满意 has already reopened it once. */
  reopened: boolean;
}

export type Refusal = 'BAD_TRANSITION' | 'FORBIDDEN' | 'OWN_PROPOSAL';
export type Step =
  | {
      ok: true;
      status: ProposalStatus;
      cosigners: number;
      reopened: boolean;
      /**
       * A committee act whose result waits for the committee to publish (Decidim's distinction):
       * the proposer and the committee see it at once, other members after publication.
       */
      gated: boolean;
    }
  | { ok: false; refusal: Refusal };

interface Rule {
  from: readonly ProposalStatus[];
  by: readonly ActorKind[];
  gated: boolean;
}

/** From which statuses, by whom, each action may be taken. */
export const RULES: Record<ProposalAction['type'], Rule> = {
  edit: { from: ['draft'], by: ['proposer'], gated: false },
  submit: { from: ['draft'], by: ['proposer'], gated: false },
  cosign: { from: ['cosigning', 'review'], by: ['delegate'], gated: false },
  decide: { from: ['review'], by: ['committee'], gated: true },
  answer: { from: ['accepted'], by: ['committee'], gated: true },
  progress: { from: ['accepted', 'answered'], by: ['committee'], gated: false },
  rate: { from: ['answered', 'done'], by: ['proposer'], gated: false },
  withdraw: { from: ['draft', 'cosigning', 'review'], by: ['proposer'], gated: false },
};

/** The moves between different statuses the contract allows (a step may also stay where it is). */
export const EDGES: readonly (readonly [ProposalStatus, ProposalStatus])[] = [
  ['draft', 'cosigning'],
  ['draft', 'review'],
  ['cosigning', 'review'],
  ['review', 'accepted'],
  ['review', 'converted'],
  ['review', 'rejected'],
  ['review', 'merged'],
  ['accepted', 'answered'],
  ['answered', 'done'],
  ['answered', 'accepted'],
  ['done', 'accepted'],
  ['draft', 'withdrawn'],
  ['cosigning', 'withdrawn'],
  ['review', 'withdrawn'],
];

/** The one decision: may `actor` take `action` on a proposal in `state`, and where does it lead? */
export function step(state: ProposalState, action: ProposalAction, actor: ActorKind): Step {
  const rule = RULES[action.type];
  if (action.type === 'cosign' && actor === 'proposer') return { ok: false, refusal: 'OWN_PROPOSAL' };
  if (!rule.by.includes(actor)) return { ok: false, refusal: 'FORBIDDEN' };
  if (!rule.from.includes(state.status)) return { ok: false, refusal: 'BAD_TRANSITION' };
  if (action.type === 'progress' && action.done && state.status !== 'answered') return { ok: false, refusal: 'BAD_TRANSITION' };
  const same = { ok: true as const, status: state.status, cosigners: state.cosigners, reopened: state.reopened, gated: rule.gated };
  switch (action.type) {
    case 'edit':
      return same;
    case 'submit':
      return { ...same, status: state.cosignersNeeded <= 0 ? 'review' : 'cosigning' };
    case 'cosign': {
      const cosigners = state.cosigners + 1;
      return { ...same, cosigners, status: state.status === 'cosigning' && cosigners >= state.cosignersNeeded ? 'review' : state.status };
    }
    case 'decide':
      return { ...same, status: action.outcome };
    case 'answer':
      return { ...same, status: 'answered' };
    case 'progress':
      return { ...same, status: action.done ? 'done' : state.status };
    case 'rate':
      return action.rating === 'unsatisfied' && !state.reopened ? { ...same, status: 'accepted', reopened: true } : same;
    case 'withdraw':
      return { ...same, status: 'withdrawn' };
  }
}

/** The actions the UI may offer `actor` now (each still decided by the server). */
export function allowedActions(state: ProposalState, actor: ActorKind): ProposalAction['type'][] {
  return (Object.keys(RULES) as ProposalAction['type'][]).filter((t) => RULES[t].by.includes(actor) && RULES[t].from.includes(state.status));
}

/** A proposal has left draft: it is received, numbered and public (公示); a draft withdrawn never was. */
export const isReceived = (status: ProposalStatus, numbered: boolean) => status !== 'draft' && (status !== 'withdrawn' || numbered);

/** 提案2027-007: the number of the `seq`-th proposal submitted in a session, in the China-time year of its submission. */
export function proposalNumber(year: number, seq: number): string {
  return `提案${year}-${String(seq).padStart(3, '0')}`;
}

/**
 * What one proposal adds to its session's statistics (the contract's definitions); a session's
 * figures are the sum over its proposals, kept as counters moved by each transaction by the
 * difference between a proposal's contribution after and before.
 */
export interface StatsInput {
  status: ProposalStatus;
  category: ProposalCategory;
  /** The latest rating, if any. */
  rating?: Rating;
  /** Whether it was ever submitted (has a number): a withdrawn proposal counts as received only then. */
  numbered?: boolean;
}
export const STATS_COUNTERS = ['received', 'accepted', 'converted', 'rejected', 'merged', 'answered', 'done', 'withdrawn', 'rated', 'satisfied', ...PROPOSAL_CATEGORIES.map((c) => `cat_${c}` as const)] as const;
export type StatsCounter = (typeof STATS_COUNTERS)[number];

export function contribution(p: StatsInput | undefined): Record<StatsCounter, number> {
  const c = Object.fromEntries(STATS_COUNTERS.map((k) => [k, 0])) as Record<StatsCounter, number>;
  if (!p || !isReceived(p.status, Boolean(p.numbered))) return c;
  c.received = 1;
  c[`cat_${p.category}`] = 1;
  if (p.status === 'accepted' || p.status === 'answered' || p.status === 'done') c.accepted = 1;
  if (p.status === 'converted' || p.status === 'rejected' || p.status === 'merged' || p.status === 'withdrawn') c[p.status] = 1;
  if (p.status === 'answered' || p.status === 'done') c.answered = 1;
  if (p.status === 'done') c.done = 1;
  if (p.rating) {
    c.rated = 1;
    if (p.rating !== 'unsatisfied') c.satisfied = 1;
  }
  return c;
}

/** The counters that change from `before` to `after`, by how much. */
export function statsDelta(before: StatsInput | undefined, after: StatsInput | undefined): Partial<Record<StatsCounter, number>> {
  const [a, b] = [contribution(before), contribution(after)];
  const delta: Partial<Record<StatsCounter, number>> = {};
  for (const k of STATS_COUNTERS) if (b[k] !== a[k]) delta[k] = b[k] - a[k];
  return delta;
}

export interface SessionStats {
  received: number;
  accepted: number;
  converted: number;
  rejected: number;
  merged: number;
  answered: number;
  done: number;
  /** Extension: proposals withdrawn after submission (they still count as received). */
  withdrawn: number;
  /** 办复率 = answered ÷ accepted; 满意率 = satisfied or basically ÷ rated; null with a zero denominator. */
  answerRate: number | null;
  satisfactionRate: number | null;
  byCategory: Partial<Record<ProposalCategory, number>>;
}

/** The contract's figures from the counters. */
export function statsOf(counters: Partial<Record<StatsCounter, number>>): SessionStats {
  const n = (k: StatsCounter) => counters[k] ?? 0;
  const byCategory: Partial<Record<ProposalCategory, number>> = {};
  for (const c of PROPOSAL_CATEGORIES) if (n(`cat_${c}`) > 0) byCategory[c] = n(`cat_${c}`);
  return {
    received: n('received'),
    accepted: n('accepted'),
    converted: n('converted'),
    rejected: n('rejected'),
    merged: n('merged'),
    answered: n('answered'),
    done: n('done'),
    withdrawn: n('withdrawn'),
    answerRate: n('accepted') === 0 ? null : n('answered') / n('accepted'),
    satisfactionRate: n('rated') === 0 ? null : n('satisfied') / n('rated'),
    byCategory,
  };
}
