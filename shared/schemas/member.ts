import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Role } from './common';

export const Member = z.object({
  memberId: Id,
  orgId: Id,
  name: z.string(),
  staffNo: z.string().optional(),
  groupId: Id,
  groupName: z.string().optional(),
  roles: z.array(Role),
  delegateTerm: z.string().optional(),
  retired: z.boolean(),
  active: z.boolean(),
  /** Seen by the committee only. */
  phone: z.string().optional(),
  birthDate: IsoDate.optional(),
});
export type Member = z.infer<typeof Member>;

export const Group = z.object({ groupId: Id, name: z.string(), leaderId: Id.optional() });
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
  member: Member.extend({ orgName: z.string(), districtId: Id }),
  consent: Consent,
});
export type MeResult = z.infer<typeof MeResult>;

export const ConsentBody = z.strictObject({ version: z.string().min(1).max(32) });
export type ConsentBody = z.infer<typeof ConsentBody>;

export const MemberList = z.object({ members: z.array(Member), groups: z.array(Group) });
export type MemberList = z.infer<typeof MemberList>;

export const PHONE_RE = /^1[3-9]\d{9}$/;
export const Phone = z.string().regex(PHONE_RE, '手机号应为 11 位中国大陆手机号');
export const PersonName = z.string().trim().min(1, '姓名不能为空').max(32, '姓名过长');
export const StaffNo = z.string().trim().regex(/^[A-Za-z0-9-]{1,32}$/, '工号只能包含字母、数字和短横线');
export const GroupName = z.string().trim().min(1, '小组名称不能为空').max(32, '小组名称过长');

export const UpdateMemberBody = z
  .strictObject({
    name: PersonName.optional(),
    groupId: Id.optional(),
    phone: z.union([Phone, z.literal('')]).optional(),
    retired: z.boolean().optional(),
    isDelegate: z.boolean().optional(),
    delegateTerm: z.string().trim().max(16).optional(),
    birthDate: IsoDate.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容' });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

/** PATCH /members/{memberId} and POST /members/{memberId}/deactivate answer with the member. */
export const MemberResult = z.object({ member: Member });
export type MemberResult = z.infer<typeof MemberResult>;

export const CreateGroupBody = z.strictObject({ name: GroupName, leaderId: Id.optional() });
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;

export const IssueInvitesBody = z.strictObject({
  memberIds: z.array(Id).min(1).max(500).optional(),
  /** 'xlsx': the codes as a printable sheet to cut into slips (codes are shown once, never stored). */
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type IssueInvitesBody = z.infer<typeof IssueInvitesBody>;

export const IssuedInvite = z.object({
  memberId: Id,
  name: z.string(),
  groupName: z.string().optional(),
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
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = z.object({ entries: z.array(AuditEntry), next: z.string().optional() });
export type AuditList = z.infer<typeof AuditList>;
