import * as z from 'zod/mini';
import { ROLES } from '../domain/roles';

/** Ids are opaque, URL-safe strings made by the server (or, for donations, by the client). */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{4,64}$/, 'id 格式不正确'));
export type Id = z.infer<typeof Id>;

/** ISO 8601 with an explicit offset, e.g. 2027-04-12T08:00:00+08:00. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date();

/** Money is always an integer number of fen. */
export const Fen = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

export { ROLES, ROLE_LABELS } from '../domain/roles';
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_INPUT',
  'TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
  'INVITE_INVALID',
  'ALREADY_BOUND',
  'WECHAT_ERROR',
  'CONFLICT',
  'SIGNUP_CLOSED',
  'NOT_REGISTERED',
  'DUPLICATE_ID',
  'CAMPAIGN_CLOSED',
  'ALREADY_VOTED',
  'BALLOT_NOT_OPEN',
  'BALLOT_NOT_CLOSED',
  'EVENT_CANCELLED',
  'UNSUPPORTED_MEDIA_TYPE',
  'BAD_TRANSITION',
  'SESSION_CLOSED',
  'OWN_PROPOSAL',
  'INSUFFICIENT_FUNDS',
  'OWN_CASE',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

/** Routes that take no body still refuse fields they don't know (an empty body or {} is fine). */
export const NoBody = z.strictObject({});
