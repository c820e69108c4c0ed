/**
 * How keys are made. Every item type has its own module in this folder, listing its attributes
 * and composing its keys from named parts with `compose`; no key string is built anywhere else
 * (tests/build/keys.test.ts fails when one is). Queries get their key conditions from the same
 * modules, so a key's shape is written once.
 */

/** The table's primary key. */
export interface TableKey {
  pk: string;
  sk: string;
}
/** The one global secondary index's key. */
export interface IndexKey {
  gsi1pk: string;
  gsi1sk: string;
}

/** Joins named parts into a key value: compose('EVENT', eventId) → "EVENT#e…". */
export const compose = (...parts: (string | number)[]): string => parts.join('#');

/** A time as a fixed-width sortable key part: milliseconds since 1970, 15 digits. */
export const msPart = (time: string | number): string => String(typeof time === 'number' ? time : Date.parse(time)).padStart(15, '0');

/** The key condition for a whole partition, or the items of a partition whose sort key starts with `prefix`. */
export function inPartition(pk: string, prefix?: string) {
  return prefix === undefined
    ? { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } as Record<string, unknown> }
    : { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix } as Record<string, unknown> };
}

/** The key condition for a partition of gsi1, optionally narrowed to sort keys starting with `prefix`. */
export function inIndex(gsi1pk: string, prefix?: string) {
  return {
    IndexName: 'gsi1',
    ...(prefix === undefined
      ? { KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': gsi1pk } as Record<string, unknown> }
      : { KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)', ExpressionAttributeValues: { ':pk': gsi1pk, ':prefix': prefix } as Record<string, unknown> }),
  };
}

/** The sort keys of a partition between two bounds, both included. */
export function inRange(pk: string, lo: string, hi: string) {
  return { KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi', ExpressionAttributeValues: { ':pk': pk, ':lo': lo, ':hi': hi } as Record<string, unknown> };
}

/** "pk|sk": how a loaded item is found again among a batch. */
export const keyId = (k: TableKey): string => `${k.pk}|${k.sk}`;

/** The key condition for a partition of gsi1 whose sort keys lie between two bounds, both included. */
export function inIndexRange(gsi1pk: string, lo: string, hi: string) {
  return {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :lo AND :hi',
    ExpressionAttributeValues: { ':pk': gsi1pk, ':lo': lo, ':hi': hi } as Record<string, unknown>,
  };
}

/** The key condition for a gsi1 partition whose sort keys are `msPart(time)#id`, for times from `startMs` to `endMs`, both included. */
export const inIndexTimes = (gsi1pk: string, startMs: number, endMs: number) => inIndexRange(gsi1pk, compose(msPart(startMs), ''), compose(msPart(endMs), '~'));
