import type { CampaignItem } from '../entities/campaign';
import { Campaign } from '../entities/campaign';
import { CampaignTotals, type CampaignTotalsItem } from '../entities/campaignTotals';
import { districtRollup, listDistrictCampaigns } from '../domain/donations/campaigns';
import { listOrgsOfDistrict } from '../domain/orgs';
import { districtReport, termOfQuery } from '../domain/tally/district';
import { notFound } from '../lib/errors';
import { defineApi, ok } from '../lib/http';

/** The district union (区教育工会): the schools it looks after, and its 全区 campaigns' totals per school. */
export const handler = defineApi({
  'GET /districts/{districtId}/orgs': async ({ resource: district }) => {
    const orgs = await listOrgsOfDistrict(district.districtId);
    return ok({
      districtId: district.districtId,
      name: district.name ?? '',
      orgs: orgs.map((o) => ({ orgId: o.orgId, name: o.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    });
  },

  'GET /districts/{districtId}/campaigns': async ({ resource: district }) => ok({ campaigns: await listDistrictCampaigns(district.districtId) }),

  /** Each school's totals and donor count, and the district's: counts only, never a donor's name. */
  'GET /districts/{districtId}/campaigns/{campaignId}/schools': [
    async ({ resource: district, params, loaded }) => {
      const campaign = loaded<CampaignItem>(Campaign.key({ campaignId: params.campaignId! }));
      if (!campaign || !campaign.districtWide || campaign.districtId !== district.districtId) throw notFound('找不到这次全区捐款');
      const schools = await listOrgsOfDistrict(district.districtId);
      return ok(await districtRollup(campaign, loaded<CampaignTotalsItem>(CampaignTotals.key(campaign)), schools));
    },
    { preload: (p) => [Campaign.key({ campaignId: p.campaignId! }), CampaignTotals.key({ campaignId: p.campaignId! })] },
  ],

  /** 区级汇总: every school's term figures side by side, from the schools' term tallies (cost grows with the schools, not the records). */
  'GET /districts/{districtId}/report': async ({ resource: district, query }) => ok(await districtReport(district.districtId, termOfQuery(query.term))),
});
