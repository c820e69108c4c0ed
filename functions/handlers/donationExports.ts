import { CampaignTotals, type CampaignTotalsItem } from '../entities/campaignTotals';
import { campaignView } from '../domain/donations/campaigns';
import '../domain/donations/scope';
import { giftList, giftsOfCampaign } from '../domain/donations/views';
import { donationsWorkbook } from '../domain/donations/xlsx';
import { groupNames, listGroups } from '../domain/orgs';
import { defineApi } from '../lib/http';

/** The treasurer's ledger as .xlsx: its own function, so gifts don't load the spreadsheet library. */
export const handler = defineApi({
  'GET /campaigns/{campaignId}/donations.xlsx': [
    async ({ resource: c, actor, loaded }) => {
      const [gifts, groups] = await Promise.all([giftsOfCampaign(c.campaignId), listGroups(c.orgId)]);
      const names = groupNames(groups);
      const view = campaignView(c, loaded<CampaignTotalsItem>(CampaignTotals.key(c)));
      const bytes = await donationsWorkbook(view, giftList(gifts, { memberId: actor.memberId, treasurer: true }), (g) => names.get(g) ?? '');
      return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${c.title}-捐款明细.xlsx` } };
    },
    { preload: (p) => [CampaignTotals.key({ campaignId: p.campaignId! })] },
  ],
});
