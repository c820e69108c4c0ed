import { rm } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand,
  PutItemCommand, TransactWriteItemsCommand, UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import { startLocalDynamo } from '../../local/dynamodb/index.js'
import { createTable, makeClient, startTestServer, tempDir, waitForActive, type TestServer } from './helpers.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function server(dataDir?: string): Promise<TestServer> {
  const t = await startTestServer({ dataDir })
  cleanups.push(() => t.stop())
  return t
}

describe('startLocalDynamo', () => {
  it('listens on a free port and reports its endpoint', async () => {
    const t = await server()
    expect(t.server.port).toBeGreaterThan(0)
    expect(t.server.endpoint).toBe(`http://127.0.0.1:${t.server.port}`)
  })

  it('persists tables and items across restarts of the same data dir', async () => {
    const dataDir = await tempDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const first = await startTestServer({ dataDir })
    await createTable(first.client, 'kept')
    await first.client.send(new PutItemCommand({ TableName: 'kept', Item: { pk: { S: 'k' }, v: { N: '7' } } }))
    await first.stop()

    const second = await server(dataDir)
    const { Item } = await second.client.send(new GetItemCommand({ TableName: 'kept', Key: { pk: { S: 'k' } } }))
    expect(Item).toEqual({ pk: { S: 'k' }, v: { N: '7' } })
  })

  it('finishes a table creation interrupted before the table became ACTIVE', async () => {
    const dataDir = await tempDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    // A table that stays CREATING for a minute, then the server goes away.
    const slow = await startLocalDynamo({ port: 0, dataDir, tableStatusMs: 60_000 })
    const client = makeClient(slow.endpoint)
    await client.send(new CreateTableCommand({
      TableName: 'interrupted', BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    }))
    expect((await client.send(new DescribeTableCommand({ TableName: 'interrupted' }))).Table?.TableStatus).toBe('CREATING')
    client.destroy()
    await slow.close()

    const t = await server(dataDir)
    expect((await t.client.send(new DescribeTableCommand({ TableName: 'interrupted' }))).Table?.TableStatus).toBe('ACTIVE')
  })

  it('finishes a table deletion interrupted before the table record was removed', async () => {
    const dataDir = await tempDir()
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const first = await startTestServer({ dataDir })
    await createTable(first.client, 'doomed', { gsi: true })
    await first.client.send(new PutItemCommand({ TableName: 'doomed', Item: { pk: { S: 'a' }, group: { S: 'g' } } }))
    await first.stop()

    const slow = await startLocalDynamo({ port: 0, dataDir, tableStatusMs: 60_000 })
    const client = makeClient(slow.endpoint)
    await client.send(new DeleteTableCommand({ TableName: 'doomed' }))
    expect((await client.send(new DescribeTableCommand({ TableName: 'doomed' }))).Table?.TableStatus).toBe('DELETING')
    client.destroy()
    await slow.close()

    const t = await server(dataDir)
    await expect(t.client.send(new DescribeTableCommand({ TableName: 'doomed' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
    await createTable(t.client, 'doomed', { gsi: true })
    const { Item } = await t.client.send(new GetItemCommand({ TableName: 'doomed', Key: { pk: { S: 'a' } } }))
    expect(Item).toBeUndefined()
  })

  it('serves transactions with sync (fsync) writes enabled', async () => {
    const t = await startTestServer({ sync: true })
    cleanups.push(() => t.stop())
    await createTable(t.client, 'synced')
    await t.client.send(new TransactWriteItemsCommand({
      TransactItems: [{ Put: { TableName: 'synced', Item: { pk: { S: 's' } } } }, { Put: { TableName: 'synced', Item: { pk: { S: 't' } } } }],
    }))
    const { Item } = await t.client.send(new GetItemCommand({ TableName: 'synced', Key: { pk: { S: 't' } } }))
    expect(Item).toEqual({ pk: { S: 't' } })
  })

  it('refuses a data dir already in use', async () => {
    const t = await server()
    await expect(startLocalDynamo({ port: 0, dataDir: t.dataDir })).rejects.toThrow()
  })
})

describe('time to live', () => {
  it('enables, describes and disables TTL, and forgets it when the table is re-created', async () => {
    const t = await server()
    await createTable(t.client, 'ttl_table')
    const describe = async () => (await t.client.send(new DescribeTimeToLiveCommand({ TableName: 'ttl_table' }))).TimeToLiveDescription

    expect(await describe()).toEqual({ TimeToLiveStatus: 'DISABLED' })
    const out = await t.client.send(new UpdateTimeToLiveCommand({
      TableName: 'ttl_table', TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    }))
    expect(out.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true })
    expect(await describe()).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' })
    await expect(t.client.send(new UpdateTimeToLiveCommand({
      TableName: 'ttl_table', TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    }))).rejects.toMatchObject({ name: 'ValidationException', message: 'TimeToLive is already enabled' })

    await t.client.send(new DeleteTableCommand({ TableName: 'ttl_table' }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    await createTable(t.client, 'ttl_table')
    expect(await describe()).toEqual({ TimeToLiveStatus: 'DISABLED' })

    await t.client.send(new UpdateTimeToLiveCommand({ TableName: 'ttl_table', TimeToLiveSpecification: { AttributeName: 'exp', Enabled: true } }))
    await t.client.send(new UpdateTimeToLiveCommand({ TableName: 'ttl_table', TimeToLiveSpecification: { AttributeName: 'exp', Enabled: false } }))
    expect(await describe()).toEqual({ TimeToLiveStatus: 'DISABLED' })
  })

  it('answers ResourceNotFoundException for an unknown table', async () => {
    const t = await server()
    await expect(t.client.send(new UpdateTimeToLiveCommand({
      TableName: 'missing_table', TimeToLiveSpecification: { AttributeName: 'x', Enabled: true },
    }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
    await expect(t.client.send(new DescribeTimeToLiveCommand({ TableName: 'missing_table' })))
      .rejects.toMatchObject({ name: 'ResourceNotFoundException' })
  })
})

describe('unchanged dynalite operations', () => {
  it('still serves the operations dynalite implements', async () => {
    const t = await server()
    await createTable(t.client, 'plain')
    await waitForActive(t.client, 'plain')
    await t.client.send(new PutItemCommand({ TableName: 'plain', Item: { pk: { S: 'p' } } }))
    const { Item } = await t.client.send(new GetItemCommand({ TableName: 'plain', Key: { pk: { S: 'p' } } }))
    expect(Item).toEqual({ pk: { S: 'p' } })
  })
})
