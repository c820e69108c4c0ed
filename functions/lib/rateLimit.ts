import { RateWindow } from '../entities/rateWindow';
import { isConditionFailed, update, writeOne } from './db';
import { rateLimited } from './errors';

/**
 * How often one openid, and one source address, may try to sign in or bind. A source address is
 * generous: a whole school may sit behind one staff-room Wi-Fi. Nothing else is limited by the
 * app (a rush of sign-ups, a treasurer's bulk work): API Gateway's stage throttling is the net.
 */
export const LIMITS = {
  loginPerOpenid: { limit: 20, windowSeconds: 60 },
  loginPerAddress: { limit: 600, windowSeconds: 600 },
  bindPerOpenid: { limit: 10, windowSeconds: 600 },
  bindPerAddress: { limit: 200, windowSeconds: 600 },
} as const;

/** A fixed-window counter in the table: more than `limit` calls per window of what `subject` names → 429 with Retry-After. */
export async function rateLimit(subject: { action: string; who: string }, { limit, windowSeconds }: { limit: number; windowSeconds: number }, message?: string): Promise<void> {
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
    if (isConditionFailed(err)) throw rateLimited(message, Math.max(1, (window + 1) * windowSeconds - Math.floor(Date.now() / 1000)));
    throw err;
  }
}
