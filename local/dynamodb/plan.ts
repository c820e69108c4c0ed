/**
 * Static checks that need the table schemas, done before any lock is taken:
 * tables exist (ResourceNotFoundException), keys match the schema, no item is targeted twice.
 * Failures here are request errors (ValidationException), not cancellation reasons.
 */
import { db, getTable } from './dynalite.js'
import { validationError } from './errors.js'
import { refId, type ItemRef } from './storage.js'
import type { DynaliteError, Item, Store, TableDescription } from './types.js'
import type { GetAction, WriteAction } from './validation.js'

export type Tables = Map<string, TableDescription>

export interface Planned<A> {
  action: A
  table: TableDescription
  ref: ItemRef
}

export async function loadTables(store: Store, tableNames: Iterable<string>): Promise<Tables> {
  const names = [...new Set(tableNames)]
  const tables = await Promise.all(names.map((name) => getTable(store, name, true)))
  return new Map(names.map((name, i) => [name, tables[i] as TableDescription]))
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
