import { compose, type TableKey } from './key';
import { Campaign } from './campaign';

/**
 * One school's running totals in a district-wide campaign, in the campaign's partition beside the
 * district's (CampaignTotals): the same transaction that moves the district total moves it, so
 * every school's totals add up to the district's. The district's rollup is one query of these
 * items (one per school that has a gift), never a read of the gifts. Counts only: no name.
 */
export interface CampaignSchoolTotalsAttributes {
  campaignId: string;
  orgId: string;
  recordedFen: number;
  confirmedFen: number;
  giftCount: number;
  confirmedCount: number;
  donorCount: number;
}
export type CampaignSchoolTotalsItem = TableKey & { type: 'campaignSchoolTotals' } & Omit<CampaignSchoolTotalsAttributes, 'campaignId'>;

const PREFIX = 'SCHOOL';
export const CampaignSchoolTotals = {
  key: ({ campaignId, orgId }: Pick<CampaignSchoolTotalsAttributes, 'campaignId' | 'orgId'>): TableKey => ({ pk: Campaign.partition(campaignId), sk: compose(PREFIX, orgId) }),
  queryOfCampaign: (campaignId: string) => Campaign.queryPart(campaignId, compose(PREFIX, '')),
};
