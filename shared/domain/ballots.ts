/**
 * The rules of a secret ballot, pure and shared: the server tallies with them, the mini-program
 * checks a voter's answers and explains a result with the same code. Plain data, no zod.
 */

export const ELECTORATES = ['delegates', 'members'] as const;
export type ElectorateKind = (typeof ELECTORATES)[number];
export const ELECTORATE_LABELS: Record<ElectorateKind, string> = { delegates: '教代会代表', members: '全体会员' };

export const QUESTION_KINDS = ['motion', 'rating', 'election'] as const;
export type QuestionKindName = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKindName, string> = { motion: '表决事项', rating: '民主测评', election: '选举' };

export const MOTION_CHOICES = ['for', 'against', 'abstain'] as const;
export const RATING_CHOICES = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export const CHOICE_LABELS: Record<string, string> = {
  for: '赞成',
  against: '反对',
  abstain: '弃权',
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
};

export interface QuestionShape {
  id: string;
  text: string;
  kind: QuestionKindName;
  candidates?: { id: string; name: string }[];
  seats?: number;
}
export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;

/** The choices a question offers: fixed for motions and ratings, the candidate ids for an election. */
export const choicesOf = (q: QuestionShape): readonly string[] =>
  q.kind === 'motion' ? MOTION_CHOICES : q.kind === 'rating' ? RATING_CHOICES : (q.candidates ?? []).map((c) => c.id);

/**
 * Why these answers do not fit the ballot, in Chinese, or null when they do: every question
 * answered, nothing else; a motion or rating with one of its choices; an election with up to
 * `seats` distinct candidates (none at all is a blank vote for that question).
 */
export function answerProblem(questions: readonly QuestionShape[], answers: Answers): string | null {
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) return `没有这道题：${id}`;
  for (const [i, q] of questions.entries()) {
    const a = answers[q.id];
    const n = i + 1;
    if (a === undefined) return `第 ${n} 题还没有作答`;
    if (q.kind === 'election') {
      if (!Array.isArray(a)) return `第 ${n} 题是选举，请选择候选人`;
      if (new Set(a).size !== a.length) return `第 ${n} 题同一位候选人只能选一次`;
      const ids = new Set(choicesOf(q));
      if (a.some((c) => !ids.has(c))) return `第 ${n} 题选了不在名单上的候选人`;
      if (a.length > (q.seats ?? 0)) return `第 ${n} 题最多选 ${q.seats} 人`;
    } else if (typeof a !== 'string' || !choicesOf(q).includes(a)) {
      return `第 ${n} 题的选项不正确`;
    }
  }
  return null;
}

/** Quorum: ballots cast ≥ 2/3 of the electorate, in integers. */
export const quorumMet = (ballotsCast: number, eligible: number): boolean => eligible > 0 && 3 * ballotsCast >= 2 * eligible;

/** A motion passes only with quorum and more `for` than half of the whole electorate (not of those who voted). */
export const motionPassed = (forCount: number, ballotsCast: number, eligible: number): boolean =>
  quorumMet(ballotsCast, eligible) && 2 * forCount > eligible;

/** Counts per question and choice, every choice present. Tallies come from the anonymous ballots alone. */
export function tally(questions: readonly QuestionShape[], ballots: readonly Answers[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const q of questions) counts[q.id] = Object.fromEntries(choicesOf(q).map((c) => [c, 0]));
  for (const ballot of ballots)
    for (const q of questions) {
      const a = ballot[q.id];
      for (const choice of Array.isArray(a) ? a : a === undefined ? [] : [a]) {
        const row = counts[q.id]!;
        if (Object.prototype.hasOwnProperty.call(row, choice)) row[choice] = row[choice]! + 1; // own choices only: never 'toString' and the like
      }
    }
  return counts;
}

/** 优秀+称职 over the ballots cast, in per-mille, rounded half up (exact integer arithmetic). */
export const goodPermille = (counts: Record<string, number>, ballotsCast: number): number =>
  ballotsCast === 0 ? 0 : Math.floor((((counts.excellent ?? 0) + (counts.competent ?? 0)) * 2000 + ballotsCast) / (2 * ballotsCast));

/** A share in per-mille, rounded half up: for percentages on a rating question. */
export const permille = (n: number, of: number): number => (of === 0 ? 0 : Math.floor((n * 2000 + of) / (2 * of)));

/** "93.3%" from 933‰. */
export const formatPermille = (pm: number): string => `${Math.floor(pm / 10)}.${pm % 10}%`;

/**
 * Who an election elects. A candidate qualifies with votes from more than half of the ballots cast;
 * the qualified, most votes first, fill the `seats`. When candidates tied on votes straddle the
 * last seat, none of the tied is elected and all are reported in `tied` (a runoff decides).
 */
export function electionOutcome(counts: Record<string, number>, seats: number, ballotsCast: number): { elected: string[]; tied: string[] } {
  const qualified = Object.entries(counts)
    .filter(([, v]) => 2 * v > ballotsCast)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (qualified.length <= seats) return { elected: qualified.map(([id]) => id), tied: [] };
  const edge = qualified[seats - 1]![1];
  if (qualified[seats]![1] !== edge) return { elected: qualified.slice(0, seats).map(([id]) => id), tied: [] };
  return {
    elected: qualified.filter(([, v]) => v > edge).map(([id]) => id),
    tied: qualified.filter(([, v]) => v === edge).map(([id]) => id),
  };
}
