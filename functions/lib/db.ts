import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { config } from './config';
import { retryConflicts } from './retry';

/**
 * The one DynamoDB client. Locally the endpoint comes from AWS_ENDPOINT_URL_DYNAMODB
 * (which the SDK honours by itself); on AWS it is the regional endpoint. Same code both places.
 */
let doc: DynamoDBDocumentClient | undefined;
/** How many DynamoDB operations this process has sent (benchmarks read it). */
export const dbStats = { requests: 0 };
export function db(): DynamoDBDocumentClient {
  if (!doc) {
    doc = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 6 }), {
      marshallOptions: { removeUndefinedValues: true },
    });
    // Conflicts DynamoDB raises while a transaction holds an item are not retried by the SDK:
    // every request, reads and writes alike, goes again after a jittered wait (retry.ts).
    doc.middlewareStack.add((next) => (args) => retryConflicts(() => next(args)), { step: 'initialize', name: 'retryConflicts', priority: 'high' });
    doc.middlewareStack.add(
      (next) => async (args) => {
        dbStats.requests++;
        return next(args);
      },
      { step: 'build', name: 'countRequests' },
    );
  }
  return doc;
}

export const table = (): string => config().tableName;

export type Item = Record<string, unknown>;

export async function getItem<T = Item>(pk: string, sk: string, consistent = true): Promise<T | undefined> {
  const out = await db().send(new GetCommand({ TableName: table(), Key: { pk, sk }, ConsistentRead: consistent }));
  return out.Item as T | undefined;
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
export async function transact(items: TransactItems): Promise<void> {
  await db().send(new TransactWriteCommand({ TransactItems: items }));
}

export function isConditionFailed(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

/** For a cancelled transaction: the reason code of each action, in order. */
export function cancellationCodes(err: unknown): string[] | undefined {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return undefined;
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}
