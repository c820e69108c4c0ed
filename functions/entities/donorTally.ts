import { compose, type TableKey } from './key';
import { Campaign } from './campaign';

/**
 * How many live (not rejected) gifts one member has in a campaign. The transactions that add or
 * reject a gift change it under a condition, so the campaign's donorCount moves exactly when a
 * member's first gift arrives or their last is rejected. Internal: never listed or shown (a list
 * of who gave is also a list of who did not).
 */
export interface DonorTallyAttributes {
  campaignId: string;
  memberId: string;
  live: number;
}
export type DonorTallyItem = TableKey & { type: 'donorTally' } & Omit<DonorTallyAttributes, 'campaignId'>;

export const DonorTally = {
  key: ({ campaignId, memberId }: Pick<DonorTallyAttributes, 'campaignId' | 'memberId'>): TableKey => ({ pk: Campaign.partition(campaignId), sk: compose('DONOR', memberId) }),
};
