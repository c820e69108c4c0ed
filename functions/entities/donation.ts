import { compose, inIndex, msPart, type IndexKey, type TableKey } from './key';
import { Campaign } from './campaign';

/**
 * One gift, in its campaign's partition (the honor roll and the treasurer's list read it
 * consistently there), listed per donor through gsi1 (我的捐款). Its id was made by the client
 * and is unique within the school: DonationRef claims it.
 */
export interface DonationAttributes {
  campaignId: string;
  donationId: string;
  orgId: string;
  campaignTitle: string;
  donorId: string;
  /** The donor's name when they gave: the honor roll prints it, unless anonymous. */
  donorName: string;
  groupId: string;
  amountFen: number;
  anonymous: boolean;
  status: 'recorded' | 'confirmed' | 'rejected';
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
  confirmedAt?: string;
  rejectedAt?: string;
  rejectReason?: string;
  /** In a district-wide campaign: `orgId` (the donor's school) is part of the key, so a school's gifts are one query. */
  districtWide?: boolean;
}
export type DonationItem = TableKey & IndexKey & { type: 'donation' } & DonationAttributes;

const PREFIX = 'GIFT';
export const Donation = {
  key: ({ campaignId, donationId, orgId, districtWide }: Pick<DonationAttributes, 'campaignId' | 'donationId'> & Partial<Pick<DonationAttributes, 'orgId' | 'districtWide'>>): TableKey => ({
    pk: Campaign.partition(campaignId),
    sk: districtWide ? compose(PREFIX, orgId!, donationId) : compose(PREFIX, donationId),
  }),
  /** A donor's gifts, by when they were recorded. */
  byDonor: {
    pk: ({ donorId }: Pick<DonationAttributes, 'donorId'>) => compose('MEMBER', donorId, 'GIFTS'),
    sk: ({ recordedAt, donationId }: Pick<DonationAttributes, 'recordedAt' | 'donationId'>) => compose(msPart(recordedAt), donationId),
  },
  item: (a: DonationAttributes): DonationItem => ({ ...a, ...Donation.key(a), gsi1pk: Donation.byDonor.pk(a), gsi1sk: Donation.byDonor.sk(a), type: 'donation' }),
  queryOfCampaign: (campaignId: string) => Campaign.queryPart(campaignId, compose(PREFIX, '')),
  /** One school's gifts in a district-wide campaign. */
  queryOfSchool: (campaignId: string, orgId: string) => Campaign.queryPart(campaignId, compose(PREFIX, orgId, '')),
  queryOfDonor: (donorId: string) => inIndex(Donation.byDonor.pk({ donorId })),
};
