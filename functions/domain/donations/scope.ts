import { Campaign, type CampaignItem } from '../../entities/campaign';
import { DonationRef, type DonationRefItem } from '../../entities/donationRef';
import { itemOfType, registerScope } from '../../lib/scopes';

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
  resolve: itemOfType<CampaignItem>('campaign'),
});

registerScope('donation', {
  key: (p) => (p.donationId ? DonationRef.key({ donationId: p.donationId }) : undefined),
  resolve: itemOfType<DonationRefItem>('donationRef'),
});
