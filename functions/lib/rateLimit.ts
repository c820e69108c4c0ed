import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailed, table } from './db';
import { rateLimited } from './errors';
import { K } from './keys';

/** A fixed-window counter in the table: more than `limit` calls per window → 429. */
export async function rateLimit(key: string, limit: number, windowSeconds: number, message?: string): Promise<void> {
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: K.rate(key, window),
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
