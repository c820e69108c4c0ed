/**
 * Starts the embedded DynamoDB: dynalite persisted under `dataDir`, with TransactWriteItems,
 * TransactGetItems, UpdateTimeToLive and DescribeTimeToLive answered by this package, and
 * DynamoDB's transaction conflicts raised on single-item writes and BatchWriteItem too.
 */
import { mkdir } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { batchWriteItem } from './batchWrite.js'
import { enableSyncWrites } from './durability.js'
import { createDynalite } from './dynalite.js'
import type { Holds } from './holds.js'
import { installOperations, type Router } from './http.js'
import { IdempotencyCache } from './idempotency.js'
import { refuseEmptyIndexKeys } from './indexKeys.js'
import { IndexLag, installIndexLag } from './indexLag.js'
import { InFlightItems } from './inFlight.js'
import { forgetTokens, loadTokens } from './tokens.js'
import { recoverTableStates } from './recovery.js'
import { guardSingleWrites } from './singleWrites.js'
import { transactGetItems } from './transactGet.js'
import { transactWriteItems } from './transactWrite.js'
import { describeTimeToLive, updateTimeToLive } from './ttl.js'
import type { Store } from './types.js'

export interface LocalDynamoOptions {
  /** 0 picks a free port. */
  port: number
  /** LevelDB directory (created if missing). */
  dataDir: string
  /** Default 127.0.0.1. */
  host?: string
  /** fsync every write (survives power loss, not only process crashes); default false. See durability.ts. */
  sync?: boolean
  /** How long a table stays CREATING/UPDATING/DELETING; default 5 ms. */
  tableStatusMs?: number
  /** Tests only: pause points that keep an operation holding its items (holds.ts). */
  holds?: Holds
  /** GSIs show each write after a random lag, uniform in [0, indexLagMs] (indexLag.ts); default 0 = at once. */
  indexLagMs?: number
  /** Seed of the lag's generator (default 12). */
  indexLagSeed?: number
}

export interface LocalDynamo {
  endpoint: string
  port: number
  close(): Promise<void>
}

export async function startLocalDynamo(opts: LocalDynamoOptions): Promise<LocalDynamo> {
  const host = opts.host ?? '127.0.0.1'
  const statusMs = opts.tableStatusMs ?? 5
  await mkdir(opts.dataDir, { recursive: true })
  const { server, store } = createDynalite({
    path: opts.dataDir, createTableMs: statusMs, updateTableMs: statusMs, deleteTableMs: statusMs,
  })

  let router: Router
  try {
    if (opts.sync) enableSyncWrites(store.db)
    await recoverTableStates(store) // also surfaces open errors (e.g. the directory is in use)
    const inFlight = new InFlightItems()
    const holds = opts.holds ?? {}
    refuseEmptyIndexKeys()
    guardSingleWrites(store, inFlight, holds)
    const indexLag = new IndexLag(opts.indexLagMs ?? 0, opts.indexLagSeed)
    installIndexLag(store, indexLag)
    const tokens = new IdempotencyCache(undefined, undefined, undefined, forgetTokens(store))
    await loadTokens(store, tokens)
    router = installOperations(server, {
      TransactWriteItems: transactWriteItems(store, tokens, inFlight, holds, indexLag),
      TransactGetItems: transactGetItems(store, inFlight),
      BatchWriteItem: batchWriteItem(store, inFlight),
      UpdateTimeToLive: updateTimeToLive(store),
      DescribeTimeToLive: describeTimeToLive(store),
    })
    await listen(server, opts.port, host)
  } catch (err) {
    await closeStore(store).catch(() => {})
    throw err
  }

  const port = (server.address() as AddressInfo).port
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => closeServer(server, router),
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/**
 * Stops accepting connections, answers the requests already received (then drops their
 * keep-alive connections), and closes LevelDB once pending writes are done (dynalite's close).
 */
function closeServer(server: Server, router: Router): Promise<void> {
  return new Promise((resolve, reject) => {
    router.beginShutdown()
    server.close((err?: Error) => (err ? reject(err) : resolve()))
    server.closeIdleConnections()
  })
}

function closeStore(store: Store): Promise<void> {
  return new Promise((resolve, reject) => store.db.close((err) => (err ? reject(err) : resolve())))
}
