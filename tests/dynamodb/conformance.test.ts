/**
 * Conformance cases drawn from public sources: each test's title names the AWS API reference
 * section, the GitHub issue quoting AWS's answer, or the moto / LocalStack case it follows.
 * Where the emulator knowingly differs from DynamoDB, see local/dynamodb/README.md.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BatchWriteItemCommand, DeleteItemCommand, DescribeTimeToLiveCommand, GetItemCommand, IdempotentParameterMismatchException,
  PutItemCommand, QueryCommand, ResourceNotFoundException, TransactGetItemsCommand, TransactionCanceledException,
  TransactWriteItemsCommand, UpdateItemCommand, UpdateTimeToLiveCommand, type AttributeValue, type TransactWriteItem,
} from '@aws-sdk/client-dynamodb'
import { S, N, createTable, makeClient, startTestServer, type TestServer } from './helpers.js'

let t: TestServer
const TABLE = 'items'
const GSI_TABLE = 'grouped'

beforeEach(async () => {
  t = await startTestServer()
  await createTable(t.client, TABLE)
  await createTable(t.client, GSI_TABLE, { gsi: true })
})
afterEach(() => t.stop())

const EMPTY_INDEX_KEY = 'One or more parameter values are not valid. A value specified for a secondary index key is not supported. ' +
  'The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byGroup, IndexKey: group'

async function failure(promise: Promise<unknown>): Promise<Error> {
  const result = await promise.then(() => undefined, (e: unknown) => e)
  expect(result).toBeInstanceOf(Error)
  return result as Error
}

async function getItem(pk: string, table = TABLE): Promise<Record<string, AttributeValue> | undefined> {
  return (await t.client.send(new GetItemCommand({ TableName: table, Key: { pk: S(pk) }, ConsistentRead: true }))).Item
}

async function groupMembers(group: string): Promise<string[]> {
  const { Items } = await t.client.send(new QueryCommand({
    TableName: GSI_TABLE, IndexName: 'byGroup',
    KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': S(group) },
  }))
  return (Items ?? []).map((item) => item.pk?.S as string)
}

const setGroup = (pk: string, value: string): TransactWriteItem['Update'] & object => ({
  TableName: GSI_TABLE, Key: { pk: S(pk) }, UpdateExpression: 'SET #g = :g',
  ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': S(value) },
})

describe('empty strings in secondary index keys', () => {
  it('PutItem is refused with the whole-request ValidationException (AWS message quoted in architect/dynalite#184)', async () => {
    const err = await failure(t.client.send(new PutItemCommand({ TableName: GSI_TABLE, Item: { pk: S('e1'), group: S('') } })))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe(EMPTY_INDEX_KEY)
    expect(await getItem('e1', GSI_TABLE)).toBeUndefined()
    expect(await groupMembers('')).toEqual([])
  })

  it('an empty string in a non-key attribute is accepted (AWS What\'s New 2020-05-18, empty values for non-key attributes)', async () => {
    await t.client.send(new PutItemCommand({ TableName: GSI_TABLE, Item: { pk: S('e2'), group: S('g'), note: S('') } }))
    expect((await getItem('e2', GSI_TABLE))?.note).toEqual(S(''))
    // An item without the index key attribute is simply not in the index (sparse index).
    await t.client.send(new PutItemCommand({ TableName: GSI_TABLE, Item: { pk: S('e3') } }))
    expect(await groupMembers('g')).toEqual(['e2'])
  })

  it('UpdateItem SET of an index key to "" is refused and leaves the item and the index as they were (dynalite#164)', async () => {
    await t.client.send(new PutItemCommand({ TableName: GSI_TABLE, Item: { pk: S('e4'), group: S('red') } }))
    const err = await failure(t.client.send(new UpdateItemCommand(setGroup('e4', ''))))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe(EMPTY_INDEX_KEY)
    const viaFunction = await failure(t.client.send(new UpdateItemCommand({
      ...setGroup('e5', ''), UpdateExpression: 'SET #g = if_not_exists(#g, :g)',
    })))
    expect(viaFunction.message).toBe(EMPTY_INDEX_KEY)
    expect((await getItem('e4', GSI_TABLE))?.group).toEqual(S('red'))
    expect(await getItem('e5', GSI_TABLE)).toBeUndefined()
    expect(await groupMembers('red')).toEqual(['e4'])
    expect(await groupMembers('')).toEqual([])
  })

  it('BatchWriteItem fails as a whole, nothing written (AWS error quoted in danishi/dynamodb-csv#41)', async () => {
    const err = await failure(t.client.send(new BatchWriteItemCommand({
      RequestItems: {
        [GSI_TABLE]: [
          { PutRequest: { Item: { pk: S('b1'), group: S('blue') } } },
          { PutRequest: { Item: { pk: S('b2'), group: S('') } } },
        ],
      },
    })))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe(EMPTY_INDEX_KEY)
    expect(await getItem('b1', GSI_TABLE)).toBeUndefined()
    expect(await groupMembers('blue')).toEqual([])
  })

  it('TransactWriteItems Put or Update fails with ValidationException, not a cancellation (getmoto/moto#5830)', async () => {
    for (const action of [
      { Put: { TableName: GSI_TABLE, Item: { pk: S('t1'), group: S('') } } },
      { Update: setGroup('t1', '') },
    ] satisfies TransactWriteItem[]) {
      const err = await failure(t.client.send(new TransactWriteItemsCommand({
        TransactItems: [{ Put: { TableName: TABLE, Item: { pk: S('t-other') } } }, action],
      })))
      expect(err).not.toBeInstanceOf(TransactionCanceledException)
      expect(err.name).toBe('ValidationException')
      expect(err.message).toBe(EMPTY_INDEX_KEY)
    }
    expect(await getItem('t-other')).toBeUndefined()
    expect(await getItem('t1', GSI_TABLE)).toBeUndefined()
  })
})

describe('4 MB transaction limit', () => {
  // dynalite's items are at most 400 KB; 11 of 390 000 bytes are over 4 MB (4 194 304 bytes), 10 are not.
  const big = 'x'.repeat(390_000)
  const keys = Array.from({ length: 11 }, (_, i) => `big-${i}`)

  it('TransactGetItems refuses more than 4 MB of items (API reference, TransactGetItems: "aggregate size of the items in the transaction cannot exceed 4 MB")', async () => {
    for (const pk of keys) await t.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S(pk), data: S(big) } }))
    const get = (pks: string[]) => t.client.send(new TransactGetItemsCommand({
      TransactItems: pks.map((pk) => ({ Get: { TableName: TABLE, Key: { pk: S(pk) }, ProjectionExpression: 'pk' } })),
    }))
    const err = await failure(get(keys))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe('Transaction size has exceeded the maximum allowed size of 4 MB')
    expect((await get(keys.slice(0, 10))).Responses).toHaveLength(10)
  })

  it('TransactWriteItems refuses more than 4 MB of items (API reference, TransactWriteItems)', async () => {
    const write = (pks: string[]) => t.client.send(new TransactWriteItemsCommand({
      TransactItems: pks.map((pk) => ({ Put: { TableName: TABLE, Item: { pk: S(pk), data: S(big) } } })),
    }))
    const err = await failure(write(keys))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe('Transaction size has exceeded the maximum allowed size of 4 MB')
    expect(await getItem('big-0')).toBeUndefined()
    await write(keys.slice(0, 10))
    expect((await getItem('big-9'))?.pk).toEqual(S('big-9'))
  })
})

describe('ClientRequestToken compares every parameter', () => {
  const increment: TransactWriteItem[] = [{
    Update: { TableName: TABLE, Key: { pk: S('tok') }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': N(1) } },
  }]

  it('changing ReturnConsumedCapacity or ReturnItemCollectionMetrics is an IdempotentParameterMismatch (API reference, TransactWriteItems: ClientRequestToken)', async () => {
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: increment, ClientRequestToken: 'tok-1' }))
    // The same request again: replayed, not re-applied. NONE is the default.
    await t.client.send(new TransactWriteItemsCommand({
      TransactItems: increment, ClientRequestToken: 'tok-1', ReturnConsumedCapacity: 'NONE', ReturnItemCollectionMetrics: 'NONE',
    }))
    for (const changed of [{ ReturnConsumedCapacity: 'TOTAL' }, { ReturnItemCollectionMetrics: 'SIZE' }] as const) {
      const err = await failure(t.client.send(new TransactWriteItemsCommand({ TransactItems: increment, ClientRequestToken: 'tok-1', ...changed })))
      expect(err).toBeInstanceOf(IdempotentParameterMismatchException)
    }
    expect((await getItem('tok'))?.n).toEqual(N(1))
  })
})

describe('single-item basics', () => {
  it('UpdateItem on a missing key creates the item (API reference, UpdateItem: "adds a new item to the table if it does not already exist")', async () => {
    const { Attributes } = await t.client.send(new UpdateItemCommand({
      TableName: TABLE, Key: { pk: S('new') }, UpdateExpression: 'SET a = :a ADD n :one',
      ExpressionAttributeValues: { ':a': S('x'), ':one': N(1) }, ReturnValues: 'ALL_NEW',
    }))
    expect(Attributes).toEqual({ pk: S('new'), a: S('x'), n: N(1) })
    expect(await getItem('new')).toEqual({ pk: S('new'), a: S('x'), n: N(1) })
  })

  it('an unknown table is ResourceNotFoundException for every operation (API reference, Common errors / ResourceNotFoundException)', async () => {
    const missing = 'no-such-table'
    const calls = [
      () => t.client.send(new PutItemCommand({ TableName: missing, Item: { pk: S('a') } })),
      () => t.client.send(new GetItemCommand({ TableName: missing, Key: { pk: S('a') } })),
      () => t.client.send(new UpdateItemCommand({ TableName: missing, Key: { pk: S('a') }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': S('x') } })),
      () => t.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: missing, Item: { pk: S('a') } } }] })),
      () => t.client.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: missing, Key: { pk: S('a') } } }] })),
    ]
    for (const call of calls) expect(await failure(call())).toBeInstanceOf(ResourceNotFoundException)
  })
})

describe('TransactWriteItems request limits', () => {
  const puts = (n: number, prefix = 'many'): TransactWriteItem[] =>
    Array.from({ length: n }, (_, i) => ({ Put: { TableName: TABLE, Item: { pk: S(`${prefix}-${i}`) } } }))

  it('two actions on one item are a ValidationException (API reference, TransactWriteItems: "cannot target the same item"; moto tests/test_dynamodb/exceptions/test_dynamodb_transactions.py::test_multiple_transactions_on_same_item)', async () => {
    const err = await failure(t.client.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: TABLE, Item: { pk: S('same') } } },
        { Update: { TableName: TABLE, Key: { pk: S('same') }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': S('x') } } },
      ],
    })))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe('Transaction request cannot include multiple operations on one item')
    expect(await getItem('same')).toBeUndefined()
  })

  it('100 actions are applied, 101 are refused as a whole (API reference, TransactWriteItems: TransactItems "Maximum number of 100 items")', async () => {
    const err = await failure(t.client.send(new TransactWriteItemsCommand({ TransactItems: puts(101) })))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toMatch(/at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100/)
    expect(await getItem('many-0')).toBeUndefined()
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: puts(100) }))
    expect(await getItem('many-99')).toEqual({ pk: S('many-99') })
  })
})

describe('cancellation reasons', () => {
  const seedItem = (pk: string) => t.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S(pk), v: N(1) } }))

  it('one reason per action, in order, with ALL_OLD items on Put, Update, Delete and ConditionCheck (API reference, TransactWriteItems: CancellationReasons, ReturnValuesOnConditionCheckFailure; LocalStack tests/aws/services/dynamodb/test_dynamodb.py, AWS-validated transaction snapshots)', async () => {
    for (const pk of ['put', 'update', 'delete', 'check']) await seedItem(pk)
    const failing = { ConditionExpression: 'v = :two', ExpressionAttributeValues: { ':two': N(2) }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }
    const err = await failure(t.client.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: TABLE, Item: { pk: S('fresh') } } },
        { Put: { TableName: TABLE, Item: { pk: S('put'), v: N(9) }, ...failing } },
        { Update: { TableName: TABLE, Key: { pk: S('update') }, UpdateExpression: 'SET w = :two', ...failing } },
        { Delete: { TableName: TABLE, Key: { pk: S('delete') }, ...failing } },
        { ConditionCheck: { TableName: TABLE, Key: { pk: S('check') }, ...failing } },
        { ConditionCheck: { TableName: TABLE, Key: { pk: S('absent') }, ...failing } },
      ],
    })))
    expect(err).toBeInstanceOf(TransactionCanceledException)
    expect(err.message).toBe('Transaction cancelled, please refer cancellation reasons for specific reasons ' +
      '[None, ConditionalCheckFailed, ConditionalCheckFailed, ConditionalCheckFailed, ConditionalCheckFailed, ConditionalCheckFailed]')
    const failed = (pk: string) => ({ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: S(pk), v: N(1) } })
    expect((err as TransactionCanceledException).CancellationReasons).toEqual([
      { Code: 'None' }, failed('put'), failed('update'), failed('delete'), failed('check'),
      // No item, nothing to return.
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ])
    expect(await getItem('fresh')).toBeUndefined()
    expect(await getItem('delete')).toEqual({ pk: S('delete'), v: N(1) })
  })
})

describe('ClientRequestToken replay', () => {
  const increment: TransactWriteItem[] = [{
    Update: { TableName: TABLE, Key: { pk: S('replay') }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': N(1) } },
  }]

  it('the same token and request is applied once; other items with the same token are a mismatch (API reference, TransactWriteItems: ClientRequestToken, IdempotentParameterMismatchException)', async () => {
    for (let i = 0; i < 3; i++) await t.client.send(new TransactWriteItemsCommand({ TransactItems: increment, ClientRequestToken: 'replay-1' }))
    expect((await getItem('replay'))?.n).toEqual(N(1))
    const err = await failure(t.client.send(new TransactWriteItemsCommand({
      TransactItems: [{ Put: { TableName: TABLE, Item: { pk: S('other') } } }], ClientRequestToken: 'replay-1',
    })))
    expect(err).toBeInstanceOf(IdempotentParameterMismatchException)
    expect(await getItem('other')).toBeUndefined()
  })

  it('a token is remembered across a restart of the emulator within its 10 minutes (API reference: "valid for 10 minutes after the first request that uses it completes")', async () => {
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: increment, ClientRequestToken: 'restart-1' }))
    t.client.destroy()
    await t.server.close()
    const again = await startTestServer({ dataDir: t.dataDir })
    try {
      await again.client.send(new TransactWriteItemsCommand({ TransactItems: increment, ClientRequestToken: 'restart-1' }))
      expect((await again.client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: S('replay') }, ConsistentRead: true }))).Item?.n).toEqual(N(1))
      const err = await failure(again.client.send(new TransactWriteItemsCommand({ TransactItems: increment, ClientRequestToken: 'restart-1', ReturnConsumedCapacity: 'TOTAL' })))
      expect(err).toBeInstanceOf(IdempotentParameterMismatchException)
    } finally {
      await again.stop()
      // afterEach stops `t` again: give it a live server to stop.
      t = await startTestServer()
    }
  })
})

describe('expression validation', () => {
  const update = (over: Record<string, unknown>) => t.client.send(new UpdateItemCommand({
    TableName: TABLE, Key: { pk: S('x') }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': S('x') }, ...over,
  } as never))

  it.each([
    // API reference, "Expression attribute names" / "Expression attribute values"; ScyllaDB Alternator's expression tests, which run against AWS too.
    ['an unused name', { ExpressionAttributeNames: { '#unused': 'b' } }, 'Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}'],
    ['an unused value', { ExpressionAttributeValues: { ':a': S('x'), ':unused': S('y') } }, 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}'],
    ['an empty names map', { ExpressionAttributeNames: {} }, 'ExpressionAttributeNames must not be empty'],
    ['an empty values map', { UpdateExpression: 'REMOVE a', ExpressionAttributeValues: {} }, 'ExpressionAttributeValues must not be empty'],
    ['two SET sections', { UpdateExpression: 'SET a = :a SET b = :a' }, 'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;'],
  ])('%s is a ValidationException (ScyllaDB Alternator test/alternator/test_update_expression.py, run against AWS; API reference, UpdateItem)', async (_name, over, message) => {
    const err = await failure(update(over))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe(message)
    expect(await getItem('x')).toBeUndefined()
  })

  it('the same errors refuse a TransactWriteItems action as a request error (API reference, TransactWriteItems: ValidationException)', async () => {
    const err = await failure(t.client.send(new TransactWriteItemsCommand({
      TransactItems: [{ Update: { TableName: TABLE, Key: { pk: S('x') }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': S('x'), ':unused': S('y') } } }],
    })))
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe('Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}')
  })
})

describe('keys', () => {
  it.each([
    ['a wrong attribute name', { id: S('x') }],
    ['a wrong type', { pk: N(1) }],
    ['an extra attribute', { pk: S('x'), other: S('y') }],
  ])('%s in a key is "The provided key element does not match the schema" (API reference, Common errors; moto tests/test_dynamodb/exceptions/test_dynamodb_exceptions.py)', async (_name, key) => {
    for (const call of [
      () => t.client.send(new GetItemCommand({ TableName: TABLE, Key: key })),
      () => t.client.send(new DeleteItemCommand({ TableName: TABLE, Key: key })),
      () => t.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Delete: { TableName: TABLE, Key: key } }] })),
      () => t.client.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: TABLE, Key: key } }] })),
    ]) {
      const err = await failure(call())
      expect(err.name).toBe('ValidationException')
      expect(err.message).toBe('The provided key element does not match the schema')
    }
  })
})

describe('GSI lag', () => {
  it('a Query on a GSI right after a write may miss it, the table never does; ConsistentRead on a GSI is refused (developer guide, "Global secondary indexes: read consistency"; API reference, Query: ConsistentRead)', async () => {
    const lagged = await startTestServer({ indexLagMs: 10_000 })
    try {
      await createTable(lagged.client, GSI_TABLE, { gsi: true })
      await lagged.client.send(new PutItemCommand({ TableName: GSI_TABLE, Item: { pk: S('l1'), group: S('g') } }))
      const query = { TableName: GSI_TABLE, IndexName: 'byGroup', KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': S('g') } }
      expect((await lagged.client.send(new QueryCommand(query))).Items).toEqual([])
      expect((await lagged.client.send(new GetItemCommand({ TableName: GSI_TABLE, Key: { pk: S('l1') }, ConsistentRead: true }))).Item?.pk).toEqual(S('l1'))
      const err = await failure(lagged.client.send(new QueryCommand({ ...query, ConsistentRead: true })))
      expect(err.name).toBe('ValidationException')
      expect(err.message).toBe('Consistent reads are not supported on global secondary indexes')
    } finally {
      await lagged.stop()
    }
  })
})

describe('TTL', () => {
  it('DescribeTimeToLive is DISABLED, then ENABLED with its attribute; enabling twice or disabling a disabled one is refused (API reference, UpdateTimeToLive / DescribeTimeToLive; LocalStack tests/aws/services/dynamodb/test_dynamodb.py, AWS-validated TTL snapshots)', async () => {
    const describe = async () => (await t.client.send(new DescribeTimeToLiveCommand({ TableName: TABLE }))).TimeToLiveDescription
    expect(await describe()).toEqual({ TimeToLiveStatus: 'DISABLED' })
    const on = await t.client.send(new UpdateTimeToLiveCommand({ TableName: TABLE, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } }))
    expect(on.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true })
    expect(await describe()).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' })
    const twice = await failure(t.client.send(new UpdateTimeToLiveCommand({ TableName: TABLE, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } })))
    expect(twice.name).toBe('ValidationException')
    expect(twice.message).toBe('TimeToLive is already enabled')
    await t.client.send(new UpdateTimeToLiveCommand({ TableName: TABLE, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: false } }))
    expect(await describe()).toEqual({ TimeToLiveStatus: 'DISABLED' })
    expect(await failure(t.client.send(new DescribeTimeToLiveCommand({ TableName: 'no-such-table' })))).toBeInstanceOf(ResourceNotFoundException)
  })
})
