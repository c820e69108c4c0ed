import * as z from 'zod/mini';
import { MAX_GIFT_FEN } from '../domain/money';
import { Id, IsoDateTime } from './common';

/** 一日捐: campaigns, gifts, the treasurer's confirmation and the published honor roll (公示). */

export const CAMPAIGN_KINDS = ['day-pay', 'student-aid', 'relief', 'other'] as const;
export const CampaignKind = z.enum(CAMPAIGN_KINDS);
export type CampaignKind = z.infer<typeof CampaignKind>;

export const CreateCampaignBody = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1, '请填写活动名称'), z.maxLength(60)),
  kind: CampaignKind,
  closesAt: IsoDateTime,
  goalFen: z.optional(z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER))),
  /** Extension: what the drive is for, shown on its page. */
  description: z.optional(z.string().check(z.trim(), z.maxLength(500))),
});
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

/** Made by the client, so that a retried request is the same gift. */
export const DonationId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '捐款编号应为 8 到 64 位字母、数字、下划线或连字符'));

export const DonateBody = z.strictObject({
  donationId: DonationId,
  amountFen: z.int().check(z.gte(1, '金额必须大于 0'), z.lte(MAX_GIFT_FEN, '单笔金额不能超过 100 万元')),
  anonymous: z.boolean(),
  /** Cash handed to the treasurer or a group leader, recorded for the member who gave it. */
  memberId: z.optional(Id),
});
export type DonateBody = z.infer<typeof DonateBody>;

export const RejectBody = z.strictObject({ reason: z.string().check(z.trim(), z.minLength(1, '请填写退回原因'), z.maxLength(200)) });
export type RejectBody = z.infer<typeof RejectBody>;

/** Extension: the treasurer confirms a selection in one request, each gift on its own. */
export const BulkConfirmBody = z.strictObject({
  donationIds: z.array(DonationId).check(
    z.minLength(1),
    z.maxLength(100),
    z.refine((ids) => new Set(ids).size === ids.length, '捐款编号不能重复'),
  ),
});
export type BulkConfirmBody = z.infer<typeof BulkConfirmBody>;

export const DonationStatus = z.enum(['recorded', 'confirmed', 'rejected']);
export type DonationStatus = z.infer<typeof DonationStatus>;

/** A campaign's counts: the district's, or one school's in a district-wide campaign. */
export const CampaignTotalsView = z.object({
  confirmedFen: z.int(),
  recordedFen: z.int(),
  donorCount: z.int(),
  giftCount: z.int(),
  confirmedCount: z.int(),
});
export type CampaignTotalsView = z.infer<typeof CampaignTotalsView>;

export const CampaignView = z.object({
  campaignId: Id,
  orgId: Id,
  title: z.string(),
  kind: CampaignKind,
  description: z.optional(z.string()),
  closesAt: IsoDateTime,
  goalFen: z.optional(z.int()),
  state: z.enum(['open', 'closed']),
  createdAt: IsoDateTime,
  /** Confirmed gifts, and every gift not rejected (confirmed or not). */
  confirmedFen: z.int(),
  recordedFen: z.int(),
  /** Distinct members with a gift that is not rejected. */
  donorCount: z.int(),
  /** Gifts not rejected, and those of them confirmed. */
  giftCount: z.int(),
  confirmedCount: z.int(),
  /** Extension: 全区, opened by the district union for all its schools; the totals above are the district's. */
  districtWide: z.optional(z.literal(true)),
  /** Extension, district-wide campaigns read by a school's member: their school's own totals. */
  school: z.optional(CampaignTotalsView),
});
export type CampaignView = z.infer<typeof CampaignView>;

/** The district admin's view of a district-wide campaign: each school's counts, never a name of a donor. */
export const DistrictRollup = z.object({
  campaign: CampaignView,
  schools: z.array(z.extend(CampaignTotalsView, { orgId: Id, name: z.string() })),
});
export type DistrictRollup = z.infer<typeof DistrictRollup>;

/** A gift as its giver, its recorder or the treasurer sees it (never on the honor roll). */
export const DonationView = z.object({
  donationId: DonationId,
  campaignId: Id,
  campaignTitle: z.string(),
  memberId: Id,
  name: z.string(),
  groupId: Id,
  amountFen: z.int(),
  anonymous: z.boolean(),
  status: DonationStatus,
  recordedAt: IsoDateTime,
  /** When someone else recorded it (cash to the treasurer or a group leader). */
  recordedBy: z.optional(z.object({ memberId: Id, name: z.string() })),
  confirmedAt: z.optional(IsoDateTime),
  rejectedAt: z.optional(IsoDateTime),
  rejectReason: z.optional(z.string()),
});
export type DonationView = z.infer<typeof DonationView>;

/** 公示: confirmed gifts only; an anonymous one is 匿名 and carries nothing else. */
export const HonorRoll = z.object({
  entries: z.array(z.object({ name: z.string(), amountFen: z.int() })),
  totalFen: z.int(),
});
export type HonorRoll = z.infer<typeof HonorRoll>;

/** 我的捐款: every gift of mine, newest first, with each year's totals (China time). */
export const MyDonations = z.object({
  donations: z.array(DonationView),
  years: z.array(z.object({ year: z.int(), confirmedFen: z.int(), recordedFen: z.int() })),
});
export type MyDonations = z.infer<typeof MyDonations>;

export const BulkConfirmResult = z.object({
  results: z.array(
    z.object({
      donationId: z.string(),
      status: z.optional(DonationStatus),
      error: z.optional(z.object({ code: z.string(), message: z.string() })),
    }),
  ),
});
export type BulkConfirmResult = z.infer<typeof BulkConfirmResult>;
