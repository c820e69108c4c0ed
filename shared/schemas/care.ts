import * as z from 'zod/mini';
import { CARE_KINDS, parseDate } from '../domain/care';
import { Fen, Id } from './common';

/** 送温暖 (五必访) visits: committee only, to read too. */

export const CareKind = z.enum(CARE_KINDS);
export type CareKind = z.infer<typeof CareKind>;

export const CareDate = z.string().check(z.refine((s) => parseDate(s) !== undefined, '日期格式应为 YYYY-MM-DD'));

const visitFields = {
  memberId: Id,
  kind: CareKind,
  date: CareDate,
  giftFen: Fen,
  note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  /** Extension: who went (member ids of the school). */
  visitors: z.optional(z.array(Id).check(z.maxLength(20), z.refine((ids) => new Set(ids).size === ids.length, '走访人不能重复'))),
  /** Extension: gifts other than money (e.g. 水果、慰问品). */
  gifts: z.optional(z.string().check(z.trim(), z.maxLength(200))),
};

export const CreateCareVisitBody = z.strictObject(visitFields);
export type CreateCareVisitBody = z.infer<typeof CreateCareVisitBody>;

/** An edit: any of the fields, at least one. */
export const EditCareVisitBody = z.strictObject({
  memberId: z.optional(visitFields.memberId),
  kind: z.optional(visitFields.kind),
  date: z.optional(visitFields.date),
  giftFen: z.optional(visitFields.giftFen),
  note: visitFields.note,
  visitors: visitFields.visitors,
  gifts: visitFields.gifts,
}).check(z.refine((b) => Object.keys(b).length > 0, '请至少修改一项'));
export type EditCareVisitBody = z.infer<typeof EditCareVisitBody>;

export interface CareVisitView {
  visitId: string;
  orgId: string;
  memberId: string;
  memberName: string;
  kind: CareKind;
  date: string;
  giftFen: number;
  note?: string;
  visitors: { memberId: string; name: string }[];
  gifts?: string;
  createdBy: string;
  createdAt: string;
  updatedAt?: string;
}

/** A birthday's card or gift marked as given, for a year. */
export const BirthdayGivenBody = z.strictObject({
  year: z.int().check(z.gte(2000), z.lte(2100)),
  what: z.enum(['card', 'gift', 'both']),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});
export type BirthdayGivenBody = z.infer<typeof BirthdayGivenBody>;
