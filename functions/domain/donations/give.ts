import type { DonateBody } from '../../../shared/schemas/donations';
import type { CampaignItem } from '../../entities/campaign';
import { Donation, type DonationItem } from '../../entities/donation';
import { DonationRef, type DonationRefItem } from '../../entities/donationRef';
import type { DonorTallyItem } from '../../entities/donorTally';
import { Member, type MemberItem } from '../../entities/member';
import type { Actor } from '../../lib/access';
import { cancellationCodes, cancellationItems, getItem, put, transact, type Commit } from '../../lib/db';
import { conflict, forbidden, notFound } from '../../lib/errors';
import { backoffMs } from '../../lib/retry';
import { donorDelta, onTally, onTotals, schoolShare } from './conditions';

/**
 * Recording a gift: one transaction claims the id in the school, puts the gift, adds it to the
 * campaign's totals (while the campaign is open) and to its donor's tally. Whatever the network
 * does, a gift is counted once: a retry finds the claim taken by the same gift and answers with
 * that gift; another gift under a taken id is refused (409 DUPLICATE_ID) and learns nothing of it.
 */

const FAILED = 'ConditionalCheckFailed';
const pause = (attempt: number) => new Promise((r) => setTimeout(r, backoffMs(attempt + 1, { baseDelayMs: 4, maxDelayMs: 100 })));

export interface Gift {
  campaign: CampaignItem;
  donor: Pick<MemberItem, 'memberId' | 'name' | 'groupId' | 'orgId'>;
  recorder: Pick<MemberItem, 'memberId' | 'name'>;
  body: Pick<DonateBody, 'donationId' | 'amountFen' | 'anonymous'>;
}

/** The same gift as the one that took the id: a retry, not a new gift. */
const sameGift = (ref: DonationRefItem, g: Gift) =>
  ref.campaignId === g.campaign.campaignId && ref.donorId === g.donor.memberId && ref.recordedBy === g.recorder.memberId && ref.amountFen === g.body.amountFen && ref.anonymous === g.body.anonymous;

export async function recordGift(g: Gift, commit: Commit = transact): Promise<{ created: boolean; donation: DonationItem }> {
  const { campaign: c, donor, recorder, body } = g;
  // A gift belongs to its donor's school: in a district-wide campaign that is not the campaign's.
  const facts = {
    orgId: c.districtWide ? donor.orgId : c.orgId,
    donationId: body.donationId,
    campaignId: c.campaignId,
    amountFen: body.amountFen,
    anonymous: body.anonymous,
    ...(c.districtWide ? { districtWide: true } : {}),
  };
  let tallyWas = 0; // most gifts are their donor's first in the campaign; a refusal tells otherwise
  for (let attempt = 0; attempt < 10; attempt++) {
    const now = Date.now();
    const donation = Donation.item({
      ...facts,
      campaignTitle: c.title,
      donorId: donor.memberId,
      donorName: donor.name,
      groupId: donor.groupId,
      status: 'recorded',
      recordedBy: recorder.memberId,
      recordedByName: recorder.name,
      recordedAt: new Date(now).toISOString(),
    });
    const fresh = { ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const };
    const change = { recordedFen: body.amountFen, giftCount: 1, donorCount: donorDelta(1, tallyWas) };
    try {
      await commit([
        put(DonationRef.item({ ...facts, districtId: c.districtId, donorId: donor.memberId, recordedBy: recorder.memberId, closesAt: c.closesAt }), fresh),
        put(donation, fresh),
        onTotals(c.campaignId, change, now),
        onTally(c.campaignId, donor.memberId, 1, tallyWas),
        ...schoolShare(facts, change),
      ]);
      return { created: true, donation };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      const [ref, existing, , tally] = cancellationItems(err) as [DonationRefItem?, DonationItem?, unknown?, DonorTallyItem?];
      if (codes[0] === FAILED) {
        if (!ref || !sameGift(ref, g)) throw conflict('DUPLICATE_ID', '这个捐款编号已被使用，请重新提交');
        return { created: false, donation: existing ?? (await getItem<DonationItem>(Donation.key(facts)))! };
      }
      if (codes[2] === FAILED) throw conflict('CAMPAIGN_CLOSED', '本次捐款已截止');
      if (codes[3] === FAILED) tallyWas = tally?.live ?? 0; // another gift of the same donor moved the tally: decide again
      else if (!codes.includes('TransactionConflict')) throw err;
      await pause(attempt);
    }
  }
  throw conflict('CONFLICT', '捐款人数太多，请稍后再试');
}

/**
 * Whose gift a request records: the caller's own, or (with `memberId`) cash that someone of the
 * school handed to the treasurer, or to the group leader of their own group. Anyone else: 403.
 */
export async function donorFor(campaign: CampaignItem, caller: Actor, memberId: string | undefined): Promise<MemberItem> {
  if (memberId === undefined || memberId === caller.memberId) return caller.record;
  const treasurer = caller.roles.includes('treasurer');
  if (!treasurer && !caller.roles.includes('groupLeader')) throw forbidden('只能登记自己的捐款');
  const donor = await getItem<MemberItem>(Member.key({ memberId }));
  if (!donor || !donor.active) throw notFound('找不到这位会员');
  // The caller's school: the campaign's, or in a district-wide campaign their own.
  if (donor.orgId !== (campaign.districtWide ? caller.orgId : campaign.orgId)) throw forbidden('只能为本校会员登记捐款');
  if (!treasurer && donor.groupId !== caller.groupId) throw forbidden('小组长只能为本组会员登记现金捐款');
  return donor;
}
