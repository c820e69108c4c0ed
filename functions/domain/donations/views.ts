import { chinaParts } from '../../../shared/domain/chinaTime';
import type { DonationView, HonorRoll, MyDonations } from '../../../shared/schemas/donations';
import { Donation, type DonationItem } from '../../entities/donation';
import { queryAll } from '../../lib/db';

/**
 * Who sees which gifts. An anonymous donor's identity reaches only the treasurer (who confirms
 * the money), the donor, and whoever recorded the cash they handed over (who already knows it):
 *  - the honor roll (everyone of the school): confirmed gifts as name and amount only; 匿名 for
 *    the anonymous, with nothing else (no id, no time, no group) beside it;
 *  - the treasurer: every gift with its donor;
 *  - a group leader: the gifts they recorded themselves, nothing more: a list of everyone in a
 *    group who gave would also be a list of who did not;
 *  - a member: their own gifts (我的捐款).
 * Nobody gets a list of who has not given.
 */

export const ANONYMOUS = '匿名';

export const giftsOfCampaign = (campaignId: string) => queryAll<DonationItem>({ ...Donation.queryOfCampaign(campaignId), ConsistentRead: true });

/**
 * The gifts a school sees of a campaign: all of its own campaign's; of a 全区 campaign, its own
 * school's only (one query of that school's part: the honor roll is per school, so no one reads
 * another school's names, and the treasurer's list is their school's).
 */
export const giftsOfSchool = (c: { campaignId: string; districtWide?: boolean }, orgId: string) =>
  c.districtWide ? queryAll<DonationItem>({ ...Donation.queryOfSchool(c.campaignId, orgId), ConsistentRead: true }) : giftsOfCampaign(c.campaignId);

/** A gift as its giver, its recorder or the treasurer sees it. */
export function donationView(d: DonationItem): DonationView {
  return {
    donationId: d.donationId,
    campaignId: d.campaignId,
    campaignTitle: d.campaignTitle,
    memberId: d.donorId,
    name: d.donorName,
    groupId: d.groupId,
    amountFen: d.amountFen,
    anonymous: d.anonymous,
    status: d.status,
    recordedAt: d.recordedAt,
    recordedBy: d.recordedBy === d.donorId ? undefined : { memberId: d.recordedBy, name: d.recordedByName },
    confirmedAt: d.confirmedAt,
    rejectedAt: d.rejectedAt,
    rejectReason: d.rejectReason,
  };
}

/** 公示: confirmed gifts, largest first; the amounts add up to totalFen (= the campaign's confirmedFen). */
export function honorRoll(gifts: DonationItem[]): HonorRoll {
  const entries = gifts
    .filter((d) => d.status === 'confirmed')
    .map((d) => ({ name: d.anonymous ? ANONYMOUS : d.donorName, amountFen: d.amountFen }))
    // By amount then name only: an order by time or id could point at who an anonymous gift was.
    .sort((a, b) => b.amountFen - a.amountFen || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { entries, totalFen: entries.reduce((sum, e) => sum + e.amountFen, 0) };
}

/** The treasurer's list (every gift), or a group leader's (the cash they recorded), newest first. */
export function giftList(gifts: DonationItem[], viewer: { memberId: string; treasurer: boolean }): DonationView[] {
  return gifts
    .filter((d) => viewer.treasurer || d.recordedBy === viewer.memberId)
    .sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0))
    .map(donationView);
}

/** 我的捐款: my gifts, newest first, and per year (China time) what was confirmed and what counts (not rejected). */
export async function myDonations(memberId: string): Promise<MyDonations> {
  const gifts = await queryAll<DonationItem>({ ...Donation.queryOfDonor(memberId), ScanIndexForward: false });
  const years = new Map<number, { year: number; confirmedFen: number; recordedFen: number }>();
  for (const d of gifts) {
    if (d.status === 'rejected') continue;
    const year = chinaParts(d.recordedAt).year;
    const y = years.get(year) ?? { year, confirmedFen: 0, recordedFen: 0 };
    y.recordedFen += d.amountFen;
    if (d.status === 'confirmed') y.confirmedFen += d.amountFen;
    years.set(year, y);
  }
  return { donations: gifts.map(donationView), years: [...years.values()].sort((a, b) => b.year - a.year) };
}
