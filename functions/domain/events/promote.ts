import { canPromote } from '../../../shared/domain/events';
import type { EventItem } from '../../entities/event';
import { Registration } from '../../entities/registration';
import { Seats, type SeatsItem } from '../../entities/seats';
import { WaitEntry } from '../../entities/waitEntry';
import { cancellationCodes, getItem, remove, transact, update } from '../../lib/db';
import { notifier, noticeWrites } from '../../lib/notifier';
import { and, bucketChange, fits, onSeats } from './conditions';
import { promotedNotice } from './notices';
import { waitlistHead } from './records';
import { shareMove } from './share';


/**
 * Seats free while someone waits: either the head's party doesn't fit yet, or a promotion was
 * interrupted (a crash between a cancellation and the promotion after it). Every read and write of
 * the event checks this on the counters it already has, and only then looks at the head.
 */
export const mayPromote = (s: SeatsItem | undefined) => Boolean(s && !s.cancelled && s.waitingCount > 0 && s.confirmedSeats < s.capacity);

/** Promotes whoever fits, if the counters say someone might; true when anyone moved up. */
export async function promoteIfStuck(e: EventItem, s: SeatsItem | undefined): Promise<boolean> {
  return mayPromote(s) && (await promote(e)) > 0;
}

/**
 * Moves the head of the waitlist up while their seats fit, strictly in order (nobody behind skips
 * a head that doesn't fit yet). Each move is one transaction with the member's notice.
 */
export async function promote(e: EventItem): Promise<number> {
  let promoted = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const entry = await waitlistHead(e.eventId);
    if (!entry) return promoted;
    const s = (await getItem<SeatsItem>(Seats.key({ eventId: e.eventId })))!;
    if (s.cancelled || !canPromote(s, entry.seats)) return promoted;
    const waitKey = WaitEntry.waitKeyOf(entry.sk);
    const now = new Date().toISOString();
    const notice = promotedNotice(e, entry.memberId);
    // One more member confirmed: the event's share of the term tally moves with the seats.
    const share = shareMove(e, s, { members: 1 });
    try {
      await transact([
        onSeats(e.eventId, `ADD ${['confirmedSeats :s', 'waitingCount :minus', ...share.adds].join(', ')}`, and(fits(s.capacity, entry.seats), share.condition), { ':s': entry.seats, ':minus': -1, ...share.values }),
        // The seats added above are the seats read from this entry: changed meanwhile, look again.
        remove(WaitEntry.key({ eventId: e.eventId, waitKey }), {
          ConditionExpression: 'attribute_exists(pk) AND #seats = :s',
          ExpressionAttributeNames: { '#seats': 'seats' },
          ExpressionAttributeValues: { ':s': entry.seats },
        }),
        bucketChange(e.eventId, waitKey, -1),
        update(Registration.key({ eventId: e.eventId, memberId: entry.memberId }), {
          UpdateExpression: 'SET #st = :confirmed, promotedAt = :now REMOVE waitKey',
          ConditionExpression: '#st = :waitlisted AND waitKey = :key',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':confirmed': 'confirmed', ':waitlisted': 'waitlisted', ':key': waitKey, ':now': now },
        }),
        ...noticeWrites(notice, now),
        ...share.tally,
      ]);
      promoted++;
      await notifier().deliver([notice]);
    } catch (err) {
      if (!cancellationCodes(err)) throw err; // another promoter moved this head: look again
    }
  }
  return promoted;
}
