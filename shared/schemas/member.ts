import * as z from 'zod/mini';
import { Id, IsoDate, IsoDateTime, Role } from './common';

export const Member = z.object({
  memberId: Id,
  orgId: Id,
  name: z.string(),
  staffNo: z.optional(z.string()),
  groupId: Id,
  groupName: z.optional(z.string()),
  roles: z.array(Role),
  delegateTerm: z.optional(z.string()),
  retired: z.boolean(),
  active: z.boolean(),
  /** Seen by the committee only. */
  phone: z.optional(z.string()),
  birthDate: z.optional(IsoDate),
  /** Whether the member has bound WeChat: in the committee's member list only (who still needs an invite code). */
  wechatBound: z.optional(z.boolean()),
});
export type Member = z.infer<typeof Member>;

export const Group = z.object({ groupId: Id, name: z.string(), leaderId: z.optional(Id) });
export type Group = z.infer<typeof Group>;

export const Consent = z.object({ required: z.boolean(), version: z.string(), text: z.string() });
export type Consent = z.infer<typeof Consent>;

/** GET /orgs/{orgId}: a school (or the district office). */
export const OrgInfo = z.object({ orgId: Id, districtId: Id, name: z.string(), congressTerm: z.string() });
export type OrgInfo = z.infer<typeof OrgInfo>;

/** GET /districts/{districtId}/orgs: the district's schools (its own office not among them). */
export const DistrictOrgs = z.object({ districtId: Id, name: z.string(), orgs: z.array(z.object({ orgId: Id, name: z.string() })) });
export type DistrictOrgs = z.infer<typeof DistrictOrgs>;

export const MeResult = z.object({
  member: z.extend(Member, { orgName: z.string(), districtId: Id }),
  consent: Consent,
});
export type MeResult = z.infer<typeof MeResult>;

export const ConsentBody = z.strictObject({ version: z.string().check(z.minLength(1), z.maxLength(32)) });
export type ConsentBody = z.infer<typeof ConsentBody>;

export const MemberList = z.object({ members: z.array(Member), groups: z.array(Group) });
export type MemberList = z.infer<typeof MemberList>;

export const PHONE_RE = /^1[3-9]\d{9}$/;
export const Phone = z.string().check(z.regex(PHONE_RE, '手机号应为 11 位中国大陆手机号'));
export const PersonName = z.string().check(z.trim(), z.minLength(1, '姓名不能为空'), z.maxLength(32, '姓名过长'));
export const StaffNo = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{1,32}$/, '工号只能包含字母、数字和短横线'));
export const GroupName = z.string().check(z.trim(), z.minLength(1, '小组名称不能为空'), z.maxLength(32, '小组名称过长'));

export const UpdateMemberBody = z
  .strictObject({
    name: z.optional(PersonName),
    groupId: z.optional(Id),
    phone: z.optional(z.union([Phone, z.literal('')])),
    retired: z.optional(z.boolean()),
    isDelegate: z.optional(z.boolean()),
    delegateTerm: z.optional(z.string().check(z.trim(), z.maxLength(16))),
    birthDate: z.optional(IsoDate),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容' }));
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

/** PATCH /members/{memberId} and POST /members/{memberId}/deactivate answer with the member. */
export const MemberResult = z.object({ member: Member });
export type MemberResult = z.infer<typeof MemberResult>;

export const CreateGroupBody = z.strictObject({ name: GroupName, leaderId: z.optional(Id) });
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;

export const IssueInvitesBody = z.strictObject({
  memberIds: z.optional(z.array(Id).check(z.minLength(1), z.maxLength(500))),
  /** 'xlsx': the codes as a printable sheet to cut into slips (codes are shown once, never stored). */
  format: z._default(z.enum(['json', 'xlsx']), 'json'),
});
export type IssueInvitesBody = z.infer<typeof IssueInvitesBody>;

export const IssuedInvite = z.object({
  memberId: Id,
  name: z.string(),
  groupName: z.optional(z.string()),
  code: z.string(),
  expiresAt: IsoDateTime,
});
export const IssueInvitesResult = z.object({
  invites: z.array(IssuedInvite),
  /** The same codes as a printable .xlsx (base64): codes exist only in this answer. */
  sheetBase64: z.string(),
});
export type IssueInvitesResult = z.infer<typeof IssueInvitesResult>;

export const AuditEntry = z.object({
  at: IsoDateTime,
  actorId: Id,
  actorName: z.string(),
  action: z.string(),
  target: z.record(z.string(), z.string()),
  detail: z.optional(z.record(z.string(), z.unknown())),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = z.object({ entries: z.array(AuditEntry), next: z.optional(z.string()) });
export type AuditList = z.infer<typeof AuditList>;
