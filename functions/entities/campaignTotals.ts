import type { TableKey } from './key';
import { Campaign } from './campaign';

/**
 * A campaign's running totals, in one item that the transaction of every gift, confirmation and
 * rejection updates, so a campaign read is this one item (never a sum at read time) and its
 * condition carries the deadline. Rejected gifts count nowhere.
 */
export interface CampaignTotalsAttributes {
  campaignId: string;
  /** Every gift not rejected, confirmed or not; and the confirmed ones. */
  recordedFen: number;
  confirmedFen: number;
  giftCount: number;
  confirmedCount: number;
  /** Distinct members with a gift not rejected (see DonorTally). */
  donorCount: number;
  closesAtMs: number;
}
export type CampaignTotalsItem = TableKey & { type: 'campaignTotals' } & Omit<CampaignTotalsAttributes, 'campaignId'>;

export const CampaignTotals = {
  key: ({ campaignId }: Pick<CampaignTotalsAttributes, 'campaignId'>): TableKey => ({ pk: Campaign.partition(campaignId), sk: 'TOTALS' }),
  item: ({ campaignId, ...a }: CampaignTotalsAttributes): CampaignTotalsItem => ({ ...a, ...CampaignTotals.key({ campaignId }), type: 'campaignTotals' }),
};
