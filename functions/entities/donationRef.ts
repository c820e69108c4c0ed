import { compose, type TableKey } from './key';

/**
 * The claim on a client-made donation id, and where its gift is. Ids are made by phones (random,
 * 8–64 characters), and this key makes them unique: the second use of an id is the same gift
 * (same campaign, donor, recorder, amount, anonymity: a retry) or it is refused with
 * DUPLICATE_ID, and it never reveals the first. `/donations/{donationId}` routes find the gift,
 * and its school, through this claim: a treasurer of another school gets 403, as for any other
 * school's data. Written once with its gift; never changed: it holds the facts of the gift that
 * never change (its status lives on the Donation).
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
  /** The gift's campaign is district-wide: `orgId` is the donor's school and part of the gift's key. */
  districtWide?: boolean;
  /**
   * The campaign's closing time (it never changes: no route edits a campaign), which places the
   * gift in a school term: a confirmation moves the term tally with no read of the campaign.
   * Absent on claims written before the term tallies; those read the campaign.
   */
  closesAt?: string;
}
export type DonationRefItem = TableKey & { type: 'donationRef' } & DonationRefAttributes;

export const DonationRef = {
  key: ({ donationId }: Pick<DonationRefAttributes, 'donationId'>): TableKey => ({ pk: compose('GIFT', donationId), sk: 'REF' }),
  item: (a: DonationRefAttributes): DonationRefItem => ({ ...a, ...DonationRef.key(a), type: 'donationRef' }),
};
