import { RateWindow } from '../entities/rateWindow';
import { isConditionFailed, update, writeOne } from './db';
import { rateLimited } from './errors';

/** A fixed-window counter in the table: more than `limit` calls per window of what `subject` names → 429. */
export async function rateLimit(subject: { action: string; who: string }, limit: number, windowSeconds: number, message?: string): Promise<void> {
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  try {
    await writeOne(
      update(RateWindow.key({ ...subject, window }), {
        UpdateExpression: 'ADD hits :one SET #ttl = :exp',
        ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':exp': (window + 2) * windowSeconds },
      }),
    );
  } catch (err) {
    if (isConditionFailed(err)) throw rateLimited(message);
    throw err;
  }
}
