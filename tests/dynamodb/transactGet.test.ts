import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  PutItemCommand, type AttributeValue, ResourceNotFoundException, ScanCommand, TransactGetItemsCommand, TransactWriteItemsCommand, type TransactGetItem,
} from '@aws-sdk/client-dynamodb'
import { TransactGetCommand } from '@aws-sdk/lib-dynamodb'
import { createTable, makeClient, retryConflicts, startTestServer, type TestServer } from './helpers.js'

let t: TestServer
const TABLE = 'reads'

beforeEach(async () => {
  t = await startTestServer()
  await createTable(t.client, TABLE)
  const items: Record<string, AttributeValue>[] = [
    { pk: { S: 'a' }, n: { N: '1' } },
    { pk: { S: 'b' }, n: { N: '2' }, doc: { M: { x: { S: 'deep' }, y: { L: [{ S: 'l0' }, { S: 'l1' }] } } } },
  ]
  for (const Item of items) await t.client.send(new PutItemCommand({ TableName: TABLE, Item }))
})
afterEach(() => t.stop())

const get = (pk: string, extra: Partial<NonNullable<TransactGetItem['Get']>> = {}): TransactGetItem =>
  ({ Get: { TableName: TABLE, Key: { pk: { S: pk } }, ...extra } })

describe('TransactGetItems', () => {
  it('returns one response per Get, in order, empty for missing items', async () => {
    const { Responses } = await t.client.send(new TransactGetItemsCommand({ TransactItems: [get('b'), get('zzz'), get('a')] }))
    expect(Responses).toEqual([
      { Item: { pk: { S: 'b' }, n: { N: '2' }, doc: { M: { x: { S: 'deep' }, y: { L: [{ S: 'l0' }, { S: 'l1' }] } } } } },
      {},
      { Item: { pk: { S: 'a' }, n: { N: '1' } } },
    ])
  })

  it('supports ProjectionExpression with names and nested paths', async () => {
    const { Responses } = await t.client.send(new TransactGetItemsCommand({
      TransactItems: [get('b', { ProjectionExpression: '#d.x, #d.y[1], n', ExpressionAttributeNames: { '#d': 'doc' } })],
    }))
    expect(Responses).toEqual([{ Item: { n: { N: '2' }, doc: { M: { x: { S: 'deep' }, y: { L: [{ S: 'l1' }] } } } } }])
  })

  it('works through lib-dynamodb TransactGetCommand', async () => {
    const { Responses } = await t.doc.send(new TransactGetCommand({ TransactItems: [{ Get: { TableName: TABLE, Key: { pk: 'a' } } }] }))
    expect(Responses).toEqual([{ Item: { pk: 'a', n: 1 } }])
  })

  it('rejects duplicates, more than 100 Gets, bad projections and unknown tables', async () => {
    const send = (items: TransactGetItem[]) => t.client.send(new TransactGetItemsCommand({ TransactItems: items })).catch((e: Error) => e)
    expect(await send([get('a'), get('a')])).toMatchObject({ name: 'ValidationException', message: 'Transaction request cannot include multiple operations on one item' })
    expect(await send(Array.from({ length: 101 }, (_, i) => get(`k${i}`)))).toMatchObject({ name: 'ValidationException' })
    expect(await send([get('a', { ProjectionExpression: 'name' })])).toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/reserved keyword/) })
    expect(await send([get('a', { ProjectionExpression: 'n', ExpressionAttributeNames: { '#u': 'unused' } })])).toMatchObject({ name: 'ValidationException' })
    expect(await send([{ Get: { TableName: 'nope_table', Key: { pk: { S: 'a' } } } }])).toBeInstanceOf(ResourceNotFoundException)
    const ok = await send(Array.from({ length: 100 }, (_, i) => get(`k${i}`)))
    expect((ok as { Responses?: unknown[] }).Responses).toHaveLength(100)
  })

  it('never observes a transaction half-applied', async () => {
    // Reads and transfers on the same two items conflict (as on DynamoDB): retried, as a client must.
    const seen = { conflicts: 0 }
    const client = retryConflicts(makeClient(t.server.endpoint), seen)
    // Two accounts always summing to 100; transfers move 1 back and forth while reads run.
    await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: TABLE, Item: { pk: { S: 'x' }, bal: { N: '50' } } } },
        { Put: { TableName: TABLE, Item: { pk: { S: 'y' }, bal: { N: '50' } } } },
      ],
    }))
    const transfer = (from: string, to: string) => client.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Update: { TableName: TABLE, Key: { pk: { S: from } }, UpdateExpression: 'ADD bal :m', ExpressionAttributeValues: { ':m': { N: '-1' } } } },
        { Update: { TableName: TABLE, Key: { pk: { S: to } }, UpdateExpression: 'ADD bal :p', ExpressionAttributeValues: { ':p': { N: '1' } } } },
      ],
    }))
    const sums: number[] = []
    const read = async () => {
      const { Responses } = await client.send(new TransactGetItemsCommand({ TransactItems: [get('x'), get('y')] }))
      sums.push(Number(Responses?.[0]?.Item?.bal?.N) + Number(Responses?.[1]?.Item?.bal?.N))
    }
    // A Scan takes no item lock but reads one LevelDB snapshot: it only stays consistent if
    // every transaction is committed as a single batch.
    const scanSums: number[] = []
    const scan = async () => {
      const { Items } = await client.send(new ScanCommand({
        TableName: TABLE, FilterExpression: 'pk IN (:x, :y)', ExpressionAttributeValues: { ':x': { S: 'x' }, ':y': { S: 'y' } },
      }))
      scanSums.push((Items ?? []).reduce((sum, item) => sum + Number(item.bal?.N), 0))
    }
    // Interleaved, so that reads and writes share the SDK's socket pool and really overlap.
    await Promise.all(Array.from({ length: 180 }, (_, i) =>
      [() => transfer('x', 'y'), read, () => transfer('y', 'x'), scan][i % 4]!()))
    client.destroy()
    expect(sums).toHaveLength(45)
    expect(new Set(sums)).toEqual(new Set([100]))
    expect(new Set(scanSums)).toEqual(new Set([100]))
    expect(seen.conflicts).toBeGreaterThan(0)
  })
})
