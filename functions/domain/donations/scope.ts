import { Campaign, type CampaignItem } from '../../entities/campaign';
import { DonationRef, type DonationRefItem } from '../../entities/donationRef';
import { registerScope } from '../../lib/scopes';

/**
 * Routes on `/campaigns/{campaignId}` act on the campaign's school and receive the campaign.
 * Routes on `/donations/{donationId}` receive the claim on that id (see DonationRef), which names
 * the gift's school.
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
  key: (p) => (p.donationId ? DonationRef.key({ donationId: p.donationId }) : undefined),
  resolve: (item) => (item.type === 'donationRef' ? { orgId: item.orgId as string, districtId: item.districtId as string, resource: item as unknown as DonationRefItem } : undefined),
});
