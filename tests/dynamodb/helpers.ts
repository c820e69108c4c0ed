import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CreateTableCommand, DescribeTableCommand, DynamoDBClient, type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { startLocalDynamo, type LocalDynamo } from '../../local/dynamodb/index.js'
import type { Holds } from '../../local/dynamodb/index.js'

// What a real client does about conflicts: tests that race many requests on one item use it.
export { isConflict, reasonCodes, retryConflicts } from '../../local/dynamodb/clientRetry.js'

/** Attribute values, as the low-level client wants them. */
export const S = (s: string) => ({ S: s })
export const N = (n: number) => ({ N: String(n) })

export interface TestServer {
  server: LocalDynamo
  dataDir: string
  client: DynamoDBClient
  doc: DynamoDBDocumentClient
  stop(): Promise<void>
}

export function makeClient(endpoint: string, maxAttempts = 3): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
  })
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'local-dynamodb-test-'))
}

/**
 * A pause point for `Holds` (local/dynamodb/holds.ts): `holdNext()` arms it, and the next
 * operation reaching it stays there, holding its items, until `release()`.
 */
export interface Gate {
  hook: (items: unknown) => Promise<void> | undefined
  /** Resolves once an operation is held. */
  holdNext(): Promise<void>
  release(): void
}

export function gate(): Gate {
  let armed: (() => void) | undefined
  let release = () => {}
  return {
    hook() {
      if (!armed) return undefined
      armed()
      armed = undefined
      return new Promise<void>((resolve) => { release = resolve })
    },
    holdNext() {
      return new Promise<void>((resolve) => { armed = resolve })
    },
    release: () => release(),
  }
}

export async function startTestServer(options: { dataDir?: string; sync?: boolean; holds?: Holds; indexLagMs?: number } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? await tempDir()
  const server = await startLocalDynamo({ port: 0, dataDir, sync: options.sync, holds: options.holds, indexLagMs: options.indexLagMs })
  const client = makeClient(server.endpoint)
  const doc = DynamoDBDocumentClient.from(client)
  return {
    server, dataDir, client, doc,
    async stop() {
      client.destroy()
      await server.close()
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export async function waitForActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }))
    if (Table?.TableStatus === 'ACTIVE') return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`table ${tableName} did not become ACTIVE`)
}

/** Table `pk` (S) hash key, optional GSI `byGroup` on (group S, pk S). */
export async function createTable(client: DynamoDBClient, tableName: string, opts: { gsi?: boolean } = {}): Promise<void> {
  const input: CreateTableCommandInput = {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  }
  if (opts.gsi) {
    input.AttributeDefinitions!.push({ AttributeName: 'group', AttributeType: 'S' })
    input.GlobalSecondaryIndexes = [{
      IndexName: 'byGroup',
      KeySchema: [{ AttributeName: 'group', KeyType: 'HASH' }, { AttributeName: 'pk', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' },
    }]
  }
  await client.send(new CreateTableCommand(input))
  await waitForActive(client, tableName)
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count)
  let next = 0
  await Promise.all(Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) {
      const i = next++
      results[i] = await task(i)
    }
  }))
  return results
}
