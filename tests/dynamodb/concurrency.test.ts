/**
 * Many requests racing on a few items. The emulator raises conflicts as DynamoDB does instead of
 * queueing them, so these clients retry conflicts as a real client must (helpers.retryConflicts);
 * the tests check that every conflict left nothing behind (no oversell, no lost update) and that
 * conflicts did happen, so the retries were exercised.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ConditionalCheckFailedException, DeleteItemCommand, GetItemCommand, PutItemCommand, ScanCommand,
  TransactWriteItemsCommand, UpdateItemCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb'
import { S, N, createTable, makeClient, reasonCodes, retryConflicts, startTestServer, type TestServer } from './helpers.js'

let t: TestServer
/** Retries conflicts; `seen.conflicts` counts them. */
let client: DynamoDBClient
let seen: { conflicts: number }
const TABLE = 'events'

beforeEach(async () => {
  t = await startTestServer()
  await createTable(t.client, TABLE, { gsi: true })
  seen = { conflicts: 0 }
  client = retryConflicts(makeClient(t.server.endpoint), seen)
})
afterEach(async () => {
  client.destroy()
  await t.stop()
})

const names = { '#cap': 'capacity', '#taken': 'taken' }

async function counter(pk: string) {
  const { Item } = await t.client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: S(pk) }, ConsistentRead: true }))
  return Item
}

async function signupsIn(group: string): Promise<number> {
  let count = 0
  let ExclusiveStartKey: Record<string, never> | undefined
  do {
    const page = await t.client.send(new ScanCommand({
      TableName: TABLE, FilterExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' },
      ExpressionAttributeValues: { ':g': S(group) }, ExclusiveStartKey,
    }))
    count += page.Count ?? 0
    ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey
  } while (ExclusiveStartKey)
  return count
}

/** One sign-up: take a seat on the event counter and record the sign-up, atomically. */
function signUp(event: string, who: string) {
  return client.send(new TransactWriteItemsCommand({
    TransactItems: [
      {
        Update: {
          TableName: TABLE, Key: { pk: S(event) },
          UpdateExpression: 'SET #taken = #taken + :one', ConditionExpression: '#taken < #cap',
          ExpressionAttributeNames: names, ExpressionAttributeValues: { ':one': N(1) },
        },
      },
      {
        Put: {
          TableName: TABLE, Item: { pk: S(`${event}#${who}`), group: S(event) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
  })).then(() => 'ok' as const, (err: unknown) => {
    // The only refusal once conflicts are retried: the seats are gone.
    if (JSON.stringify(reasonCodes(err)) === '["ConditionalCheckFailed","None"]') return 'full' as const
    throw err
  })
}

describe('no oversell under concurrency', () => {
  it('300 concurrent sign-ups for 100 seats: exactly 100 succeed', async () => {
    await t.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S('ev1'), capacity: N(100), taken: N(0) } }))
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => signUp('ev1', `user${i}`)))

    expect(seen.conflicts).toBeGreaterThan(0)
    expect(results.filter((r) => r === 'ok')).toHaveLength(100)
    expect((await counter('ev1'))?.taken).toEqual(N(100))
    expect(await signupsIn('ev1')).toBe(100)
  })

  it('mixed with plain UpdateItem / PutItem / DeleteItem on the same items, nothing is lost or oversold', async () => {
    await t.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S('ev2'), capacity: N(120), taken: N(0), views: N(0) } }))
    // Several clients (connection pools) to get more requests truly in flight at once.
    const clients = Array.from({ length: 4 }, () => retryConflicts(makeClient(t.server.endpoint), seen))
    const clientFor = (i: number) => clients[i % clients.length]!

    const tasks: Promise<string>[] = []
    for (let i = 0; i < 300; i++) {
      tasks.push(signUp('ev2', `user${i}`))
      // Walk-in seats taken without a transaction.
      if (i % 3 === 0) {
        tasks.push(clientFor(i).send(new UpdateItemCommand({
          TableName: TABLE, Key: { pk: S('ev2') },
          UpdateExpression: 'SET #taken = #taken + :one', ConditionExpression: '#taken < #cap',
          ExpressionAttributeNames: names, ExpressionAttributeValues: { ':one': N(1) },
        })).then(() => 'walk-in', (err: unknown) => {
          if (err instanceof ConditionalCheckFailedException) return 'walk-in-full'
          throw err
        }))
      }
      // An unrelated counter on the same item: a transaction writing a stale copy would lose these.
      tasks.push(clientFor(i).send(new UpdateItemCommand({
        TableName: TABLE, Key: { pk: S('ev2') }, UpdateExpression: 'ADD #views :one',
        ExpressionAttributeNames: { '#views': 'views' }, ExpressionAttributeValues: { ':one': N(1) },
      })).then(() => 'view'))
      // Someone racing to sign up user7 by hand, then removing their own record.
      if (i === 150) {
        tasks.push(clientFor(i).send(new PutItemCommand({
          TableName: TABLE, Item: { pk: S('ev2#squatter'), group: S('elsewhere') }, ConditionExpression: 'attribute_not_exists(pk)',
        })).then(() => clientFor(i).send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: S('ev2#squatter') } }))).then(() => 'other'))
      }
    }
    const results = await Promise.all(tasks)
    for (const c of clients) c.destroy()

    const signups = results.filter((r) => r === 'ok').length
    const walkIns = results.filter((r) => r === 'walk-in').length
    expect(seen.conflicts).toBeGreaterThan(0)
    const item = await counter('ev2')
    expect(item?.taken).toEqual(N(120))
    expect(signups + walkIns).toBe(120)
    expect(await signupsIn('ev2')).toBe(signups)
    expect(item?.views).toEqual(N(300))
  })

  it('transactions over overlapping item sets in opposite orders conflict, never deadlock, and lose no increment', async () => {
    const keys = ['d1', 'd2', 'd3', 'd4']
    await Promise.all(keys.map((k) => t.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S(k), n: N(0) } }))))
    const bump = (order: string[]) => client.send(new TransactWriteItemsCommand({
      TransactItems: order.map((k) => ({
        Update: { TableName: TABLE, Key: { pk: S(k) }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': N(1) } },
      })),
    }))
    const orders = [keys, [...keys].reverse(), ['d3', 'd1', 'd4', 'd2'], ['d2', 'd4']]
    await Promise.all(Array.from({ length: 200 }, (_, i) => bump(orders[i % orders.length]!)))
    const counts = await Promise.all(keys.map(async (k) => Number((await counter(k))?.n?.N)))
    expect(counts).toEqual([150, 200, 150, 200])
    expect(seen.conflicts).toBeGreaterThan(0)
  })
})
