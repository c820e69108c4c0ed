import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  GetItemCommand, IdempotentParameterMismatchException, PutItemCommand, QueryCommand,
  ResourceNotFoundException, TransactionCanceledException, TransactWriteItemsCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb'
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
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

async function getItem(pk: string, table = TABLE) {
  return (await t.client.send(new GetItemCommand({ TableName: table, Key: { pk: S(pk) }, ConsistentRead: true }))).Item
}

async function put(item: Record<string, unknown>, table = TABLE) {
  await t.doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: table, Item: item } }] }))
}

async function expectCanceled(items: TransactWriteItem[]): Promise<TransactionCanceledException> {
  const err = await t.client.send(new TransactWriteItemsCommand({ TransactItems: items })).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(TransactionCanceledException)
  return err as TransactionCanceledException
}

async function expectError(items: TransactWriteItem[], name: string, message?: RegExp): Promise<void> {
  const err = await t.client.send(new TransactWriteItemsCommand({ TransactItems: items })).catch((e: unknown) => e)
  expect((err as Error).name).toBe(name)
  if (message) expect((err as Error).message).toMatch(message)
}

describe('TransactWriteItems actions', () => {
  it('applies Put, Update, Delete and ConditionCheck together', async () => {
    await put({ pk: 'acct-1', balance: 100 })
    await put({ pk: 'acct-2', balance: 5 })
    await put({ pk: 'doomed' })
    await put({ pk: 'guard', open: true })

    await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: TABLE, Item: { pk: S('new'), v: N(1) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: TABLE, Key: { pk: S('acct-1') },
            UpdateExpression: 'SET balance = balance - :amt', ConditionExpression: 'balance >= :amt',
            ExpressionAttributeValues: { ':amt': N(30) },
          },
        },
        {
          Update: {
            TableName: TABLE, Key: { pk: S('acct-2') },
            UpdateExpression: 'ADD balance :amt', ExpressionAttributeValues: { ':amt': N(30) },
          },
        },
        { Delete: { TableName: TABLE, Key: { pk: S('doomed') }, ConditionExpression: 'attribute_exists(pk)' } },
        {
          ConditionCheck: {
            TableName: TABLE, Key: { pk: S('guard') },
            ConditionExpression: '#o = :t', ExpressionAttributeNames: { '#o': 'open' },
            ExpressionAttributeValues: { ':t': { BOOL: true } },
          },
        },
      ],
    }))

    expect(await getItem('new')).toEqual({ pk: S('new'), v: N(1) })
    expect((await getItem('acct-1'))?.balance).toEqual(N(70))
    expect((await getItem('acct-2'))?.balance).toEqual(N(35))
    expect(await getItem('doomed')).toBeUndefined()
    expect(await getItem('guard')).toEqual({ pk: S('guard'), open: { BOOL: true } })
  })

  it('evaluates UpdateExpression exactly like UpdateItem (SET/REMOVE/ADD/DELETE, functions, arithmetic)', async () => {
    // `n * :two` is not valid DynamoDB syntax (only + and -): the request is a ValidationException.
    await expectError([{
      Update: {
        TableName: TABLE, Key: { pk: S('upd') }, UpdateExpression: 'SET n = n * :two',
        ExpressionAttributeValues: { ':two': N(2) },
      },
    }], 'ValidationException', /Invalid UpdateExpression/)

    await t.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S('upd2'), n: N(10), gone: S('x'), tags: { SS: ['a', 'b'] }, labels: { SS: ['a', 'b'] }, hist: { L: [N(1)] }, m: { M: {} } } }))
    await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [{
        Update: {
          TableName: TABLE, Key: { pk: S('upd2') },
          UpdateExpression: 'SET n = n + :one, created = if_not_exists(created, :now), hist = list_append(hist, :more), ' +
            'm.deep = :one REMOVE gone ADD hits :one, tags :d DELETE labels :del',
          ExpressionAttributeValues: {
            ':now': N(123), ':more': { L: [N(2)] }, ':one': N(1), ':d': { SS: ['d'] }, ':del': { SS: ['a'] },
          },
        },
      }],
    }))
    const item = await getItem('upd2')
    expect(item?.n).toEqual(N(11))
    expect(item?.created).toEqual(N(123))
    expect(item?.hist).toEqual({ L: [N(1), N(2)] })
    expect(item?.m).toEqual({ M: { deep: N(1) } })
    expect(item?.gone).toBeUndefined()
    expect(item?.hits).toEqual(N(1))
    expect(new Set(item?.tags?.SS)).toEqual(new Set(['a', 'b', 'd']))
    expect(item?.labels).toEqual({ SS: ['b'] })
  })

  it('creates the item when Update targets a missing key (upsert), like UpdateItem', async () => {
    await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [{
        Update: { TableName: TABLE, Key: { pk: S('upsert') }, UpdateExpression: 'ADD hits :one', ExpressionAttributeValues: { ':one': N(1) } },
      }],
    }))
    expect(await getItem('upsert')).toEqual({ pk: S('upsert'), hits: N(1) })
  })

  it('works unchanged through lib-dynamodb TransactWriteCommand', async () => {
    await t.doc.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: TABLE, Item: { pk: 'doc-1', tags: new Set(['x']), nested: { a: [1, 'two'] } } } },
        { Update: { TableName: TABLE, Key: { pk: 'doc-2' }, UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'open' } } },
      ],
    }))
    const { Item } = await t.doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'doc-1' } }))
    expect(Item).toEqual({ pk: 'doc-1', tags: new Set(['x']), nested: { a: [1, 'two'] } })
    expect((await t.doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'doc-2' } }))).Item).toEqual({ pk: 'doc-2', status: 'open' })
  })
})

describe('cancellation', () => {
  it('a failed condition cancels every action, with one reason per action in order', async () => {
    await put({ pk: 'c-1', v: 1 })
    await put({ pk: 'c-2', v: 1 })
    const err = await expectCanceled([
      { Update: { TableName: TABLE, Key: { pk: S('c-1') }, UpdateExpression: 'SET v = :nine', ExpressionAttributeValues: { ':nine': N(9) } } },
      { Put: { TableName: TABLE, Item: { pk: S('c-new') } } },
      { ConditionCheck: { TableName: TABLE, Key: { pk: S('c-2') }, ConditionExpression: 'v = :two', ExpressionAttributeValues: { ':two': N(2) } } },
    ])
    expect(err.CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ])
    expect(err.message).toBe('Transaction cancelled, please refer cancellation reasons for specific reasons [None, None, ConditionalCheckFailed]')
    expect(err.$metadata.httpStatusCode).toBe(400)
    expect((await getItem('c-1'))?.v).toEqual(N(1))
    expect(await getItem('c-new')).toBeUndefined()
  })

  it('reports every failing condition', async () => {
    await put({ pk: 'm-1' })
    const err = await expectCanceled([
      { Put: { TableName: TABLE, Item: { pk: S('m-1') }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: TABLE, Item: { pk: S('m-2') } } },
      { Delete: { TableName: TABLE, Key: { pk: S('m-3') }, ConditionExpression: 'attribute_exists(pk)' } },
    ])
    expect(err.CancellationReasons?.map((r) => r.Code)).toEqual(['ConditionalCheckFailed', 'None', 'ConditionalCheckFailed'])
    expect(await getItem('m-2')).toBeUndefined()
  })

  it('returns the current item with ReturnValuesOnConditionCheckFailure ALL_OLD', async () => {
    await put({ pk: 'old-1', seats: 3, taken: 3 })
    const err = await expectCanceled([
      {
        Update: {
          TableName: TABLE, Key: { pk: S('old-1') },
          UpdateExpression: 'SET taken = taken + :one', ConditionExpression: 'taken < seats',
          ExpressionAttributeValues: { ':one': N(1) }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      { ConditionCheck: { TableName: TABLE, Key: { pk: S('old-missing') }, ConditionExpression: 'attribute_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
    ])
    expect(err.CancellationReasons).toEqual([
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: S('old-1'), seats: N(3), taken: N(3) } },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ])
  })

  it('does not return the item without ALL_OLD', async () => {
    await put({ pk: 'old-2' })
    const err = await expectCanceled([
      { Put: { TableName: TABLE, Item: { pk: S('old-2') }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'NONE' } },
    ])
    expect(err.CancellationReasons).toEqual([{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }])
  })

  it('a runtime update error is a ValidationError reason and cancels the transaction', async () => {
    const err = await expectCanceled([
      { Put: { TableName: TABLE, Item: { pk: S('rt-1') } } },
      { Update: { TableName: TABLE, Key: { pk: S('rt-2') }, UpdateExpression: 'SET v = absent + :one', ExpressionAttributeValues: { ':one': N(1) } } },
    ])
    expect(err.CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ValidationError', Message: 'The provided expression refers to an attribute that does not exist in the item' },
    ])
    expect(await getItem('rt-1')).toBeUndefined()
  })
})

describe('request validation', () => {
  it('rejects two actions on the same item', async () => {
    await expectError([
      { Put: { TableName: TABLE, Item: { pk: S('dup') } } },
      { ConditionCheck: { TableName: TABLE, Key: { pk: S('dup') }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ], 'ValidationException', /^Transaction request cannot include multiple operations on one item$/)
  })

  it('accepts 100 actions and rejects 101 or 0', async () => {
    const puts = (n: number) => Array.from({ length: n }, (_, i) => ({ Put: { TableName: TABLE, Item: { pk: S(`many-${i}`) } } }))
    await expectError(puts(101), 'ValidationException', /Member must have length less than or equal to 100/)
    expect(await getItem('many-0')).toBeUndefined()
    await expectError([], 'ValidationException', /Member must have length greater than or equal to 1/)
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: puts(100) }))
    expect(await getItem('many-99')).toEqual({ pk: S('many-99') })
  })

  it('rejects an unknown table with ResourceNotFoundException and applies nothing', async () => {
    const err = await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: TABLE, Item: { pk: S('nf-1') } } },
        { Put: { TableName: 'no_such_table', Item: { pk: S('nf-2') } } },
      ],
    })).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ResourceNotFoundException)
    expect(await getItem('nf-1')).toBeUndefined()
  })

  it.each([
    ['missing TableName', { Put: { Item: { pk: S('x') } } }, /Value null at 'transactItems.1.member.put.tableName' failed to satisfy constraint: Member must not be null/],
    ['empty action', {}, /TransactItems can only contain one of Check, Put, Update or Delete/],
    ['two kinds in one action', { Put: { TableName: TABLE, Item: { pk: S('x') } }, Delete: { TableName: TABLE, Key: { pk: S('y') } } }, /only contain one of/],
    ['Update without UpdateExpression', { Update: { TableName: TABLE, Key: { pk: S('x') } } }, /updateExpression' failed to satisfy constraint: Member must not be null/],
    ['ConditionCheck without condition', { ConditionCheck: { TableName: TABLE, Key: { pk: S('x') } } }, /conditionExpression' failed to satisfy constraint/],
    ['condition syntax error', { Put: { TableName: TABLE, Item: { pk: S('x') }, ConditionExpression: 'attribute_exists(' } }, /Invalid ConditionExpression: Syntax error/],
    ['undefined value placeholder', { Put: { TableName: TABLE, Item: { pk: S('x') }, ConditionExpression: 'v = :v' } }, /An expression attribute value used in expression is not defined/],
    ['unused value', { Put: { TableName: TABLE, Item: { pk: S('x') }, ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':u': N(1) } } }, /unused in expressions/],
    ['reserved word', { Update: { TableName: TABLE, Key: { pk: S('x') }, UpdateExpression: 'SET capacity = :c', ExpressionAttributeValues: { ':c': N(1) } } }, /reserved keyword/],
    ['key attribute update', { Update: { TableName: TABLE, Key: { pk: S('x') }, UpdateExpression: 'SET pk = :c', ExpressionAttributeValues: { ':c': S('y') } } }, /Cannot update attribute pk. This attribute is part of the key/],
    ['wrong key', { Delete: { TableName: TABLE, Key: { id: S('x') } } }, /The provided key element does not match the schema/],
    ['Put without key', { Put: { TableName: TABLE, Item: { v: S('x') } } }, /Missing the key pk in the item/],
    ['bad ReturnValuesOnConditionCheckFailure', { Put: { TableName: TABLE, Item: { pk: S('x') }, ReturnValuesOnConditionCheckFailure: 'ALL_NEW' } }, /Member must satisfy enum value set: \[ALL_OLD, NONE\]/],
  ])('rejects %s with ValidationException', async (_name, item, message) => {
    await expectError([item as TransactWriteItem], 'ValidationException', message)
  })
})

describe('secondary indexes', () => {
  async function groupMembers(group: string): Promise<string[]> {
    const { Items } = await t.client.send(new QueryCommand({
      TableName: GSI_TABLE, IndexName: 'byGroup',
      KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': S(group) },
    }))
    return (Items ?? []).map((item) => item.pk?.S as string)
  }

  it('maintains the GSI on transactional Put, Update and Delete', async () => {
    await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: GSI_TABLE, Item: { pk: S('u1'), group: S('red') } } },
        { Put: { TableName: GSI_TABLE, Item: { pk: S('u2'), group: S('red') } } },
        { Put: { TableName: GSI_TABLE, Item: { pk: S('u3') } } },
      ],
    }))
    expect(await groupMembers('red')).toEqual(['u1', 'u2'])

    await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Update: { TableName: GSI_TABLE, Key: { pk: S('u1') }, UpdateExpression: 'SET #g = :b', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':b': S('blue') } } },
        { Update: { TableName: GSI_TABLE, Key: { pk: S('u3') }, UpdateExpression: 'SET #g = :b', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':b': S('blue') } } },
        { Delete: { TableName: GSI_TABLE, Key: { pk: S('u2') } } },
      ],
    }))
    expect(await groupMembers('red')).toEqual([])
    expect(await groupMembers('blue')).toEqual(['u1', 'u3'])

    await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [{ Update: { TableName: GSI_TABLE, Key: { pk: S('u1') }, UpdateExpression: 'REMOVE #g', ExpressionAttributeNames: { '#g': 'group' } } }],
    }))
    expect(await groupMembers('blue')).toEqual(['u3'])
  })

  it('leaves the GSI untouched when the transaction is cancelled', async () => {
    await expectCanceled([
      { Put: { TableName: GSI_TABLE, Item: { pk: S('g-x'), group: S('green') } } },
      { ConditionCheck: { TableName: GSI_TABLE, Key: { pk: S('g-missing') }, ConditionExpression: 'attribute_exists(pk)' } },
    ])
    expect(await groupMembers('green')).toEqual([])
  })

  it('rejects an index key of the wrong type', async () => {
    await expectError([{ Put: { TableName: GSI_TABLE, Item: { pk: S('g-bad'), group: N(1) } } }], 'ValidationException', /Type mismatch for Index Key group/)
  })
})

describe('ClientRequestToken idempotency', () => {
  const increment = (pk: string, by = 1): TransactWriteItem[] => [{
    Update: { TableName: TABLE, Key: { pk: S(pk) }, UpdateExpression: 'ADD n :by', ExpressionAttributeValues: { ':by': N(by) } },
  }]

  it('applies a repeated request once', async () => {
    for (let i = 0; i < 3; i++) {
      await t.client.send(new TransactWriteItemsCommand({ TransactItems: increment('idem-1'), ClientRequestToken: 'token-1' }))
    }
    expect((await getItem('idem-1'))?.n).toEqual(N(1))
    // Without a token (the SDK then generates a fresh one per call) every call applies.
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: increment('idem-1') }))
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: increment('idem-1') }))
    expect((await getItem('idem-1'))?.n).toEqual(N(3))
  })

  it('rejects the same token with different parameters', async () => {
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: increment('idem-2'), ClientRequestToken: 'token-2' }))
    const err = await t.client.send(new TransactWriteItemsCommand({ TransactItems: increment('idem-2', 5), ClientRequestToken: 'token-2' }))
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(IdempotentParameterMismatchException)
    expect((await getItem('idem-2'))?.n).toEqual(N(1))
  })

  it('treats key order as irrelevant when comparing requests', async () => {
    const a = { pk: S('idem-3'), x: N(1), y: N(2) }
    const b = { y: N(2), x: N(1), pk: S('idem-3') }
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: TABLE, Item: a } }], ClientRequestToken: 'token-3' }))
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: TABLE, Item: b } }], ClientRequestToken: 'token-3' }))
  })

  it('does not consume the token of a cancelled transaction', async () => {
    const guarded: TransactWriteItem[] = [
      ...increment('idem-4'),
      { ConditionCheck: { TableName: TABLE, Key: { pk: S('idem-4-flag') }, ConditionExpression: 'attribute_exists(pk)' } },
    ]
    await expect(t.client.send(new TransactWriteItemsCommand({ TransactItems: guarded, ClientRequestToken: 'token-4' })))
      .rejects.toBeInstanceOf(TransactionCanceledException)
    await put({ pk: 'idem-4-flag' })
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: guarded, ClientRequestToken: 'token-4' }))
    await t.client.send(new TransactWriteItemsCommand({ TransactItems: guarded, ClientRequestToken: 'token-4' }))
    expect((await getItem('idem-4'))?.n).toEqual(N(1))
  })

  it('applies concurrent requests with one token once', async () => {
    const noRetry = makeClient(t.server.endpoint, 1) // the SDK retries TransactionInProgressException
    const results = await Promise.allSettled(Array.from({ length: 10 }, () =>
      noRetry.send(new TransactWriteItemsCommand({ TransactItems: increment('idem-5'), ClientRequestToken: 'token-5' }))))
    for (const result of results) {
      if (result.status === 'rejected') expect((result.reason as Error).name).toBe('TransactionInProgressException')
    }
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true)
    expect((await getItem('idem-5'))?.n).toEqual(N(1))
    noRetry.destroy()
  })
})

describe('response', () => {
  it('returns ConsumedCapacity when asked', async () => {
    const out = await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [{ Put: { TableName: TABLE, Item: { pk: S('cap-1') } } }, { Put: { TableName: GSI_TABLE, Item: { pk: S('cap-2') } } }],
      ReturnConsumedCapacity: 'TOTAL',
    }))
    expect(out.ConsumedCapacity).toEqual([
      { TableName: TABLE, CapacityUnits: 2, WriteCapacityUnits: 2 },
      { TableName: GSI_TABLE, CapacityUnits: 2, WriteCapacityUnits: 2 },
    ])
  })
})
