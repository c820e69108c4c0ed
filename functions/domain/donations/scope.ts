import { Campaign, type CampaignItem } from '../../entities/campaign';
import { DonationRef, type DonationRefItem } from '../../entities/donationRef';
import { itemOfType, registerScope } from '../../lib/scopes';

/**
 * Routes on `/campaigns/{campaignId}` act on the campaign's school and receive the campaign; on a
 * district-wide one, on the caller's school's part of it (its gifts are keyed by school).
 * Routes on `/donations/{donationId}` receive the claim on that id (see DonationRef), which names
 * the gift's school.
 */
declare module '../../lib/scopes' {
  interface ScopeResources {
    campaign: CampaignItem;
    donation: DonationRefItem;
  }
}

const campaignOfItem = itemOfType<CampaignItem>('campaign');
registerScope('campaign', {
  key: (p) => (p.campaignId ? Campaign.key({ campaignId: p.campaignId }) : undefined),
  // A 全区 campaign belongs to every school of its district (see policy.ts).
  resolve: (item) => {
    const found = campaignOfItem(item);
    return found?.resource.districtWide ? { ...found, districtWide: true } : found;
  },
});

registerScope('donation', {
  key: (p) => (p.donationId ? DonationRef.key({ donationId: p.donationId }) : undefined),
  resolve: itemOfType<DonationRefItem>('donationRef'),
});
