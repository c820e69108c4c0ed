/**
 * Static checks that need the table schemas, done before any item is claimed:
 * tables exist (ResourceNotFoundException), keys match the schema, no item is targeted twice.
 * Failures here are request errors (ValidationException), not cancellation reasons.
 */
import { db } from './dynalite.js'
import { resourceNotFound, validationError } from './errors.js'
import { refId, type ItemRef } from './storage.js'
import type { DynaliteError, Item, Store, TableDescription } from './types.js'
import type { GetAction, WriteAction } from './validation.js'

export type Tables = Map<string, TableDescription>

export interface Planned<A> {
  action: A
  table: TableDescription
  ref: ItemRef
}

/**
 * The tables' descriptions, as dynalite's getTable checks them, but read synchronously: a
 * transaction goes from arrival to its commit without awaiting anything but the commit itself,
 * so it holds its items only while its batch is written, however busy the server is.
 */
export function loadTables(store: Store, tableNames: Iterable<string>): Tables {
  const tables: Tables = new Map()
  for (const name of new Set(tableNames)) {
    let table: TableDescription | undefined
    try {
      table = store.db.getSync(`table~${name}`) as TableDescription | undefined
    } catch {
      table = undefined // an undecodable description: dynalite treats it as missing too
    }
    if (!table?.TableStatus || table.TableStatus === 'CREATING' || table.TableStatus === 'DELETING') throw resourceNotFound()
    tables.set(name, table)
  }
  return tables
}

function throwIf(err: DynaliteError | null | undefined): void {
  if (err) throw err
}

function keyOf(item: Item, table: TableDescription, tableName: string): ItemRef {
  return { tableName, key: db.createKey(item, table) }
}

export function planWrites(actions: WriteAction[], tables: Tables): Planned<WriteAction>[] {
  const planned = actions.map((action) => {
    const { request, kind } = action
    const table = tables.get(request.TableName) as TableDescription
    if (kind === 'Put') {
      throwIf(db.validateItem(request.Item as Item, table))
      return { action, table, ref: keyOf(request.Item as Item, table, request.TableName) }
    }
    throwIf(db.validateKey(request.Key as Item, table))
    if (kind === 'Update') throwIf(db.validateUpdates(undefined, request._updates, table))
    return { action, table, ref: keyOf(request.Key as Item, table, request.TableName) }
  })
  rejectDuplicates(planned.map((p) => p.ref))
  return planned
}

export function planGets(actions: GetAction[], tables: Tables): Planned<GetAction>[] {
  const planned = actions.map((action) => {
    const { request } = action
    const table = tables.get(request.TableName) as TableDescription
    throwIf(db.validateKey(request.Key, table))
    throwIf(db.validateKeyPaths(request._projection?.nestedPaths, table))
    return { action, table, ref: keyOf(request.Key, table, request.TableName) }
  })
  rejectDuplicates(planned.map((p) => p.ref))
  return planned
}

function rejectDuplicates(refs: ItemRef[]): void {
  const seen = new Set<string>()
  for (const ref of refs) {
    const id = refId(ref)
    if (seen.has(id)) throw validationError('Transaction request cannot include multiple operations on one item')
    seen.add(id)
  }
}
