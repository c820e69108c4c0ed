/**
 * Raw emulator throughput, through the AWS SDK v3 like the application.
 *
 *   benchTransactions(endpoint, n)  2-action TransactWriteItems (Put new item + Update another), 50 in flight
 *   benchPutItems(endpoint, n)      PutItem, 50 in flight
 *
 * Conflicts (hotKey: every transaction updates one item) are retried as a client must
 * (clientRetry.ts): the rate counts transactions that went through.
 *
 * Each call creates its own table (deleted afterwards). Run directly for a report:
 *   npx tsx local/dynamodb/bench.ts [n] [--out-of-process]
 * which starts servers on temp dirs, with and without `sync` (fsync per write), in this process
 * or in a child process.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { Agent } from 'node:http'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb'
import { retryConflicts } from './clientRetry.js'
import { startLocalDynamo } from './server.js'

export interface BenchOptions {
  /** Requests in flight (default 50). */
  concurrency?: number
  /** All transactions update the same counter item, like a sign-up rush: they conflict and are retried. */
  hotKey?: boolean
}

export interface BenchResult { opsPerSec: number }

export async function benchTransactions(endpoint: string, n: number, opts: BenchOptions = {}): Promise<BenchResult> {
  return bench(endpoint, n, opts, (table, i) => new TransactWriteItemsCommand({
    TransactItems: [
      { Put: { TableName: table, Item: { pk: { S: `signup#${i}` } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Update: {
          TableName: table, Key: { pk: { S: opts.hotKey ? 'counter' : `counter#${i}` } },
          UpdateExpression: 'ADD taken :one', ExpressionAttributeValues: { ':one': { N: '1' } },
        },
      },
    ],
  }))
}

export async function benchPutItems(endpoint: string, n: number, opts: BenchOptions = {}): Promise<BenchResult> {
  return bench(endpoint, n, opts, (table, i) => new PutItemCommand({
    TableName: table, Item: { pk: { S: `item#${i}` }, payload: { S: 'x'.repeat(100) } },
  }))
}

type Command = TransactWriteItemsCommand | PutItemCommand

async function bench(endpoint: string, n: number, opts: BenchOptions, command: (table: string, i: number) => Command): Promise<BenchResult> {
  const concurrency = opts.concurrency ?? 50
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  // Patient: 50 clients on one item, each must get through for the run to count.
  const client = retryConflicts(new DynamoDBClient({
    endpoint, region: 'local', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    requestHandler: { httpAgent: agent },
  }), undefined, 1000)
  const table = `bench_${randomBytes(4).toString('hex')}`
  try {
    await createBenchTable(client, table)
    await runPool(Math.min(n, concurrency * 2), concurrency, (i) => client.send(command(table, -1 - i) as never)) // warm-up
    const started = performance.now()
    await runPool(n, concurrency, (i) => client.send(command(table, i) as never))
    return { opsPerSec: Math.round(n / ((performance.now() - started) / 1000)) }
  } finally {
    await client.send(new DeleteTableCommand({ TableName: table })).catch(() => {})
    client.destroy()
    agent.destroy()
  }
}

async function createBenchTable(client: DynamoDBClient, table: string): Promise<void> {
  await client.send(new CreateTableCommand({
    TableName: table, BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  }))
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }))
    if (Table?.TableStatus === 'ACTIVE') return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function runPool(count: number, limit: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) await task(next++)
  }))
}

/** Starts a server on a temp dir, in this process or in a child process (client and server then use one core each). */
async function startBenchServer(sync: boolean, outOfProcess: boolean): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'local-dynamodb-bench-'))
  if (!outOfProcess) {
    const server = await startLocalDynamo({ port: 0, dataDir, sync })
    return { endpoint: server.endpoint, stop: async () => { await server.close(); await rm(dataDir, { recursive: true, force: true }) } }
  }
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve', dataDir, String(sync)],
    { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
  return {
    endpoint: line,
    stop: async () => {
      child.kill()
      await once(child, 'exit')
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

async function main(args: string[]): Promise<void> {
  if (args[0] === '--serve') {
    const server = await startLocalDynamo({ port: 0, dataDir: args[1] as string, sync: args[2] === 'true' })
    process.stdout.write(server.endpoint + '\n')
    return
  }
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 3000)
  const outOfProcess = args.includes('--out-of-process')
  for (const sync of [false, true]) {
    const server = await startBenchServer(sync, outOfProcess)
    try {
      console.log(JSON.stringify({
        sync,
        outOfProcess,
        putItem: await benchPutItems(server.endpoint, n),
        transactWrite: await benchTransactions(server.endpoint, n),
        transactWriteHotKey: await benchTransactions(server.endpoint, n, { hotKey: true }),
      }))
    } finally {
      await server.stop()
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err)
    process.exitCode = 1
  })
}
