/**
 * GSI eventual consistency (local/dynamodb/indexLag.ts): with `indexLagMs`, a Query or Scan on a
 * GSI sees a write only after its lag, while the base table is strongly consistent at once.
 * Developer guide, "Global secondary indexes: Reading": "Queries on global secondary indexes
 * support eventual consistency only"; API reference, Query: ConsistentRead "is not supported on
 * global secondary indexes ... you will receive a ValidationException".
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  BatchWriteItemCommand, DeleteItemCommand, GetItemCommand, PutItemCommand, QueryCommand, ScanCommand,
  TransactWriteItemsCommand, UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'
import { IndexLag } from '../../local/dynamodb/indexLag.js'
import { S, createTable, startTestServer, type TestServer } from './helpers.js'

const TABLE = 'lagged'
const LAG = 300

let t: TestServer | undefined
afterEach(async () => {
  await t?.stop()
  t = undefined
})

async function start(indexLagMs = LAG): Promise<TestServer> {
  t = await startTestServer({ indexLagMs })
  await createTable(t.client, TABLE, { gsi: true })
  return t
}

async function inGroup(server: TestServer, group: string): Promise<string[]> {
  const { Items } = await server.client.send(new QueryCommand({
    TableName: TABLE, IndexName: 'byGroup',
    KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': S(group) },
  }))
  return (Items ?? []).map((item) => `${item.pk?.S}${item.note ? `:${item.note.S}` : ''}`)
}

async function scanIndex(server: TestServer): Promise<string[]> {
  const { Items } = await server.client.send(new ScanCommand({ TableName: TABLE, IndexName: 'byGroup' }))
  return (Items ?? []).map((item) => item.pk!.S!).sort()
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('GSI lag (DYNAMODB_INDEX_LAG_MS)', () => {
  it('a put is invisible in the index until its lag has passed; the base table sees it at once', async () => {
    const s = await start()
    const lags: number[] = []
    for (let i = 0; i < 8; i++) {
      const pk = `p${i}`
      const at = Date.now()
      await s.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S(pk), group: S('g') } }))
      expect((await s.client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: S(pk) }, ConsistentRead: true }))).Item?.pk).toEqual(S(pk))
      expect((await s.client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: S(pk) } }))).Item?.pk).toEqual(S(pk))
      while (!(await inGroup(s, 'g')).includes(pk)) await sleep(5)
      lags.push(Date.now() - at)
    }
    // Uniform in [0, LAG]: never (much) later than LAG, and not all at once.
    expect(Math.max(...lags)).toBeLessThan(LAG + 150)
    expect(lags.some((ms) => ms > 30)).toBe(true)
  })

  it('an update shows its old version, under its old index key, until its lag has passed', async () => {
    const s = await start(150)
    await s.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S('u'), group: S('red'), note: S('v1') } }))
    await sleep(200)
    expect(await inGroup(s, 'red')).toEqual(['u:v1'])
    // Many updates: at least one is seen stale (each lag is uniform in [0, 150] ms).
    let staleSeen = 0
    for (let i = 2; i < 12; i++) {
      await s.client.send(new UpdateItemCommand({
        TableName: TABLE, Key: { pk: S('u') }, UpdateExpression: 'SET note = :n', ExpressionAttributeValues: { ':n': S(`v${i}`) },
      }))
      const seen = await inGroup(s, 'red')
      expect(seen).toHaveLength(1)
      if (seen[0] !== `u:v${i}`) staleSeen++
      // Never a version older than the one before this write.
      expect(Number(seen[0]!.split(':v')[1])).toBeGreaterThanOrEqual(1)
    }
    expect(staleSeen).toBeGreaterThan(0)
    await sleep(200)
    expect(await inGroup(s, 'red')).toEqual(['u:v11'])

    // Moving to another index key: listed under the old one, not the new one, until the lag passes.
    await s.client.send(new UpdateItemCommand({
      TableName: TABLE, Key: { pk: S('u') }, UpdateExpression: 'SET #g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': S('blue') },
    }))
    const [red, blue] = [await inGroup(s, 'red'), await inGroup(s, 'blue')]
    expect(red.length + blue.length).toBeGreaterThan(0)
    await sleep(200)
    expect(await inGroup(s, 'red')).toEqual([])
    expect(await inGroup(s, 'blue')).toEqual(['u:v11'])
  })

  it('a put then a delete within the lag: never listed; the base table has no item', async () => {
    // Deterministic: a lag of 10 s, so nothing written below becomes visible during the test.
    t = await startTestServer({ indexLagMs: 10_000 })
    await createTable(t.client, TABLE, { gsi: true })
    const c = t.client
    await c.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S('d'), group: S('g') } }))
    expect(await inGroup(t, 'g')).toEqual([])
    await c.send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: S('d') } }))
    expect(await inGroup(t, 'g')).toEqual([])
    expect((await c.send(new GetItemCommand({ TableName: TABLE, Key: { pk: S('d') } }))).Item).toBeUndefined()
  })

  it('a deleted item stays listed until its lag has passed', async () => {
    const s = await start(150)
    let listedAfterDelete = 0
    for (let i = 0; i < 6; i++) {
      await s.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S('d'), group: S('g') } }))
      while ((await inGroup(s, 'g')).length === 0) await sleep(5)
      await s.client.send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: S('d') } }))
      expect((await s.client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: S('d') } }))).Item).toBeUndefined()
      if ((await inGroup(s, 'g')).length === 1) listedAfterDelete++
      while ((await inGroup(s, 'g')).length === 1) await sleep(5)
    }
    expect(listedAfterDelete).toBeGreaterThan(0)
  })

  it('TransactWriteItems and BatchWriteItem lag too; Scan on the index is lagged, Scan and Query on the table are not', async () => {
    const s = await startTestServer({ indexLagMs: 10_000 })
    t = s
    await createTable(s.client, TABLE, { gsi: true })
    await s.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: TABLE, Item: { pk: S('t1'), group: S('g') } } }] }))
    await s.client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: [{ PutRequest: { Item: { pk: S('b1'), group: S('g') } } }] } }))
    expect(await inGroup(s, 'g')).toEqual([])
    expect(await scanIndex(s)).toEqual([])
    const table = await s.client.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true }))
    expect((table.Items ?? []).map((i) => i.pk!.S).sort()).toEqual(['b1', 't1'])
    const query = await s.client.send(new QueryCommand({
      TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': S('t1') },
    }))
    expect(query.Items).toHaveLength(1)
  })

  it('ConsistentRead on a GSI is a ValidationException (API reference, Query: ConsistentRead)', async () => {
    const s = await start()
    const err = await s.client.send(new QueryCommand({
      TableName: TABLE, IndexName: 'byGroup', ConsistentRead: true,
      KeyConditionExpression: '#g = :g', ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': S('g') },
    })).then(() => undefined, (e: Error) => e)
    expect(err?.name).toBe('ValidationException')
    expect(err?.message).toBe('Consistent reads are not supported on global secondary indexes')
  })

  it('with the lag at 0 the index is up to date at once', async () => {
    const s = await start(0)
    await s.client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: S('z'), group: S('g') } }))
    expect(await inGroup(s, 'g')).toEqual(['z'])
  })
})

describe('IndexLag (the journal alone)', () => {
  it('draws seeded lags uniform in [0, max], the same for the same seed', () => {
    const at = () => 1000
    const a = new IndexLag(200, 7, at)
    const b = new IndexLag(200, 7, at)
    const drawsA = Array.from({ length: 2000 }, () => a.drawVisibleAt() - 1000)
    const drawsB = Array.from({ length: 2000 }, () => b.drawVisibleAt() - 1000)
    expect(drawsA).toEqual(drawsB)
    expect(Math.min(...drawsA)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...drawsA)).toBeLessThanOrEqual(200)
    const mean = drawsA.reduce((x, y) => x + y, 0) / drawsA.length
    expect(mean).toBeGreaterThan(90)
    expect(mean).toBeLessThan(110)
    expect(new IndexLag(200, 8, at).drawVisibleAt()).not.toBe(new IndexLag(200, 7, at).drawVisibleAt())
  })

  it('shows the newest visible version of each entry, else its pre-image; later writes never show before earlier ones', () => {
    let now = 0
    const lag = new IndexLag(100, 1, () => now)
    const P = 'index-global~T~I~'
    lag.record(P, 'k', undefined, 'v1', 50)
    lag.record(P, 'k', undefined, 'v2', 20) // drawn earlier than v1's, shown no earlier than v1
    lag.record(P, 'gone', 'old', undefined, 80)
    expect(lag.overlay(P)).toEqual(new Map<string, unknown>([['k', undefined], ['gone', 'old']]))
    now = 50
    expect(lag.overlay(P)).toEqual(new Map<string, unknown>([['gone', 'old']]))
    now = 80
    expect(lag.overlay(P)).toBeUndefined()
    lag.record(P, 'k', 'v2', 'v3', 200)
    now = 100
    expect(lag.overlay(P)?.get('k')).toBe('v2')
    lag.dropTable('T')
    expect(lag.overlay(P)).toBeUndefined()
  })

  it('forgets visible entries of an index nobody reads', () => {
    let now = 0
    const lag = new IndexLag(100, 1, () => now)
    for (let i = 0; i < 1023; i++) lag.record('index-global~T~I~', `k${i}`, undefined, 'v', 50)
    expect(lag.size).toBe(1023)
    now = 60
    lag.record('index-global~T~I~', 'last', undefined, 'v', 200) // the 1024th write sweeps
    expect(lag.size).toBe(1)
  })
})
