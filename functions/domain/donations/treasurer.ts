import { Campaign, type CampaignItem } from '../../entities/campaign';
import { Donation, type DonationItem } from '../../entities/donation';
import { cancellationCodes, cancellationItems, getItem, transact, update, type Commit, type TransactItem } from '../../lib/db';
import { AppError, conflict, notFound } from '../../lib/errors';
import { backoffMs } from '../../lib/retry';
import { tallyWrite } from '../tally/writes';
import { donorDelta, onTally, onTotals, schoolShare } from './conditions';
import type { DonorTallyItem } from '../../entities/donorTally';

/**
 * The treasurer's commands: confirm that a gift arrived, or reject it with a reason its giver
 * reads. Each is one transaction: the gift's status change, whose condition says from which status
 * it may move, and the totals (and, on rejection, the donor tally) moving with it. Doing either
 * twice changes nothing; the attempt is still recorded in the audit log.
 */

/**
 * What a status change needs to know of a gift: the facts that never change. `orgId` is the gift's
 * school (the campaign's, or in a 全区 campaign the donor's), whose term tally its confirmed fen
 * join; `closesAt` the campaign's close, which places them in a term.
 */
export type GiftFacts = Pick<DonationItem, 'campaignId' | 'donationId' | 'donorId' | 'amountFen' | 'orgId'> & Partial<Pick<DonationItem, 'districtWide'>> & Pick<CampaignItem, 'closesAt'>;
type Status = DonationItem['status'];

/**
 * A gift's facts from its claim (or its payment order), which carry the campaign's close since the
 * term tallies: no read. A claim older than that reads the campaign once, by key.
 */
export async function giftFacts(ref: Pick<DonationItem, 'campaignId' | 'donationId' | 'donorId' | 'amountFen' | 'orgId'> & { districtWide?: boolean; closesAt?: string }): Promise<GiftFacts> {
  const closesAt = ref.closesAt ?? (await getItem<CampaignItem>(Campaign.key(ref)))?.closesAt;
  if (!closesAt) throw notFound('找不到这笔捐款所属的募捐');
  return { campaignId: ref.campaignId, donationId: ref.donationId, donorId: ref.donorId, amountFen: ref.amountFen, orgId: ref.orgId, closesAt, ...(ref.districtWide ? { districtWide: true } : {}) };
}

/**
 * The gift's school's term tally moved by the confirmed fen a change makes (none when it makes
 * none). No condition of its own: the gift's status condition beside it guards the change.
 */
export const confirmedTally = (g: Pick<GiftFacts, 'orgId' | 'closesAt'>, fen: number): TransactItem[] => tallyWrite(g.orgId, g.closesAt, { 'donations.confirmedFen': fen });

const FAILED = 'ConditionalCheckFailed';
const pause = (attempt: number) => new Promise((r) => setTimeout(r, backoffMs(attempt + 1, { baseDelayMs: 4, maxDelayMs: 100 })));

/** The gift's status from `from` to `to` under that condition; a refusal hands the gift back as it is. */
function move(g: GiftFacts, from: Status, to: 'confirmed' | 'rejected', now: string, reason?: string): TransactItem {
  return update(Donation.key(g), {
    UpdateExpression: to === 'confirmed' ? 'SET #st = :to, confirmedAt = :now' : 'SET #st = :to, rejectedAt = :now, rejectReason = :reason',
    ConditionExpression: '#st = :from',
    ExpressionAttributeNames: { '#st': 'status' },
    ExpressionAttributeValues: { ':to': to, ':from': from, ':now': now, ...(reason === undefined ? {} : { ':reason': reason }) },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
}

/** Confirms a recorded gift: it now counts in confirmedFen. Already confirmed → no change. */
export async function confirmGift(g: GiftFacts, commit: Commit = transact): Promise<{ status: 'confirmed'; changed: boolean }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const change = { confirmedFen: g.amountFen, confirmedCount: 1 };
      await commit([move(g, 'recorded', 'confirmed', new Date().toISOString()), onTotals(g.campaignId, change), ...schoolShare(g, change), ...confirmedTally(g, change.confirmedFen)]);
      return { status: 'confirmed', changed: true };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (codes?.[0] !== FAILED) {
        if (codes?.includes('TransactionConflict')) {
          await pause(attempt); // met another transaction halfway: again
          continue;
        }
        throw err;
      }
      const [now] = cancellationItems(err) as [DonationItem?];
      if (now?.status === 'confirmed') {
        await commit([]); // nothing changes; the attempt is still recorded
        return { status: 'confirmed', changed: false };
      }
      if (now?.status === 'rejected') throw conflict('CONFLICT', '这笔捐款已退回，不能再确认');
      throw err;
    }
  }
  throw conflict('CONFLICT', '这笔捐款刚刚被改动，请刷新后再试');
}

/**
 * Rejects a gift, recorded or confirmed (a confirmation made by mistake is taken back this way):
 * it leaves every total, and its donor leaves donorCount with their last live gift. The command
 * starts from the likely state (recorded, the donor's only gift) and, refused, decides again on
 * what the refusal handed back. Already rejected → no change (the first reason stays).
 */
export async function rejectGift(g: GiftFacts, reason: string, commit: Commit = transact): Promise<{ status: 'rejected'; changed: boolean }> {
  let was: Status = 'recorded';
  let tallyWas = 1;
  for (let attempt = 0; attempt < 10; attempt++) {
    const confirmed = was === 'confirmed';
    const change = { recordedFen: -g.amountFen, giftCount: -1, confirmedFen: confirmed ? -g.amountFen : 0, confirmedCount: confirmed ? -1 : 0, donorCount: donorDelta(-1, tallyWas) };
    try {
      await commit([
        move(g, was, 'rejected', new Date().toISOString(), reason),
        onTotals(g.campaignId, change),
        onTally(g.campaignId, g.donorId, -1, tallyWas),
        ...schoolShare(g, change),
        ...confirmedTally(g, change.confirmedFen),
      ]);
      return { status: 'rejected', changed: true };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes?.some((c) => c === FAILED || c === 'TransactionConflict')) throw err;
      const [now, , tally] = cancellationItems(err) as [DonationItem?, unknown?, DonorTallyItem?];
      if (codes[0] === FAILED) {
        if (!now) throw err;
        if (now.status === 'rejected') {
          await commit([]);
          return { status: 'rejected', changed: false };
        }
        was = now.status;
      }
      if (codes[2] === FAILED) tallyWas = tally?.live ?? 0;
      if (tallyWas < 1) throw new AppError(500, 'INTERNAL', '捐款记录与统计不一致'); // a live gift always has its tally
      await pause(attempt);
    }
  }
  throw conflict('CONFLICT', '这笔捐款刚刚被改动，请刷新后再试');
}
