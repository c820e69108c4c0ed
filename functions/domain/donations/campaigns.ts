import type { CampaignTotalsView, CampaignView, CreateCampaignBody, DistrictRollup } from '../../../shared/schemas/donations';
import { Campaign, type CampaignItem } from '../../entities/campaign';
import { CampaignSchoolTotals, type CampaignSchoolTotalsItem } from '../../entities/campaignSchoolTotals';
import { CampaignTotals, type CampaignTotalsItem } from '../../entities/campaignTotals';
import { keyId } from '../../entities/key';
import type { OrgItem } from '../../entities/org';
import { batchGet, put, queryAll, transact, type Commit } from '../../lib/db';
import { newId } from '../../lib/ids';
import { tallyWrite } from '../tally/writes';

/**
 * Campaigns: the committee opens one for its school, the district union one for all its schools
 * (全区, `districtWide`); everyone reads it with its totals (one item, never a sum).
 */

export async function createCampaign(
  org: Pick<OrgItem, 'orgId' | 'districtId'>,
  body: CreateCampaignBody,
  createdBy: string,
  commit: Commit = transact,
  districtWide = false,
) {
  const campaignId = newId('c');
  const campaign = Campaign.item({ campaignId, orgId: org.orgId, districtId: org.districtId, ...body, createdBy, createdAt: new Date().toISOString(), ...(districtWide ? { districtWide: true } : {}) });
  const totals = CampaignTotals.item({ campaignId, recordedFen: 0, confirmedFen: 0, giftCount: 0, confirmedCount: 0, donorCount: 0, closesAtMs: Date.parse(body.closesAt) });
  // A school's campaign counts in its term tally (by its close); a 全区 one is counted for every
  // school of the district at read time, never per school. `closesAt` never changes (no route edits
  // a campaign): were one added, it would have to move the campaign's share with `movedTally`.
  const counted = districtWide ? [] : tallyWrite(org.orgId, body.closesAt, { 'donations.campaigns': 1 });
  await commit([put(campaign, { ConditionExpression: 'attribute_not_exists(pk)' }), put(totals), ...counted]);
  return { campaign, totals };
}

/** The counts of a totals item (the district's or a school's); zero before its first gift. */
export const countsOf = (t: Partial<CampaignTotalsView> | undefined): CampaignTotalsView => ({
  confirmedFen: t?.confirmedFen ?? 0,
  recordedFen: t?.recordedFen ?? 0,
  donorCount: t?.donorCount ?? 0,
  giftCount: t?.giftCount ?? 0,
  confirmedCount: t?.confirmedCount ?? 0,
});

/** `school`: in a district-wide campaign read by a school's member, that school's totals item (or undefined: none yet). */
export function campaignView(c: CampaignItem, t: CampaignTotalsItem | undefined, now = Date.now(), school?: { totals: CampaignSchoolTotalsItem | undefined }): CampaignView {
  return {
    campaignId: c.campaignId,
    orgId: c.orgId,
    title: c.title,
    kind: c.kind,
    description: c.description,
    closesAt: c.closesAt,
    goalFen: c.goalFen,
    state: now < Date.parse(c.closesAt) ? 'open' : 'closed',
    createdAt: c.createdAt,
    ...countsOf(t),
    ...(c.districtWide ? { districtWide: true as const } : {}),
    ...(c.districtWide && school ? { school: countsOf(school.totals) } : {}),
  };
}

/** The key of a school's totals in a district-wide campaign. */
export const schoolTotalsKey = (c: Pick<CampaignItem, 'campaignId'>, orgId: string) => CampaignSchoolTotals.key({ campaignId: c.campaignId, orgId });

/** Where gifts of the district office's staff (not a listed school) are counted in the rollup. */
export const OTHER_UNIT = '区工会机关及其他单位';

const closingLast = (a: CampaignItem, b: CampaignItem) => (a.closesAt < b.closesAt ? 1 : a.closesAt > b.closesAt ? -1 : 0);

/**
 * A school's campaigns with its district's 全区 ones, latest closing first (at most 100), each
 * with its totals (and the school's own, for a district one): two index queries and one batch read.
 */
export async function listCampaigns(org: Pick<OrgItem, 'orgId' | 'districtId'>): Promise<CampaignView[]> {
  const latest = { ScanIndexForward: false };
  const [own, district] = await Promise.all([queryAll<CampaignItem>({ ...Campaign.queryOfOrg(org.orgId), ...latest }), queryAll<CampaignItem>({ ...Campaign.queryOfDistrict(org.districtId), ...latest })]);
  const campaigns = [...own, ...district].sort(closingLast).slice(0, 100);
  const totals = await batchGet(campaigns.flatMap((c) => [CampaignTotals.key(c), ...(c.districtWide ? [schoolTotalsKey(c, org.orgId)] : [])]));
  const now = Date.now();
  return campaigns.map((c) =>
    campaignView(c, totals.get(keyId(CampaignTotals.key(c))) as CampaignTotalsItem | undefined, now, { totals: totals.get(keyId(schoolTotalsKey(c, org.orgId))) as CampaignSchoolTotalsItem | undefined }),
  );
}

/** The district union's 全区 campaigns, latest closing first (at most 100), with the district totals. */
export async function listDistrictCampaigns(districtId: string): Promise<CampaignView[]> {
  const campaigns = (await queryAll<CampaignItem>({ ...Campaign.queryOfDistrict(districtId), ScanIndexForward: false })).slice(0, 100);
  const totals = await batchGet(campaigns.map((c) => CampaignTotals.key(c)));
  const now = Date.now();
  return campaigns.map((c) => campaignView(c, totals.get(keyId(CampaignTotals.key(c))) as CampaignTotalsItem | undefined, now));
}

/**
 * Each school's counts in a district-wide campaign, and the district's: one consistent query of the
 * per-school totals (one item per school with a gift) beside the district's schools (for their
 * names, and the schools without a gift, at zero). Its cost follows the number of schools, never
 * of gifts; it holds no donor's name.
 */
export async function districtRollup(c: CampaignItem, t: CampaignTotalsItem | undefined, schools: Pick<OrgItem, 'orgId' | 'name'>[]): Promise<DistrictRollup> {
  const items = await queryAll<CampaignSchoolTotalsItem>({ ...CampaignSchoolTotals.queryOfCampaign(c.campaignId), ConsistentRead: true });
  const byOrg = new Map(items.map((i) => [i.orgId, i]));
  const names = new Map(schools.map((s) => [s.orgId, s.name]));
  // Givers outside the listed schools (the district office's own staff, a school that left) are in the sums: listed too.
  const orgIds = [...new Set([...schools.map((s) => s.orgId), ...byOrg.keys()])];
  return {
    campaign: campaignView(c, t),
    schools: orgIds.map((orgId) => ({ orgId, name: names.get(orgId) ?? OTHER_UNIT, ...countsOf(byOrg.get(orgId)) })).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
  };
}
