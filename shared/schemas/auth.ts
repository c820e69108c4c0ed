import * as z from 'zod/mini';
import { Id, Role } from './common';

export const WechatLoginBody = z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(128)) });
export type WechatLoginBody = z.infer<typeof WechatLoginBody>;

/** Either a session, or (openid not yet bound to a member) a short-lived binding token. */
export const WechatLoginResult = z.union([
  z.object({ token: z.string() }),
  z.object({ bindingToken: z.string(), needsBinding: z.literal(true) }),
]);
export type WechatLoginResult = z.infer<typeof WechatLoginResult>;

export const INVITE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Typed as printed ("6ZXW Y4UA"), any case: spaces and dashes don't matter. */
export const InviteCode = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(32)),
    z.transform((s: string) => s.replace(/[\s-]/g, '').toUpperCase()),
  ),
  z.string().check(z.regex(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/, '邀请码为 8 位字母或数字')),
);

export const BindBody = z.strictObject({ bindingToken: z.string().check(z.minLength(1), z.maxLength(4096)), inviteCode: InviteCode });
export type BindBody = z.infer<typeof BindBody>;

export const SessionResult = z.object({ token: z.string() });
export type SessionResult = z.infer<typeof SessionResult>;

export const DevLoginBody = z.strictObject({ memberId: Id });
export type DevLoginBody = z.infer<typeof DevLoginBody>;

export const DevSeedBody = z
  .strictObject({
    members: z._default(z.int().check(z.gte(10), z.lte(5000)), 60),
    delegates: z._default(z.int().check(z.gte(0), z.lte(5000)), 20),
    /** Extension: seed the school into this district (with its office and admin) instead of the demo district. */
    districtId: z.optional(Id),
  })
  .check(z.refine((b) => b.delegates <= b.members, { message: '代表人数不能超过会员人数', path: ['delegates'] }));
export type DevSeedBody = z.infer<typeof DevSeedBody>;

/** Local fixture: add to a school's term tally and member counts directly (the district view's tests and screenshots). */
export const DevTallyBody = z.strictObject({
  term: z.string().check(z.regex(/^\d{4}-\d{4}-[12]$/)),
  /** Figure name ("events.held", "care.giftFen") → by how much. */
  figures: z._default(z.record(z.string(), z.int()), {}),
  /** "members.active" / "members.retired" → by how much. */
  members: z._default(z.record(z.string(), z.int()), {}),
});

export const DevSeedResult = z.object({
  orgId: Id,
  districtId: Id,
  /** Extension: the district union's admin, who reads every school of the district. */
  districtAdmin: Id,
  chair: Id,
  treasurer: Id,
  committee: z.array(Id),
  groupLeaders: z.array(Id),
  delegates: z.array(Id),
  members: z.array(Id),
});
export type DevSeedResult = z.infer<typeof DevSeedResult>;

/** The people the H5 开发登录 page offers (GET /dev/demo, GET /dev/orgs/{orgId}/people). */
export const DemoPerson = z.object({ memberId: Id, name: z.string(), roles: z.array(Role), groupName: z.string() });
export type DemoPerson = z.infer<typeof DemoPerson>;
export const DemoPeople = z.object({ orgId: Id, orgName: z.string(), people: z.array(DemoPerson) });
export type DemoPeople = z.infer<typeof DemoPeople>;
