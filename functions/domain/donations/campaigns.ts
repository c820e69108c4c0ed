import type { CampaignView, CreateCampaignBody } from '../../../shared/schemas/donations';
import { Campaign, type CampaignItem } from '../../entities/campaign';
import { CampaignTotals, type CampaignTotalsItem } from '../../entities/campaignTotals';
import { keyId } from '../../entities/key';
import type { OrgItem } from '../../entities/org';
import { batchGet, put, queryAll, transact, type Commit } from '../../lib/db';
import { newId } from '../../lib/ids';

/** Campaigns: the committee opens one; everyone reads it with its totals (one item, never a sum). */

export async function createCampaign(org: Pick<OrgItem, 'orgId' | 'districtId'>, body: CreateCampaignBody, createdBy: string, commit: Commit = transact) {
  const campaignId = newId('c');
  const campaign = Campaign.item({ campaignId, orgId: org.orgId, districtId: org.districtId, ...body, createdBy, createdAt: new Date().toISOString() });
  const totals = CampaignTotals.item({ campaignId, recordedFen: 0, confirmedFen: 0, giftCount: 0, confirmedCount: 0, donorCount: 0, closesAtMs: Date.parse(body.closesAt) });
  await commit([put(campaign, { ConditionExpression: 'attribute_not_exists(pk)' }), put(totals)]);
  return { campaign, totals };
}

export function campaignView(c: CampaignItem, t: CampaignTotalsItem | undefined, now = Date.now()): CampaignView {
  return {
    campaignId: c.campaignId,
    orgId: c.orgId,
    title: c.title,
    kind: c.kind,
    description: c.description,
    closesAt: c.closesAt,
    goalFen: c.goalFen,
    state: now < Date.parse(c.closesAt) ? 'open' : 'closed',
    createdAt: c.createdAt,
    confirmedFen: t?.confirmedFen ?? 0,
    recordedFen: t?.recordedFen ?? 0,
    donorCount: t?.donorCount ?? 0,
    giftCount: t?.giftCount ?? 0,
    confirmedCount: t?.confirmedCount ?? 0,
  };
}

/** A school's campaigns, latest closing first (at most 100), each with its totals: two reads. */
export async function listCampaigns(orgId: string): Promise<CampaignView[]> {
  const campaigns = (await queryAll<CampaignItem>({ ...Campaign.queryOfOrg(orgId), ScanIndexForward: false })).slice(0, 100);
  const totals = await batchGet(campaigns.map((c) => CampaignTotals.key(c)));
  return campaigns.map((c) => campaignView(c, totals.get(keyId(CampaignTotals.key(c))) as CampaignTotalsItem | undefined));
}
