/**
 * Every acknowledged write survives `kill -9` of the server process, and a transaction is never
 * half-present after the crash (items, counter and GSI entries all or nothing).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import {
  GetItemCommand, PutItemCommand, QueryCommand, ScanCommand, TransactWriteItemsCommand, type DynamoDBClient,
} from '@aws-sdk/client-dynamodb'
import { S, createTable, makeClient, pool, tempDir } from './helpers.js'

const FIXTURE = fileURLToPath(new URL('./fixtures/server.ts', import.meta.url))
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const lines = createInterface({ input: child.stdout! })
  const exited = once(child, 'exit').then(() => { throw new Error(`server exited early: ${stderr}`) })
  const [line] = await Promise.race([once(lines, 'line') as Promise<string[]>, exited])
  lines.close()
  return { child, endpoint: (JSON.parse(line as string) as { endpoint: string }).endpoint }
}

async function exists(client: DynamoDBClient, pk: string): Promise<boolean> {
  const { Item } = await client.send(new GetItemCommand({ TableName: 'durable', Key: { pk: S(pk) }, ConsistentRead: true }))
  return Item !== undefined
}

describe('durability', () => {
  it('keeps every acknowledged write, and whole transactions only, across kill -9', async () => {
    const dataDir = await tempDir()
    try {
      const first = await spawnServer(dataDir)
      const writer = makeClient(first.endpoint, 1)
      await createTable(writer, 'durable', { gsi: true })

      const ackedPuts: number[] = []
      const ackedTxs: number[] = []
      let killed = false
      await pool(600, 50, async (i) => {
        if (killed) return
        try {
          if (i % 2 === 0) {
            await writer.send(new PutItemCommand({ TableName: 'durable', Item: { pk: S(`put#${i}`) } }))
            ackedPuts.push(i)
          } else {
            await writer.send(new TransactWriteItemsCommand({
              TransactItems: [
                { Put: { TableName: 'durable', Item: { pk: S(`tx#${i}#a`), group: S('tx') } } },
                { Put: { TableName: 'durable', Item: { pk: S(`tx#${i}#b`), group: S('tx') } } },
                { Update: { TableName: 'durable', Key: { pk: S(`counter#${i % 7}`) }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
              ],
            }))
            ackedTxs.push(i)
          }
        } catch {
          return // not acknowledged: may or may not have been applied
        }
        // Kill while ~50 requests are still in flight.
        if (!killed && ackedPuts.length + ackedTxs.length >= 250) {
          killed = true
          first.child.kill('SIGKILL')
        }
      })
      writer.destroy()
      expect(killed).toBe(true)
      await once(first.child, 'exit').catch(() => {})

      const second = await spawnServer(dataDir)
      const reader = makeClient(second.endpoint)
      for (const i of ackedPuts) expect(await exists(reader, `put#${i}`), `put#${i}`).toBe(true)
      for (const i of ackedTxs) expect(await exists(reader, `tx#${i}#a`), `tx#${i}`).toBe(true)

      // Atomicity, acknowledged or not: both items and the counter increment, or none of them.
      const { Items = [] } = await reader.send(new ScanCommand({ TableName: 'durable', ConsistentRead: true }))
      const keys = new Set(Items.map((item) => item.pk?.S as string))
      const presentTxs = [...keys].filter((k) => k.endsWith('#a')).map((k) => Number(k.split('#')[1]))
      for (const i of presentTxs) expect(keys.has(`tx#${i}#b`), `tx#${i}#b`).toBe(true)
      expect([...keys].filter((k) => k.endsWith('#b'))).toHaveLength(presentTxs.length)
      const counterTotal = Items.filter((item) => item.pk?.S?.startsWith('counter#')).reduce((sum, item) => sum + Number(item.n?.N), 0)
      expect(counterTotal).toBe(presentTxs.length)

      // The GSI holds exactly the transactional items present.
      const { Items: indexed = [] } = await reader.send(new QueryCommand({
        TableName: 'durable', IndexName: 'byGroup', KeyConditionExpression: '#g = :g',
        ExpressionAttributeNames: { '#g': 'group' }, ExpressionAttributeValues: { ':g': S('tx') },
      }))
      expect(indexed.map((item) => item.pk?.S).sort()).toEqual([...keys].filter((k) => k.startsWith('tx#')).sort())

      reader.destroy()
      second.child.kill('SIGKILL')
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
