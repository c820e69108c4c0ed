import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { config } from './config';
import { keyId, type TableKey } from '../entities/key';
import { retryConflicts } from './retry';

/**
 * The one DynamoDB client. Locally the endpoint comes from AWS_ENDPOINT_URL_DYNAMODB
 * (which the SDK honours by itself); on AWS it is the regional endpoint. Same code both places.
 */
let doc: DynamoDBDocumentClient | undefined;
/** Requests whose sender handles conflicts itself (it decides afresh instead of resending a stale request). */
const handlesConflicts = new WeakSet<object>();
/** How many DynamoDB operations this process has sent, and the items they read back (benchmarks read it). */
export const dbStats = { requests: 0, itemsRead: 0 };
function itemsIn(output: unknown): number {
  const o = output as { Item?: unknown; Items?: unknown[]; Responses?: unknown[] | Record<string, unknown[]> } | undefined;
  if (!o) return 0;
  const responses = Array.isArray(o.Responses) ? o.Responses.length : o.Responses ? Object.values(o.Responses).reduce((n, r) => n + r.length, 0) : 0;
  return (o.Item ? 1 : 0) + (o.Items?.length ?? 0) + responses;
}
export function db(): DynamoDBDocumentClient {
  if (!doc) {
    doc = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 6 }), {
      marshallOptions: { removeUndefinedValues: true },
    });
    // Conflicts DynamoDB raises while a transaction holds an item are not retried by the SDK:
    // every request, reads and writes alike, goes again after a jittered wait (retry.ts).
    doc.middlewareStack.add((next) => (args) => (handlesConflicts.has(args.input as object) ? next(args) : retryConflicts(() => next(args))), {
      step: 'initialize',
      name: 'retryConflicts',
      priority: 'high',
    });
    doc.middlewareStack.add(
      (next) => async (args) => {
        dbStats.requests++;
        const out = await next(args);
        dbStats.itemsRead += itemsIn(out.output);
        return out;
      },
      { step: 'build', name: 'countRequests' },
    );
  }
  return doc;
}

export const table = (): string => config().tableName;

export type Item = Record<string, unknown>;

export async function getItem<T = Item>(key: TableKey, consistent = true): Promise<T | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: { pk: key.pk, sk: key.sk }, ConsistentRead: consistent }));
  return out.Item as T | undefined;
}

/**
 * Reads many items by key, consistently, 100 a request, asking again for what DynamoDB hands
 * back unprocessed. The result is found by `keyId(key)`; a missing item is simply absent.
 */
export async function batchGet(keys: TableKey[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((k) => [keyId(k), { pk: k.pk, sk: k.sk }])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, unknown>[] | undefined = unique.slice(i, i + 100);
    for (let attempt = 0; request && request.length; attempt++) {
      if (attempt > 8) throw new Error('batchGet: keys stayed unprocessed');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const out = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: request, ConsistentRead: true } } }));
      for (const item of out.Responses?.[table()] ?? []) found.set(keyId(item as TableKey), item);
      request = out.UnprocessedKeys?.[table()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}

/**
 * Items listed through the index, read again by key (consistently): the index may lag a write by a
 * moment, the table does not. In the order given; an item deleted meanwhile is dropped.
 */
export async function refresh<T extends TableKey>(items: T[]): Promise<T[]> {
  const found = await batchGet(items);
  return items.flatMap((i) => {
    const now = found.get(keyId(i));
    return now ? [now as unknown as T] : [];
  });
}

/** Every page of a query (callers bound their own result sizes by key design). */
export async function queryAll<T = Item>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new QueryCommand({ ...input, TableName: table(), ExclusiveStartKey }));
    items.push(...((out.Items ?? []) as T[]));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** One page of a query: the first `Limit` items (newest first with ScanIndexForward: false). */
export async function queryPage<T = Item>(input: Omit<QueryCommandInput, 'TableName'> & { Limit: number }): Promise<T[]> {
  const out = await db().send(new QueryCommand({ ...input, TableName: table() }));
  return (out.Items ?? []) as T[];
}

/** Puts many items, 25 a request, retrying what DynamoDB hands back unprocessed. */
export async function batchPut(items: object[], parallel = 4): Promise<void> {
  const chunks: object[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 8) throw new Error('batchPut: items stayed unprocessed');
        const out = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: requests } }));
        requests = (out.UnprocessedItems?.[table()] ?? []) as typeof requests;
        if (requests.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, chunks.length) }, worker));
}

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
export type TransactItem = TransactItems[number];
export interface TransactOptions {
  /**
   * false: a conflict comes straight back to the caller (TransactionCanceledException with reason
   * TransactionConflict), for a command that builds its writes afresh rather than resend stale ones.
   */
  retryConflicts?: boolean;
}

/** Commits writes together or not at all. An empty list commits nothing. */
export async function transact(items: TransactItems, options: TransactOptions = {}): Promise<void> {
  if (items.length === 0) return;
  const input = { TransactItems: items };
  if (options.retryConflicts === false) handlesConflicts.add(input);
  await db().send(new TransactWriteCommand(input));
}

/** One write on its own, outside any transaction (a transaction of one costs twice as much). */
export async function writeOne(action: TransactItem): Promise<void> {
  if (action.Put) await db().send(new PutCommand(action.Put));
  else if (action.Update) await db().send(new UpdateCommand(action.Update));
  else if (action.Delete) await db().send(new DeleteCommand(action.Delete));
  else throw new Error('writeOne: a Put, Update or Delete');
}

/** A command's writes go through a Commit: plain `transact`, or the request's, which adds its audit entry. */
export type Commit = (items: TransactItem[], options?: TransactOptions) => Promise<void>;

type PutAction = NonNullable<TransactItem['Put']>;
type UpdateAction = NonNullable<TransactItem['Update']>;
type DeleteAction = NonNullable<TransactItem['Delete']>;
/** The write actions of a transaction, with the table filled in. */
export const put = (Item: object, extra: Omit<PutAction, 'TableName' | 'Item'> = {}): TransactItem => ({ Put: { TableName: table(), Item: Item as Item, ...extra } });
export const update = (key: TableKey, expression: Omit<UpdateAction, 'TableName' | 'Key'>): TransactItem => ({ Update: { TableName: table(), Key: { pk: key.pk, sk: key.sk }, ...expression } });
export const remove = (key: TableKey, extra: Omit<DeleteAction, 'TableName' | 'Key'> = {}): TransactItem => ({ Delete: { TableName: table(), Key: { pk: key.pk, sk: key.sk }, ...extra } });

export function isConditionFailed(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

/** For a cancelled transaction: the reason code of each action, in order. */
export function cancellationCodes(err: unknown): string[] | undefined {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return undefined;
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}

/**
 * For a cancelled transaction: each action's item as it stood when its condition failed (actions
 * sent with ReturnValuesOnConditionCheckFailure ALL_OLD), so the caller can decide again without
 * reading. Undefined for actions whose condition held, or that sent no such request.
 */
export function cancellationItems(err: unknown): (Item | undefined)[] {
  const reasons = (err as { CancellationReasons?: { Item?: Record<string, never> }[] }).CancellationReasons ?? [];
  return reasons.map((r) => (r.Item ? unmarshall(r.Item) : undefined));
}
