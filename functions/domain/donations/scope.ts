import { Campaign, type CampaignItem } from '../../entities/campaign';
import { DonationRef, type DonationRefItem } from '../../entities/donationRef';
import { registerScope } from '../../lib/scopes';

/**
 * Routes on `/campaigns/{campaignId}` act on the campaign's school and receive the campaign.
 * Routes on `/donations/{donationId}` receive the school's claim on that id: donation ids are made
 * by the client and unique only within a school (see DonationRef), so the id is looked for in the
 * caller's own school; from another school it names nothing.
 */
declare module '../../lib/scopes' {
  interface ScopeResources {
    campaign: CampaignItem;
    donation: DonationRefItem;
  }
}

registerScope('campaign', {
  key: (p) => (p.campaignId ? Campaign.key({ campaignId: p.campaignId }) : undefined),
  resolve: (item) => (item.type === 'campaign' ? { orgId: item.orgId as string, districtId: item.districtId as string, resource: item as unknown as CampaignItem } : undefined),
});

registerScope('donation', {
  inCallersSchool: true,
  key: (p, school) => (p.donationId && school ? DonationRef.key({ orgId: school, donationId: p.donationId }) : undefined),
  resolve: (item) => (item.type === 'donationRef' ? { orgId: item.orgId as string, districtId: item.districtId as string, resource: item as unknown as DonationRefItem } : undefined),
});
