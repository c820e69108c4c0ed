/**
 * Conflicts as DynamoDB raises them, instead of waiting: each race is made deterministic by
 * holding one operation at a pause point (local/dynamodb/holds.ts) while another request meets
 * its items. Each of these tests would hang or pass the other way on a waiting emulator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BatchWriteItemCommand, DeleteItemCommand, GetItemCommand, PutItemCommand, QueryCommand,
  TransactGetItemsCommand, TransactionCanceledException, TransactWriteItemsCommand, UpdateItemCommand,
  type DynamoDBClient, type TransactWriteItem,
} from '@aws-sdk/client-dynamodb'
import { S, N, createTable, gate, startTestServer, type Gate, type TestServer } from './helpers.js'

const TABLE = 'items'

let t: TestServer
let client: DynamoDBClient
const holds = { transactWrite: gate(), singleWrite: gate() }

beforeEach(async () => {
  t = await startTestServer({ holds: { transactWrite: holds.transactWrite.hook, singleWrite: holds.singleWrite.hook } })
  client = t.client
  await createTable(client, TABLE, { gsi: true })
  for (const pk of ['a', 'b', 'c']) await client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S(pk), group: S('g'), n: N(1) } }))
})
afterEach(async () => {
  for (const g of Object.values(holds)) g.release()
  await t.stop()
})

async function item(pk: string) {
  return (await client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: S(pk) }, ConsistentRead: true }))).Item
}

async function groupMembers(): Promise<Record<string, string>> {
  const { Items = [] } = await client.send(new QueryCommand({
    TableName: TABLE, IndexName: 'byGroup', KeyConditionExpression: '#g = :g',
    ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': S('g') },
  }))
  return Object.fromEntries(Items.map((i) => [i.pk?.S as string, i.n?.N as string]))
}

const bump = (pk: string, by = 1): TransactWriteItem => ({
  Update: { TableName: TABLE, Key: { pk: S(pk) }, UpdateExpression: 'ADD n :by', ExpressionAttributeValues: { ':by': N(by) } },
})

function transact(items: TransactWriteItem[], ClientRequestToken?: string) {
  return client.send(new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken }))
}

/** Starts `send` and resolves once it is held at `at`, with the promise of its outcome. */
async function heldAt<T>(at: Gate, send: () => Promise<T>): Promise<{ done: Promise<T> }> {
  const held = at.holdNext()
  const done = send()
  done.catch(() => {}) // awaited by the test later
  await held
  return { done }
}

async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  const err = await promise.then(() => undefined, (e: unknown) => e)
  expect(err).toBeInstanceOf(Error)
  return err as Error & { $metadata: { httpStatusCode?: number } }
}

async function canceled(promise: Promise<unknown>): Promise<TransactionCanceledException> {
  const err = await rejection(promise)
  expect(err).toBeInstanceOf(TransactionCanceledException)
  return err as TransactionCanceledException
}

const conflict = { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }

describe('a single-item write meeting an in-flight transaction', () => {
  it('fails with TransactionConflictException and changes nothing (item and index)', async () => {
    const tx = await heldAt(holds.transactWrite, () => transact([bump('a', 10), bump('b', 10)]))

    const writes = [
      client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S('a'), group: S('g'), n: N(99) } })),
      client.send(new UpdateItemCommand({ TableName: TABLE, Key: { pk: S('b') }, UpdateExpression: 'SET n = :v', ExpressionAttributeValues: { ':v': N(99) } })),
      client.send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: S('a') } })),
    ]
    for (const write of writes) {
      const err = await rejection(write)
      expect(err.name).toBe('TransactionConflictException')
      expect(err.message).toBe('Transaction is ongoing for the item')
      expect(err.$metadata.httpStatusCode).toBe(400)
    }
    // Reads do not conflict: they see the last committed state.
    expect(await item('a')).toEqual({ pk: S('a'), group: S('g'), n: N(1) })
    expect(await groupMembers()).toEqual({ a: '1', b: '1', c: '1' })

    holds.transactWrite.release()
    await tx.done
    expect(await groupMembers()).toEqual({ a: '11', b: '11', c: '1' })
  })

  it('answers the exact wire error', async () => {
    const tx = await heldAt(holds.transactWrite, () => transact([bump('a')]))
    const res = await fetch(t.server.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.PutItem',
        'x-amz-date': '20260101T000000Z',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=x',
      },
      body: JSON.stringify({ TableName: TABLE, Item: { pk: S('a') } }),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionConflictException',
      message: 'Transaction is ongoing for the item',
    })
    holds.transactWrite.release()
    await tx.done
  })

  it('does not touch other items', async () => {
    const tx = await heldAt(holds.transactWrite, () => transact([bump('a')]))
    await client.send(new UpdateItemCommand({ TableName: TABLE, Key: { pk: S('c') }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': N(1) } }))
    expect((await item('c'))?.n).toEqual(N(2))
    holds.transactWrite.release()
    await tx.done
  })
})

describe('two transactions on one item', () => {
  it('the second is cancelled with TransactionConflict at that item only; the first commits', async () => {
    const first = await heldAt(holds.transactWrite, () => transact([bump('a', 10), bump('b', 10)]))

    const err = await canceled(transact([
      { Put: { TableName: TABLE, Item: { pk: S('new'), group: S('g'), n: N(5) } } },
      bump('b', 100),
      { ConditionCheck: { TableName: TABLE, Key: { pk: S('c') }, ConditionExpression: 'attribute_exists(pk)' } },
    ]))
    expect(err.CancellationReasons).toEqual([{ Code: 'None' }, conflict, { Code: 'None' }])
    expect(err.message).toBe('Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict, None]')
    expect(err.$metadata.httpStatusCode).toBe(400)
    expect(await item('new')).toBeUndefined()

    holds.transactWrite.release()
    await first.done
    expect(await groupMembers()).toEqual({ a: '11', b: '11', c: '1' })
  })

  it('a ConditionCheck on a held item conflicts too', async () => {
    const first = await heldAt(holds.transactWrite, () => transact([bump('a')]))
    const err = await canceled(transact([
      bump('c'),
      { ConditionCheck: { TableName: TABLE, Key: { pk: S('a') }, ConditionExpression: 'attribute_exists(pk)' } },
    ]))
    expect(err.CancellationReasons).toEqual([{ Code: 'None' }, conflict])
    holds.transactWrite.release()
    await first.done
    expect(await groupMembers()).toEqual({ a: '2', b: '1', c: '1' })
  })

  it('a transaction on other items commits meanwhile', async () => {
    const first = await heldAt(holds.transactWrite, () => transact([bump('a')]))
    await transact([bump('b'), bump('c')])
    expect(await groupMembers()).toEqual({ a: '1', b: '2', c: '2' })
    holds.transactWrite.release()
    await first.done
    expect(await groupMembers()).toEqual({ a: '2', b: '2', c: '2' })
  })

  it('a cancelled transaction leaves its ClientRequestToken unused', async () => {
    const first = await heldAt(holds.transactWrite, () => transact([bump('a')]))
    await canceled(transact([bump('a', 5)], 'token-conflict'))
    holds.transactWrite.release()
    await first.done
    await transact([bump('a', 5)], 'token-conflict')
    await transact([bump('a', 5)], 'token-conflict') // a replay: applied once
    expect((await item('a'))?.n).toEqual(N(7))
  })
})

describe('transactions meeting an in-flight single-item write', () => {
  it('TransactWriteItems and TransactGetItems are cancelled; the write completes', async () => {
    const put = await heldAt(holds.singleWrite, () =>
      client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S('b'), group: S('g'), n: N(50) } })))

    const write = await canceled(transact([bump('a'), bump('b')]))
    expect(write.CancellationReasons).toEqual([{ Code: 'None' }, conflict])
    const read = await canceled(client.send(new TransactGetItemsCommand({
      TransactItems: ['b', 'c'].map((pk) => ({ Get: { TableName: TABLE, Key: { pk: S(pk) } } })),
    })))
    expect(read.CancellationReasons).toEqual([conflict, { Code: 'None' }])

    holds.singleWrite.release()
    await put.done
    expect(await groupMembers()).toEqual({ a: '1', b: '50', c: '1' })
  })
})

describe('TransactGetItems', () => {
  it('is cancelled by an in-flight transaction on one of its items; GetItem is not', async () => {
    const tx = await heldAt(holds.transactWrite, () => transact([bump('a')]))
    const err = await canceled(client.send(new TransactGetItemsCommand({
      TransactItems: ['a', 'b'].map((pk) => ({ Get: { TableName: TABLE, Key: { pk: S(pk) } } })),
    })))
    expect(err.CancellationReasons).toEqual([conflict, { Code: 'None' }])
    expect((await item('a'))?.n).toEqual(N(1))
    holds.transactWrite.release()
    await tx.done
  })

  it('is unaffected by a transaction on other items', async () => {
    const tx = await heldAt(holds.transactWrite, () => transact([bump('a')]))
    const { Responses } = await client.send(new TransactGetItemsCommand({
      TransactItems: ['b', 'c'].map((pk) => ({ Get: { TableName: TABLE, Key: { pk: S(pk) }, ProjectionExpression: 'n' } })),
    }))
    expect(Responses).toEqual([{ Item: { n: N(1) } }, { Item: { n: N(1) } }])
    holds.transactWrite.release()
    await tx.done
  })
})

describe('BatchWriteItem', () => {
  it('hands back, unprocessed, the writes to items a transaction holds, and writes the others', async () => {
    const tx = await heldAt(holds.transactWrite, () => transact([bump('a')]))
    const putA = { PutRequest: { Item: { pk: S('a'), group: S('g'), n: N(70) } } }
    const out = await client.send(new BatchWriteItemCommand({
      RequestItems: {
        [TABLE]: [putA, { PutRequest: { Item: { pk: S('d'), group: S('g'), n: N(4) } } }, { DeleteRequest: { Key: { pk: S('c') } } }],
      },
    }))
    expect(out.UnprocessedItems).toEqual({ [TABLE]: [putA] })
    expect(await groupMembers()).toEqual({ a: '1', b: '1', d: '4' })

    holds.transactWrite.release()
    await tx.done
    const retry = await client.send(new BatchWriteItemCommand({ RequestItems: out.UnprocessedItems! }))
    expect(retry.UnprocessedItems).toEqual({})
    expect(await groupMembers()).toEqual({ a: '70', b: '1', d: '4' })
  })

  it('its writes in flight make transactions on their items conflict', async () => {
    const batch = await heldAt(holds.singleWrite, () => client.send(new BatchWriteItemCommand({
      RequestItems: { [TABLE]: [{ PutRequest: { Item: { pk: S('a'), group: S('g'), n: N(8) } } }] },
    })))
    const err = await canceled(transact([bump('a')]))
    expect(err.CancellationReasons).toEqual([conflict])
    holds.singleWrite.release()
    expect((await batch.done).UnprocessedItems).toEqual({})
    expect((await item('a'))?.n).toEqual(N(8))
  })

  it('still rejects a whole invalid batch, writing nothing', async () => {
    const err = await rejection(client.send(new BatchWriteItemCommand({
      RequestItems: { [TABLE]: [{ PutRequest: { Item: { pk: S('e') } } }, { PutRequest: { Item: { pk: S('e') } } }] },
    })))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe('Provided list of item keys contains duplicates')
    expect(await item('e')).toBeUndefined()
  })
})
