import { chinaDateTime } from '../../../shared/domain/chinaTime';
import { ProposalDue, type ProposalDueItem } from '../../entities/proposalDue';
import { cancellationCodes, queryAll, transact, update } from '../../lib/db';
import { noticeWrites } from '../../lib/notifier';
import { dueNotice } from './notices';

/**
 * Reminders to the office's contact: one when the deadline is near (within REMIND_BEFORE_MS), one
 * when it has passed. The scheduled job reads the deadlines of a few days around today (gsi1, by
 * China-time day); each reminder commits with its marker on the deadline item, under the
 * condition that the marker is not set and the item still exists (not answered): exactly once,
 * however often the job runs, and never after the answer.
 */
export const REMIND_BEFORE_MS = 3 * 86_400_000;
/** Days back a passed deadline is still looked at (a job that was down catches up), and ahead. */
const DAYS_BACK = 7;
const DAYS_AHEAD = 4;

function daysAround(now: number): string[] {
  const days: string[] = [];
  for (let d = -DAYS_BACK; d <= DAYS_AHEAD; d++) days.push(chinaDateTime(now + d * 86_400_000).date);
  return days;
}

type Marker = 'remindedBefore' | 'remindedPassed';

/** Which reminder a deadline needs now, if any. */
export function reminderDue(d: Pick<ProposalDueItem, 'dueAt' | 'remindedBefore' | 'remindedPassed'>, now: number): Marker | undefined {
  const due = Date.parse(d.dueAt);
  if (now >= due) return d.remindedPassed ? undefined : 'remindedPassed';
  if (due - now <= REMIND_BEFORE_MS && !d.remindedBefore) return 'remindedBefore';
  return undefined;
}

export async function sendDueReminders(now = Date.now()): Promise<number> {
  let sent = 0;
  for (const day of daysAround(now)) {
    for (const d of await queryAll<ProposalDueItem>(ProposalDue.queryOfDay(day))) {
      const marker = reminderDue(d, now);
      if (!marker) continue;
      const at = new Date(now).toISOString();
      try {
        await transact([
          update(ProposalDue.key(d), {
            UpdateExpression: 'SET #m = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#m)',
            ExpressionAttributeNames: { '#m': marker },
            ExpressionAttributeValues: { ':at': at },
          }),
          // One id per (deadline, reminder): the same reminder is never two messages.
          ...noticeWrites(dueNotice(d, marker === 'remindedPassed'), at, `${d.proposalId}_${marker}_${Date.parse(d.dueAt)}`),
        ]);
        sent++;
      } catch (err) {
        if (!cancellationCodes(err)) throw err; // already sent by another run, or answered meanwhile
      }
    }
  }
  return sent;
}
