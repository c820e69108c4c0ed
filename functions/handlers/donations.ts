import { NoBody } from '../../shared/schemas/common';
import { BulkConfirmBody, CreateCampaignBody, DonateBody, RejectBody } from '../../shared/schemas/donations';
import { CampaignTotals, type CampaignTotalsItem } from '../entities/campaignTotals';
import { Donation, type DonationItem } from '../entities/donation';
import { keyId } from '../entities/key';
import type { CampaignSchoolTotalsItem } from '../entities/campaignSchoolTotals';
import { campaignView, createCampaign, listCampaigns, schoolTotalsKey } from '../domain/donations/campaigns';
import { donorFor, recordGift } from '../domain/donations/give';
import '../domain/donations/scope';
import { confirmGift, giftFacts, rejectGift } from '../domain/donations/treasurer';
import { donationView, giftList, giftsOfSchool, honorRoll, myDonations } from '../domain/donations/views';
import '../domain/orgs';
import { batchGet, getItem } from '../lib/db';
import { AppError } from '../lib/errors';
import { created, defineApi, ok } from '../lib/http';

/** 一日捐: campaigns, gifts, the treasurer's confirmations, the honor roll (公示) and 我的捐款. */

export const handler = defineApi({
  'POST /orgs/{orgId}/campaigns': async ({ resource, actor, body, committer }) => {
    const input = body(CreateCampaignBody);
    const { campaign, totals } = await createCampaign(resource, input, actor.memberId, committer({ title: input.title }));
    return created(campaignView(campaign, totals));
  },

  /** 全区: the district union opens a campaign for every school of the district (same body). */
  'POST /districts/{districtId}/campaigns': async ({ resource: district, actor, body, committer }) => {
    const input = body(CreateCampaignBody);
    const { campaign, totals } = await createCampaign({ orgId: actor.orgId, districtId: district.districtId }, input, actor.memberId, committer({ title: input.title, districtWide: true }), true);
    return created(campaignView(campaign, totals));
  },

  'GET /orgs/{orgId}/campaigns': async ({ resource }) => ok({ campaigns: await listCampaigns(resource) }),

  /** The campaign and its totals item, read with the member in the request's one read (and a 全区 one's school totals). */
  'GET /campaigns/{campaignId}': [
    async ({ resource, actor, loaded }) => {
      const totals = loaded<CampaignTotalsItem>(CampaignTotals.key(resource));
      const school = resource.districtWide ? { totals: await getItem<CampaignSchoolTotalsItem>(schoolTotalsKey(resource, actor.orgId)) } : undefined;
      return ok(campaignView(resource, totals, Date.now(), school));
    },
    { preload: (p) => [CampaignTotals.key({ campaignId: p.campaignId! })] },
  ],

  'POST /campaigns/{campaignId}/donations': async ({ resource: campaign, actor, body, commit }) => {
    const input = body(DonateBody);
    const donor = await donorFor(campaign, actor, input.memberId);
    // Cash recorded for someone else is an officer's act, traced; an anonymous donor stays unnamed even there.
    const forSomeone = donor.memberId !== actor.memberId;
    const detail = forSomeone ? { campaignId: campaign.campaignId, amountFen: input.amountFen, ...(input.anonymous ? { anonymous: true } : { memberId: donor.memberId }) } : undefined;
    const { created: isNew, donation } = await recordGift({ campaign, donor, recorder: actor.record, body: input }, (writes) => commit(writes, detail));
    return { status: isNew ? 201 : 200, body: donationView(donation) };
  },

  /** The treasurer's full list; a group leader's list of the cash they recorded. */
  'GET /campaigns/{campaignId}/donations': async ({ resource, actor }) =>
    ok({ donations: giftList(await giftsOfSchool(resource, actor.orgId), { memberId: actor.memberId, treasurer: actor.roles.includes('treasurer') }) }),

  /** Extension: confirms a selection, each gift in its own transaction, with a result per gift. */
  'POST /campaigns/{campaignId}/donations/confirm': async ({ resource, actor, body, committer }) => {
    const { donationIds } = body(BulkConfirmBody);
    const commit = committer({ campaignId: resource.campaignId, donationIds });
    // In a 全区 campaign the treasurer's school is part of the key: another school's gift is not found here.
    const keyOf = (donationId: string) => Donation.key({ campaignId: resource.campaignId, donationId, orgId: actor.orgId, districtWide: resource.districtWide });
    const found = await batchGet(donationIds.map(keyOf));
    const results = [];
    for (const donationId of donationIds) {
      const gift = found.get(keyId(keyOf(donationId))) as DonationItem | undefined;
      if (!gift) {
        results.push({ donationId, error: { code: 'NOT_FOUND', message: '本次捐款中没有这笔捐款' } });
        continue;
      }
      try {
        // The campaign (read with the caller) gives the term its confirmed fen join.
        results.push({ donationId, status: (await confirmGift({ ...gift, closesAt: resource.closesAt }, commit)).status });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({ donationId, status: gift.status, error: { code: err.code, message: err.message } });
      }
    }
    await commit([]); // the request is traced even when no gift changed
    return ok({ results });
  },

  /** 公示: of a 全区 campaign, the reader's school's gifts (per school; the district's sum is on the campaign). */
  'GET /campaigns/{campaignId}/honor-roll': async ({ resource, actor }) => ok(honorRoll(await giftsOfSchool(resource, actor.orgId))),

  'POST /donations/{donationId}/confirm': async ({ resource: ref, body, committer }) => {
    body(NoBody);
    const { status } = await confirmGift(await giftFacts(ref), committer({ campaignId: ref.campaignId, amountFen: ref.amountFen }));
    return ok({ status });
  },

  /** Extension: the gift leaves every total; its giver reads the reason in 我的捐款. */
  'POST /donations/{donationId}/reject': async ({ resource: ref, body, committer }) => {
    const { reason } = body(RejectBody);
    const { status } = await rejectGift(await giftFacts(ref), reason, committer({ campaignId: ref.campaignId, amountFen: ref.amountFen, reason }));
    return ok({ status });
  },

  'GET /me/donations': async ({ actor }) => ok(await myDonations(actor.memberId)),
});
