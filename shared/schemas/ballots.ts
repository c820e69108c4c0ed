import * as z from 'zod/mini';
import { ELECTORATES, MOTION_CHOICES, QUESTION_KINDS, RATING_CHOICES, answerProblem } from '../domain/ballots';
import { Id, IsoDateTime } from './common';

/** 教代会表决, 民主测评 and elections: secret ballots with a frozen electorate, quorum and receipts. */

export const QuestionId = z.string().check(
  z.regex(/^[A-Za-z0-9_-]{1,32}$/, '题目编号应为 1 到 32 位字母、数字、下划线或连字符'),
  // A key of answers and counts: "__proto__" would vanish from a parsed object (the ballot could never be answered).
  z.refine((id) => id !== '__proto__', '题目编号不能是 __proto__'),
);
export const CandidateId = QuestionId;

export const Electorate = z.enum(ELECTORATES);
export type Electorate = z.infer<typeof Electorate>;
export const QuestionKind = z.enum(QUESTION_KINDS);
export const MotionChoice = z.enum(MOTION_CHOICES);
export const RatingChoice = z.enum(RATING_CHOICES);

const Text = (max: number, empty: string) => z.string().check(z.trim(), z.minLength(1, empty), z.maxLength(max));

export const Candidate = z.strictObject({ id: CandidateId, name: Text(30, '请填写候选人姓名') });

/**
 * A question. The contract's kinds are `motion` (赞成/反对/弃权) and `rating` (民主测评);
 * the extension `election` lists candidates and 名额 (`seats`), each voter picking up to `seats`.
 */
export const QuestionInput = z
  .strictObject({
    id: QuestionId,
    text: Text(200, '请填写题目'),
    kind: QuestionKind,
    candidates: z.optional(z.array(Candidate).check(z.minLength(1), z.maxLength(50))),
    seats: z.optional(z.int().check(z.gte(1), z.lte(50))),
  })
  .check(
    // An election has both; any other kind neither (a motion with only `seats` is refused too).
    z.refine((q) => (q.kind === 'election' ? q.candidates !== undefined && q.seats !== undefined : q.candidates === undefined && q.seats === undefined), '选举题须有候选人和名额，其他题不能有'),
    z.refine((q) => !q.candidates || new Set(q.candidates.map((c) => c.id)).size === q.candidates.length, '候选人编号不能重复'),
    z.refine((q) => !q.candidates || !q.seats || q.seats <= q.candidates.length, '名额不能多于候选人数'),
  );
export type QuestionInput = z.infer<typeof QuestionInput>;

export const CreateBallotBody = z.strictObject({
  title: Text(60, '请填写表决名称'),
  electorate: Electorate,
  questions: z
    .array(QuestionInput)
    .check(z.minLength(1, '至少要有一道题'), z.maxLength(50), z.refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, '题目编号不能重复')),
  /** Extension: what the vote is about, shown above the questions. */
  description: z.optional(z.string().check(z.trim(), z.maxLength(500))),
});
export type CreateBallotBody = z.infer<typeof CreateBallotBody>;

/** One answer: a choice for a motion or a rating, the chosen candidate ids for an election. */
export const Answer = z.union([z.string().check(z.maxLength(32)), z.array(CandidateId).check(z.maxLength(50))]);
export type Answer = z.infer<typeof Answer>;

/** The shape only; whether the answers fit the ballot is `answerProblem` (shared with the UI). */
export const VoteBody = z.strictObject({ answers: z.record(QuestionId, Answer) });
export type VoteBody = z.infer<typeof VoteBody>;

export { answerProblem };

export const BallotStatus = z.enum(['draft', 'open', 'closed']);
export type BallotStatus = z.infer<typeof BallotStatus>;

export const BallotView = z.object({
  ballotId: Id,
  orgId: Id,
  title: z.string(),
  description: z.optional(z.string()),
  electorate: Electorate,
  questions: z.array(QuestionInput),
  status: BallotStatus,
  createdAt: IsoDateTime,
  openedAt: z.optional(IsoDateTime),
  closedAt: z.optional(IsoDateTime),
  /** Frozen when the ballot opens (0 while a draft). */
  eligibleCount: z.int(),
  votedCount: z.int(),
  /** sha256 (hex) of the sorted member ids of the frozen electorate, one per line: turnout can be checked. */
  electorateHash: z.optional(z.string()),
  me: z.object({ voted: z.boolean(), eligible: z.boolean() }),
});
export type BallotView = z.infer<typeof BallotView>;

export const QuestionResult = z.object({
  id: QuestionId,
  kind: QuestionKind,
  text: z.string(),
  /** choice (or candidate id) → ballots. Every choice appears, with 0 when nobody picked it. */
  counts: z.record(z.string(), z.int()),
  /** Motions: quorum and `for` > half of the whole electorate. */
  passed: z.optional(z.boolean()),
  /** Ratings: 优秀+称职 over the ballots cast, in per-mille (exact integers; the UI shows ‰ as %). */
  goodPermille: z.optional(z.int()),
  /** Elections: who is elected, and who is tied at the last seat (a runoff decides). */
  elected: z.optional(z.array(CandidateId)),
  tied: z.optional(z.array(CandidateId)),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const BallotResults = z.object({
  ballotId: Id,
  title: z.string(),
  eligibleCount: z.int(),
  ballotsCast: z.int(),
  quorumMet: z.boolean(),
  electorateHash: z.string(),
  questions: z.array(QuestionResult),
  /** Every receipt, sorted: a voter finds their own, nobody learns whose any is. */
  receipts: z.array(z.string()),
});
export type BallotResults = z.infer<typeof BallotResults>;

export const Receipt = z.object({ receipt: z.string() });

/** Extension: GET /orgs/{orgId}/ballots, newest first; drafts only for the chair and the committee. */
export const BallotList = z.object({ ballots: z.array(BallotView) });
export type BallotList = z.infer<typeof BallotList>;

export { IsoDateTime };
