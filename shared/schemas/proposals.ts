import * as z from 'zod/mini';
import { OUTCOMES, PROPOSAL_CATEGORIES, PROPOSAL_STATUSES, RATINGS } from '../domain/proposals';
import { Id, IsoDateTime } from './common';

/** 教代会提案: sessions (提案征集), proposals, 附议, decisions, answers, 落实 and satisfaction. */

const text = (max: number, missing: string) => z.string().check(z.trim(), z.minLength(1, missing), z.maxLength(max));

export const ProposalCategory = z.enum(PROPOSAL_CATEGORIES);
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export const Outcome = z.enum(OUTCOMES);
export const Rating = z.enum(RATINGS);

export const CreateSessionBody = z
  .strictObject({
    title: text(60, '请填写征集名称'),
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
    cosignersNeeded: z.optional(z.int().check(z.gte(0), z.lte(10))),
  })
  .check(z.refine((b) => Date.parse(b.opensAt) < Date.parse(b.closesAt), '截止时间应晚于开始时间'));
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export const DraftBody = z.strictObject({
  title: text(60, '请填写提案标题'),
  category: ProposalCategory,
  reason: text(2000, '请填写案由'),
  suggestion: text(2000, '请填写建议'),
});
export type DraftBody = z.infer<typeof DraftBody>;

/** Extension: PATCH /proposals/{proposalId}, the proposer edits their draft (any of the fields). */
export const EditDraftBody = z.partial(DraftBody);
export type EditDraftBody = z.infer<typeof EditDraftBody>;

export const DecisionBody = z
  .strictObject({
    outcome: Outcome,
    reason: text(500, '请填写理由'),
    office: z.optional(text(30, '请填写承办部门')),
    dueAt: z.optional(IsoDateTime),
    mergedInto: z.optional(Id),
    /** Extension: the member who answers for the office; reminders go to them. */
    officeContactId: z.optional(Id),
    /** Extension: 协办部门, offices that help the responsible one (accepted only). */
    coOffices: z.optional(z.array(text(30, '请填写协办部门')).check(z.maxLength(5))),
  })
  .check(
    z.refine((b) => b.outcome !== 'accepted' || (b.office !== undefined && b.dueAt !== undefined), '立案须指定承办部门和办理期限'),
    z.refine((b) => b.outcome !== 'merged' || b.mergedInto !== undefined, '并案须指定并入的提案'),
  );
export type DecisionBody = z.infer<typeof DecisionBody>;

export const AnswerBody = z.strictObject({ text: text(2000, '请填写答复内容') });
export const ProgressBody = z.strictObject({ note: text(500, '请填写落实情况'), done: z.boolean() });
export const RatingBody = z.strictObject({ rating: Rating, comment: z.optional(z.string().check(z.trim(), z.maxLength(500))) });
export type RatingBody = z.infer<typeof RatingBody>;

/** Extension: 督办, a chase of a late answer. */
export const ChaseBody = z.strictObject({ note: text(500, '请填写督办情况') });

export const DecisionView = z.object({
  outcome: Outcome,
  reason: z.string(),
  office: z.optional(z.string()),
  dueAt: z.optional(IsoDateTime),
  mergedInto: z.optional(Id),
  coOffices: z.optional(z.array(z.string())),
});
export const ProposalView = z.object({
  proposalId: Id,
  sessionId: Id,
  number: z.optional(z.string()),
  title: z.string(),
  category: ProposalCategory,
  reason: z.string(),
  suggestion: z.string(),
  proposer: z.object({ memberId: Id, name: z.string() }),
  status: ProposalStatus,
  cosigners: z.int(),
  decision: z.optional(DecisionView),
  answer: z.optional(z.object({ text: z.string(), at: IsoDateTime })),
  rating: z.optional(z.object({ rating: Rating, comment: z.optional(z.string()) })),
  history: z.array(z.object({ status: ProposalStatus, at: IsoDateTime })),
  /** Extensions: the deadline (倒计时), 并案 links both ways, whether what the viewer sees awaits publication. */
  dueAt: z.optional(IsoDateTime),
  mergedFrom: z.optional(z.array(Id)),
  unpublished: z.optional(z.boolean()),
  /** Extensions on GET /proposals/{proposalId}: 落实 notes and 督办 entries, oldest first. */
  progress: z.optional(z.array(z.object({ note: z.string(), done: z.boolean(), at: IsoDateTime }))),
  chases: z.optional(z.array(z.object({ note: z.string(), at: IsoDateTime, by: z.object({ memberId: Id, name: z.string() }) }))),
});
export type ProposalView = z.infer<typeof ProposalView>;

/** 金点子 (extension): any member, any time, with a category. */
export const IdeaBody = z.strictObject({
  title: text(60, '请填写金点子标题'),
  category: ProposalCategory,
  text: text(2000, '请填写具体内容'),
});
export type IdeaBody = z.infer<typeof IdeaBody>;
/** The committee's reply; `adopted` marks it 采纳. */
export const IdeaReplyBody = z.strictObject({ text: text(1000, '请填写回复'), adopted: z.optional(z.boolean()) });
export type IdeaReplyBody = z.infer<typeof IdeaReplyBody>;
/** 评优: picked (or unpicked) as one of the best of a term. */
export const IdeaBestBody = z.strictObject({ term: text(30, '请填写学期'), best: z.boolean() });
export type IdeaBestBody = z.infer<typeof IdeaBestBody>;
