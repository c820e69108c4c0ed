/**
 * Global secondary indexes are eventually consistent, as on DynamoDB: a write reaches a GSI after
 * a lag ("Reading from a GSI" / "Eventual consistency" in the developer guide: a Query or Scan on
 * a GSI may not reflect a write that just succeeded; ConsistentRead on a GSI is refused with a
 * ValidationException, which dynalite already does). Off unless `indexLagMs` > 0.
 *
 * Model. Every write that changes GSI entries draws one lag, uniform in [0, indexLagMs] from a
 * seeded generator (the same seed and the same order of writes give the same lags): a single-item
 * write (PutItem, UpdateItem, DeleteItem, each put or delete of a BatchWriteItem) draws one, a
 * TransactWriteItems one for all its items. The write lands in LevelDB at once, items and index
 * entries alike (the base table stays strongly consistent, and a crash loses nothing); a journal
 * here remembers, per index entry, what it held before (its pre-image) and the versions written
 * since, each with the time it becomes visible. A Query or Scan with an IndexName naming a GSI
 * reads the index through that journal: an entry whose newest version is not yet visible shows
 * its newest visible version, else its pre-image. So a new item is missing from the index, a
 * deleted item is still listed, and an updated item is listed with its old attributes (also
 * under its old index key, and not yet under its new one) until its lag has passed. Versions of
 * one entry become visible in write order (a later write never shows before an earlier one).
 *
 * Not lagged: the base table (GetItem, Query/Scan without IndexName, TransactGetItems) and local
 * secondary indexes (the project has none; on DynamoDB they are strongly consistent on request).
 * The journal lives in memory: after a restart every index is up to date at once.
 *
 * How it reaches into dynalite: single-item actions call `db.updateIndexes(store, ...)`, which
 * takes a view of each index through `store.getIndexDb` synchronously and then writes through it;
 * we wrap both, so the views made during one updateIndexes call carry that write's visible time.
 * Queries and scans read through `store.getIndexDb(...).createValueStream(range)`, which the same
 * view answers from LevelDB overlaid with the journal. TransactWriteItems records its batch's
 * index operations here before committing them (transactWrite.ts).
 */
import { Readable } from 'node:stream'
import { db } from './dynalite.js'
import { indexKeyPrefix } from './storage.js'
import type { BatchOp, Callback, Store, SubDb } from './types.js'

interface Version { value: unknown; visibleAt: number }
interface Entry { before: unknown; versions: Version[] }

/** LevelDB range options as dynalite's queries pass them (relative to the index's prefix). */
interface RangeOptions { gt?: string; gte?: string; lt?: string; lte?: string; reverse?: boolean; limit?: number }

type IndexView = SubDb & { createValueStream(options: RangeOptions): NodeJS.ReadableStream }

export class IndexLag {
  /** index prefix (`index-global~Table~Index~`) → entry key → pending versions */
  private readonly pending = new Map<string, Map<string, Entry>>()
  private state: number
  private recorded = 0
  /** The visible time of the single-item write now running dynalite's updateIndexes, if any. */
  writing: number | undefined

  constructor(
    readonly maxLagMs: number,
    seed = 12,
    private readonly now: () => number = Date.now,
  ) {
    this.state = seed >>> 0
  }

  get enabled(): boolean {
    return this.maxLagMs > 0
  }

  /** When a write made now becomes visible in the indexes: now + uniform [0, maxLagMs]. */
  drawVisibleAt(): number {
    return this.now() + Math.round(this.random() * this.maxLagMs)
  }

  /** Records a write of one index entry (`after` undefined = deleted), `before` being what LevelDB holds now. */
  record(prefix: string, key: string, before: unknown, after: unknown, visibleAt: number): void {
    if (++this.recorded % 1024 === 0) this.sweep()
    let entries = this.pending.get(prefix)
    if (!entries) this.pending.set(prefix, (entries = new Map()))
    const entry = entries.get(key)
    const now = this.now()
    if (!entry || entry.versions[entry.versions.length - 1]!.visibleAt <= now) {
      entries.set(key, { before, versions: [{ value: after, visibleAt }] })
      return
    }
    const last = entry.versions[entry.versions.length - 1]!
    entry.versions.push({ value: after, visibleAt: Math.max(visibleAt, last.visibleAt) })
  }

  /** A transaction's batch: every GSI entry it writes, all with one visible time, before the batch is committed. */
  recordBatch(store: Store, ops: BatchOp[]): void {
    if (!this.enabled) return
    const visibleAt = this.drawVisibleAt()
    for (const op of ops) {
      if (!op.key.startsWith('index-global~')) continue
      const cut = nthIndexOf(op.key, '~', 3) + 1
      const prefix = op.key.slice(0, cut)
      this.record(prefix, op.key.slice(cut), store.db.getSync(op.key), op.type === 'put' ? op.value : undefined, visibleAt)
    }
  }

  /** Entries of one index whose newest version is not visible yet → what a reader sees now (undefined = absent). */
  overlay(prefix: string): Map<string, unknown> | undefined {
    const entries = this.pending.get(prefix)
    if (!entries) return undefined
    const now = this.now()
    const seen = new Map<string, unknown>()
    for (const [key, entry] of entries) {
      const newest = entry.versions[entry.versions.length - 1]!
      if (newest.visibleAt <= now) {
        entries.delete(key)
        continue
      }
      let visible = entry.before
      for (const version of entry.versions) {
        if (version.visibleAt > now) break
        visible = version.value
      }
      seen.set(key, visible)
    }
    if (entries.size === 0) this.pending.delete(prefix)
    return seen.size > 0 ? seen : undefined
  }

  /** Entries pending (for tests and the sweep). */
  get size(): number {
    let n = 0
    for (const entries of this.pending.values()) n += entries.size
    return n
  }

  /** Forgets entries whose every version is visible (an index nobody reads would otherwise keep them). */
  sweep(): void {
    for (const prefix of [...this.pending.keys()]) this.overlay(prefix)
  }

  /** A deleted table's indexes are gone: forget what was pending on them. */
  dropTable(tableName: string): void {
    for (const prefix of [...this.pending.keys()]) if (prefix.startsWith(`index-global~${tableName}~`)) this.pending.delete(prefix)
  }

  /** mulberry32 */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function nthIndexOf(text: string, char: string, n: number): number {
  let at = -1
  for (let i = 0; i < n; i++) at = text.indexOf(char, at + 1)
  return at
}

const lagOfStore = new WeakMap<object, IndexLag>()
let updateIndexesWrapped = false

/** Makes `store`'s GSIs lag behind its writes (no-op when the lag is 0). */
export function installIndexLag(store: Store, lag: IndexLag): void {
  if (!lag.enabled) return
  lagOfStore.set(store, lag)
  wrapUpdateIndexes()

  const getIndexDb = store.getIndexDb.bind(store)
  store.getIndexDb = (indexType, tableName, indexName) => {
    const sub = getIndexDb(indexType, tableName, indexName)
    if (indexType.toLowerCase() !== 'global') return sub
    return laggedView(store, sub as IndexView, indexKeyPrefix('Global', tableName, indexName), lag)
  }

  const mutable = store as unknown as { deleteItemDb: (name: string, cb: Callback) => void }
  const deleteItemDb = mutable.deleteItemDb.bind(store)
  mutable.deleteItemDb = (name, cb) => {
    lag.dropTable(name)
    deleteItemDb(name, cb)
  }
}

/** Single-item writes: the index views dynalite takes during one updateIndexes call share one visible time. */
function wrapUpdateIndexes(): void {
  if (updateIndexesWrapped) return
  updateIndexesWrapped = true
  const updateIndexes = db.updateIndexes
  db.updateIndexes = (store, table, existingItem, item, cb) => {
    const lag = lagOfStore.get(store as object)
    if (!lag) return updateIndexes(store, table, existingItem, item, cb)
    lag.writing = lag.drawVisibleAt()
    try {
      return updateIndexes(store, table, existingItem, item, cb)
    } finally {
      lag.writing = undefined
    }
  }
}

function laggedView(store: Store, sub: IndexView, prefix: string, lag: IndexLag): IndexView {
  const view = Object.create(sub) as IndexView
  const visibleAt = lag.writing
  if (visibleAt !== undefined) {
    view.put = (key, value, cb) => {
      lag.record(prefix, key, store.db.getSync(prefix + key), value, visibleAt)
      sub.put(key, value, cb)
    }
    view.del = (key, cb) => {
      lag.record(prefix, key, store.db.getSync(prefix + key), undefined, visibleAt)
      sub.del(key, cb)
    }
  }
  view.createValueStream = (options) => {
    const overlay = lag.overlay(prefix)
    if (!overlay) return sub.createValueStream(options)
    return overlaid(store, prefix, options, overlay)
  }
  return view
}

/** The index range as a reader sees it now: LevelDB's entries with the journal's pending ones replaced. */
function overlaid(store: Store, prefix: string, options: RangeOptions, overlay: Map<string, unknown>): NodeJS.ReadableStream {
  const range = {
    ...(options.gt !== undefined ? { gt: prefix + options.gt } : { gte: prefix + (options.gte ?? '') }),
    ...(options.lt !== undefined ? { lt: prefix + options.lt } : options.lte !== undefined ? { lte: prefix + options.lte } : { lt: prefix + '\xFF' }),
  }
  const inRange = (key: string) =>
    ('gt' in range ? compare(key, range.gt!) > 0 : compare(key, range.gte!) >= 0) &&
    ('lt' in range ? compare(key, range.lt!) < 0 : compare(key, range.lte!) <= 0)

  async function* values() {
    const rows = new Map<string, unknown>()
    for await (const [key, value] of store.db.iterator(range as { gte: string; lt: string })) rows.set(key, value)
    for (const [key, visible] of overlay) {
      const full = prefix + key
      if (!inRange(full)) continue
      if (visible === undefined) rows.delete(full)
      else rows.set(full, visible)
    }
    const keys = [...rows.keys()].sort(compare)
    if (options.reverse) keys.reverse()
    const limit = options.limit !== undefined && options.limit >= 0 ? options.limit : keys.length
    for (const key of keys.slice(0, limit)) yield rows.get(key)
  }
  return Readable.from(values(), { objectMode: true })
}

/** LevelDB's order: bytewise on UTF-8. */
function compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}
