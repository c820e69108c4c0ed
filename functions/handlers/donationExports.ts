import { CampaignTotals, type CampaignTotalsItem } from '../entities/campaignTotals';
import type { CampaignSchoolTotalsItem } from '../entities/campaignSchoolTotals';
import { campaignView, schoolTotalsKey } from '../domain/donations/campaigns';
import '../domain/donations/scope';
import { giftList, giftsOfSchool } from '../domain/donations/views';
import { donationsWorkbook } from '../domain/donations/xlsx';
import { groupNames, listGroups } from '../domain/orgs';
import { keyId } from '../entities/key';
import { batchGet } from '../lib/db';
import { defineApi } from '../lib/http';

/** The treasurer's ledger as .xlsx: its own function, so gifts don't load the spreadsheet library. */
export const handler = defineApi({
  'GET /campaigns/{campaignId}/donations.xlsx': [
    async ({ resource: c, actor, loaded }) => {
      // The treasurer's school: of a 全区 campaign, its gifts and its totals only.
      const [gifts, groups] = await Promise.all([giftsOfSchool(c, actor.orgId), listGroups(actor.orgId)]);
      const names = groupNames(groups);
      const schoolKey = schoolTotalsKey(c, actor.orgId);
      const school = c.districtWide ? { totals: (await batchGet([schoolKey])).get(keyId(schoolKey)) as CampaignSchoolTotalsItem | undefined } : undefined;
      const view = campaignView(c, loaded<CampaignTotalsItem>(CampaignTotals.key(c)), Date.now(), school);
      const bytes = await donationsWorkbook({ ...view, ...view.school }, giftList(gifts, { memberId: actor.memberId, treasurer: true }), (g) => names.get(g) ?? '');
      return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${c.title}-捐款明细.xlsx` } };
    },
    { preload: (p) => [CampaignTotals.key({ campaignId: p.campaignId! })] },
  ],
});
