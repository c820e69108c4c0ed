import { compose, type TableKey } from './key';

/**
 * A school's claim on a client-made donation id, and where its gift is. Donation ids are made by
 * phones, so they are unique only where this key makes them so: within one school. Two schools
 * may use the same id without ever meeting; within a school the second use of an id is the same
 * gift (same campaign, donor, recorder, amount, anonymity: a retry) or it is refused, and it
 * never reveals the first. The treasurer's `/donations/{donationId}` routes find the gift through
 * this claim in the treasurer's own school. Written once with its gift; never changed: it holds
 * the facts of the gift that never change (its status lives on the Donation).
 */
export interface DonationRefAttributes {
  orgId: string;
  districtId: string;
  donationId: string;
  campaignId: string;
  donorId: string;
  recordedBy: string;
  amountFen: number;
  anonymous: boolean;
}
export type DonationRefItem = TableKey & { type: 'donationRef' } & DonationRefAttributes;

export const DonationRef = {
  key: ({ orgId, donationId }: Pick<DonationRefAttributes, 'orgId' | 'donationId'>): TableKey => ({ pk: compose('ORG', orgId, 'GIFT', donationId), sk: 'REF' }),
  item: (a: DonationRefAttributes): DonationRefItem => ({ ...a, ...DonationRef.key(a), type: 'donationRef' }),
};
