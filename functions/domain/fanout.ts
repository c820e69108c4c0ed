import { Fanout, type FanoutAttributes, type FanoutItem } from '../entities/fanout';
import { cancellationCodes, getItem, put, queryAll, transact, update, type TransactItem } from '../lib/db';
import { newId } from '../lib/ids';
import { logger } from '../lib/log';
import { noticeWrites, notifier, type Notice } from '../lib/notifier';
import { pauseForTests } from '../lib/testHooks';

/**
 * Notices to many members at once (an event with 300 registrants cancelled): too many for the
 * transaction of the change itself, so that transaction commits one fan-out record naming every
 * recipient, and the record is expanded afterwards. Each chunk of notices commits together with
 * the record's progress counter, under the condition that nobody advanced it meanwhile: a chunk
 * is written exactly once, however often expansion is interrupted, retried or run twice at once.
 * Pending records are listed in gsi1 and finished by `resumeFanouts` (the local stack runs it at
 * start and every few seconds; on AWS the scheduled `jobs` function does).
 */

/** Notices per expansion transaction: two items each (message, outbox entry) plus the counter. */
const CHUNK = 49;
/** Recipients per record, to stay well inside DynamoDB's 400 KB item limit. */
const RECIPIENTS_PER_RECORD = 5000;

export type FanoutNotice = Omit<Notice, 'memberId'>;

/** The writes that commit a fan-out with the change that causes it (nothing when nobody is to be told). */
export function fanoutWrites(notice: FanoutNotice, recipients: string[], at = new Date().toISOString()): { writes: TransactItem[]; fanoutIds: string[] } {
  const fanoutIds: string[] = [];
  const writes: TransactItem[] = [];
  for (let i = 0; i < recipients.length; i += RECIPIENTS_PER_RECORD) {
    const fanoutId = newId('f');
    const record: FanoutAttributes = { fanoutId, at, ...notice, recipients: recipients.slice(i, i + RECIPIENTS_PER_RECORD), done: 0 };
    writes.push(put(Fanout.item(record), { ConditionExpression: 'attribute_not_exists(pk)' }));
    fanoutIds.push(fanoutId);
  }
  return { writes, fanoutIds };
}

/** Tells every recipient not yet told, a chunk per transaction. Returns how many this call told. */
export async function expandFanout(fanoutId: string): Promise<number> {
  let told = 0;
  for (let chunks = 0; ; chunks++) {
    const f = await getItem<FanoutItem>(Fanout.key({ fanoutId }));
    if (!f || f.done >= f.recipients.length) return told;
    await pauseForTests(`fanout-after-${chunks}-chunks`);
    const next = Math.min(f.done + CHUNK, f.recipients.length);
    const notices: Notice[] = f.recipients.slice(f.done, next).map((memberId) => ({ memberId, orgId: f.orgId, kind: f.kind, title: f.title, body: f.body, link: f.link }));
    const last = next === f.recipients.length;
    try {
      await transact([
        // One id per (record, recipient): the same notice is never two messages.
        ...notices.flatMap((n, i) => noticeWrites(n, f.at, `${fanoutId}_${f.done + i}`)),
        update(Fanout.key({ fanoutId }), {
          UpdateExpression: `SET done = :next${last ? ` REMOVE ${Fanout.pendingIndexAttributes.join(', ')}` : ''}`,
          ConditionExpression: 'done = :done',
          ExpressionAttributeValues: { ':next': next, ':done': f.done },
        }),
      ]);
    } catch (err) {
      if (cancellationCodes(err)) continue; // another expander told this chunk: look again
      throw err;
    }
    told += notices.length;
    await notifier().deliver(notices);
  }
}

/** Expands right after the change committed; if that fails, the sweep finishes it, so the change still stands. */
export async function expandNow(fanoutIds: string[]): Promise<void> {
  for (const id of fanoutIds) {
    try {
      await expandFanout(id);
    } catch (err) {
      logger.warn('fan-out left for the sweep', { fanoutId: id, error: err as Error });
    }
  }
}

/** Finishes every fan-out still pending (after a crash, a timeout, a throttled chunk). */
export async function resumeFanouts(): Promise<number> {
  const pending = await queryAll<FanoutItem>(Fanout.queryPending());
  let told = 0;
  for (const f of pending) told += await expandFanout(f.fanoutId);
  return told;
}
