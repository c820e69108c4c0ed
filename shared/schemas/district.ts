import * as z from 'zod/mini';
import type { SchoolRow } from '../domain/tally';

const count = z.int().check(z.gte(0));
const rate = z.nullable(z.number().check(z.gte(0), z.lte(1)));

/** One school's (or the district's) row of 区级汇总: counts, sums in fen, rates in 0..1 or null (shared/domain/tally.ts schoolRow). */
export const SchoolRowView = z.object({
  active: count,
  retired: count,
  newMembers: count,
  eventsHeld: count,
  participations: count,
  checkedIn: count,
  campaigns: count,
  confirmedFen: count,
  proposalsReceived: count,
  proposalsAccepted: count,
  proposalsAnswered: count,
  answerRate: rate,
  satisfactionRate: rate,
  ideasReceived: count,
  ideasAdopted: count,
  ballotsHeld: count,
  ballotsCast: count,
  ballotsEligible: count,
  turnout: rate,
  careVisits: count,
  careGiftFen: count,
  aidCount: count,
  aidFen: count,
});
// The schema and the domain's row name the same fields.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ROW_MATCHES_DOMAIN: Same<z.infer<typeof SchoolRowView>, SchoolRow> = true;

/** `GET /districts/{districtId}/report?term=`: every school's term figures, sorted by name, and the district's totals. */
export const DistrictReport = z.object({
  districtId: z.string(),
  /** "2026-2027-1" */
  term: z.string().check(z.regex(/^\d{4}-\d{4}-[12]$/)),
  /** "2026–2027学年第一学期" */
  label: z.string(),
  from: z.string(),
  to: z.string(),
  /** The district's own (全区) campaigns closing in the term: in every school's `campaigns`, once in the totals'. */
  districtCampaigns: count,
  schools: z.array(z.extend(SchoolRowView, { orgId: z.string(), name: z.string() })),
  totals: SchoolRowView,
});
export type DistrictReport = z.infer<typeof DistrictReport>;
