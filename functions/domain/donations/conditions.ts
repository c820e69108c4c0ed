import { CampaignSchoolTotals } from '../../entities/campaignSchoolTotals';
import { CampaignTotals } from '../../entities/campaignTotals';
import { DonorTally } from '../../entities/donorTally';
import { update, type TransactItem } from '../../lib/db';

/**
 * The writes every gift, confirmation and rejection makes on a campaign's counters. Each gift's
 * own write carries its rule (a new id, a status it may leave); these keep the totals item and the
 * donor tallies moving with it, in the same transaction, so they always equal a recount.
 */

export interface TotalsChange {
  recordedFen?: number;
  confirmedFen?: number;
  giftCount?: number;
  confirmedCount?: number;
  donorCount?: number;
}

/** Adds to the campaign's totals; `openAt` also requires the campaign to take gifts at that moment. */
export function onTotals(campaignId: string, change: TotalsChange, openAt?: number): TransactItem {
  const fields = Object.entries(change).filter(([, by]) => by !== undefined && by !== 0) as [string, number][];
  const values: Record<string, unknown> = Object.fromEntries(fields.map(([f, by]) => [`:${f}`, by]));
  if (openAt !== undefined) values[':now'] = openAt;
  return update(CampaignTotals.key({ campaignId }), {
    UpdateExpression: `ADD ${fields.map(([f]) => `${f} :${f}`).join(', ')}`,
    // A totals item that is not there fails the condition instead of appearing.
    ConditionExpression: openAt !== undefined ? 'attribute_exists(pk) AND closesAtMs > :now' : 'attribute_exists(pk)',
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
}

/**
 * One more (+1) or one fewer (−1) live gift of a member. `was` is how many the command believes
 * there are: the write holds only if that is still so as far as it matters (none or some before
 * adding; exactly one or more before taking away), so the donorCount change decided from it is
 * right. A refusal hands back the tally as it is.
 */
export function onTally(campaignId: string, memberId: string, by: 1 | -1, was: number): TransactItem {
  const [ConditionExpression, values] =
    by === 1
      ? was === 0
        ? ['attribute_not_exists(live) OR live = :zero', { ':zero': 0 }]
        : ['live > :zero', { ':zero': 0 }]
      : was === 1
        ? ['live = :one', { ':one': 1 }]
        : ['live > :one', { ':one': 1 }];
  return update(DonorTally.key({ campaignId, memberId }), {
    UpdateExpression: 'ADD live :by SET #type = :type',
    ConditionExpression,
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ...values, ':by': by, ':type': 'donorTally' },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
}

/** Whether a tally change from `was` makes (or loses) a donor. */
export const donorDelta = (by: 1 | -1, was: number): number => (by === 1 ? (was === 0 ? 1 : 0) : was === 1 ? -1 : 0);

const SCHOOL_COUNTERS = ['recordedFen', 'confirmedFen', 'giftCount', 'confirmedCount', 'donorCount'] as const;

/**
 * In a district-wide campaign, the same change on the gift's school's totals (made on its first
 * gift). It carries no condition: the district's totals item beside it in the transaction does
 * (open, existing), so the two always move together.
 */
export function onSchoolTotals(campaignId: string, orgId: string, change: TotalsChange): TransactItem {
  // Every counter, zero included: the item appears with the school's first gift, with all five.
  const fields = SCHOOL_COUNTERS.map((f) => [f, change[f] ?? 0] as const);
  const values: Record<string, unknown> = Object.fromEntries(fields.map(([f, by]) => [`:${f}`, by]));
  return update(CampaignSchoolTotals.key({ campaignId, orgId }), {
    UpdateExpression: `ADD ${fields.map(([f]) => `${f} :${f}`).join(', ')} SET #type = :type, orgId = :org`,
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ...values, ':type': 'campaignSchoolTotals', ':org': orgId },
  });
}

/** The school-totals write of a gift's change, when its campaign is district-wide (none otherwise). */
export const schoolShare = (g: { campaignId: string; orgId?: string; districtWide?: boolean }, change: TotalsChange): TransactItem[] =>
  g.districtWide && g.orgId ? [onSchoolTotals(g.campaignId, g.orgId, change)] : [];
