import type { CampaignKind } from '../../shared/schemas/donations';
import { compose, inIndex, inIndexTimes, inPartition, msPart, type IndexKey, type TableKey } from './key';

/**
 * A donation drive of a school (一日捐, 助学, 赈灾…). Its partition also holds its totals, its
 * gifts and a tally per donor (campaignTotals.ts, donation.ts, donorTally.ts), so the honor roll
 * and a recount are one consistent query. Listed per school through gsi1, by closing time.
 */
export interface CampaignAttributes {
  campaignId: string;
  orgId: string;
  districtId: string;
  title: string;
  kind: CampaignKind;
  description?: string;
  closesAt: string;
  goalFen?: number;
  createdBy: string;
  createdAt: string;
  /**
   * 全区: opened by the district union for every school of the district (博爱一日捐). Its `orgId`
   * is the district office's; its gifts carry their donor's school (see Donation), and each school
   * has its totals beside the district's (CampaignSchoolTotals). Listed per district, not per school.
   */
  districtWide?: boolean;
}
export type CampaignItem = TableKey & IndexKey & { type: 'campaign' } & CampaignAttributes;

export const Campaign = {
  partition: (campaignId: string) => compose('CAMPAIGN', campaignId),
  key: ({ campaignId }: Pick<CampaignAttributes, 'campaignId'>): TableKey => ({ pk: Campaign.partition(campaignId), sk: 'META' }),
  /** Campaigns of a school, by closing time. */
  byOrg: {
    pk: ({ orgId }: Pick<CampaignAttributes, 'orgId'>) => compose('ORG', orgId, 'CAMPAIGNS'),
    sk: ({ closesAt, campaignId }: Pick<CampaignAttributes, 'closesAt' | 'campaignId'>) => compose(msPart(closesAt), campaignId),
  },
  /** District-wide campaigns of a district, by closing time: every school's list merges them in. */
  byDistrict: {
    pk: ({ districtId }: Pick<CampaignAttributes, 'districtId'>) => compose('DIST', districtId, 'CAMPAIGNS'),
  },
  item: (a: CampaignAttributes): CampaignItem => ({
    ...a,
    ...Campaign.key(a),
    gsi1pk: a.districtWide ? Campaign.byDistrict.pk(a) : Campaign.byOrg.pk(a),
    gsi1sk: Campaign.byOrg.sk(a),
    type: 'campaign',
  }),
  queryOfOrg: (orgId: string) => inIndex(Campaign.byOrg.pk({ orgId })),
  /** Those of a school closing from `startMs` to `endMs`, both included (the term report). */
  queryOfOrgBetween: (orgId: string, startMs: number, endMs: number) => inIndexTimes(Campaign.byOrg.pk({ orgId }), startMs, endMs),
  queryOfDistrict: (districtId: string) => inIndex(Campaign.byDistrict.pk({ districtId })),
  /** The district's campaigns closing from `startMs` to `endMs`, both included (the term report, the district's rollup). */
  queryOfDistrictBetween: (districtId: string, startMs: number, endMs: number) => inIndexTimes(Campaign.byDistrict.pk({ districtId }), startMs, endMs),
  /** What sorts under `prefix` in the campaign's partition (see the item modules). */
  queryPart: (campaignId: string, prefix: string) => inPartition(Campaign.partition(campaignId), prefix),
};
