/**
 * BatchWriteItem, in front of dynalite's own: a put or delete of an item an in-flight
 * TransactWriteItems holds is not written and comes back in UnprocessedItems; the others are
 * written. DynamoDB lists no TransactionConflictException among BatchWriteItem's errors: the
 * batch is not atomic, each of its writes is isolated from transactions on its own, and a write
 * it could not do is handed back unprocessed, which callers already loop on (with back-off).
 * Left to dynalite, one refused write would fail the whole batch after the others were written.
 *
 * The admitted writes count as in flight from the check on (InFlightItems.beginSingleWrite): no
 * transaction can take their items before dynalite writes them, and a TransactGetItems meeting
 * one conflicts, as the developer guide says it does with an ongoing BatchWriteItem.
 */
import { actionValidations, db, itemActions, validations } from './dynalite.js'
import type { OperationHandler } from './http.js'
import type { InFlightItems, Release } from './inFlight.js'
import { loadTables, type Tables } from './plan.js'
import { runAction } from './stagedStore.js'
import { refId, type ItemRef } from './storage.js'
import type { Item, Store, TableDescription } from './types.js'

interface WriteRequest { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }
type RequestItems = Record<string, WriteRequest[]>
interface BatchWriteRequest { RequestItems: RequestItems }

export function batchWriteItem(store: Store, inFlight: InFlightItems): OperationHandler {
  return async (body) => {
    const spec = actionValidations.batchWriteItem
    const data = validations.checkTypes<BatchWriteRequest>(body, spec.types)
    validations.checkValidations(data, spec.types, spec.custom, store)
    const tables = loadTables(store, Object.keys(data.RequestItems))

    const refs = itemRefs(data.RequestItems, tables)
    // A bad key or a duplicate: dynalite rejects the whole batch before writing anything.
    if (!refs) return run(store, data)

    const original = (body as BatchWriteRequest).RequestItems
    const admitted: RequestItems = {}
    const unprocessed: RequestItems = {}
    const ends: Release[] = []
    for (const [tableName, requests] of Object.entries(data.RequestItems)) {
      requests.forEach((request, i) => {
        const end = inFlight.beginSingleWrite(refs.get(tableName)![i]!)
        if (end) {
          ends.push(end)
          ;(admitted[tableName] ??= []).push(request)
        } else {
          ;(unprocessed[tableName] ??= []).push(original[tableName]![i]!)
        }
      })
    }
    try {
      const response = await run(store, { ...data, RequestItems: admitted })
      return { ...response, UnprocessedItems: { ...(response.UnprocessedItems as RequestItems | undefined), ...unprocessed } }
    } finally {
      for (const end of ends) end()
    }
  }
}

/** The item each request writes, per table in request order; undefined if dynalite will reject the batch. */
function itemRefs(requestItems: RequestItems, tables: Tables): Map<string, ItemRef[]> | undefined {
  const refs = new Map<string, ItemRef[]>()
  const seen = new Set<string>()
  for (const [tableName, requests] of Object.entries(requestItems)) {
    const table = tables.get(tableName) as TableDescription
    const tableRefs: ItemRef[] = []
    for (const { PutRequest, DeleteRequest } of requests) {
      const key = PutRequest ? PutRequest.Item : DeleteRequest?.Key
      if (!key) return undefined
      const invalid = PutRequest ? db.validateItem(key, table) : db.validateKey(key, table)
      if (invalid) return undefined
      const ref = { tableName, key: db.createKey(key, table) }
      if (seen.has(refId(ref))) return undefined
      seen.add(refId(ref))
      tableRefs.push(ref)
    }
    refs.set(tableName, tableRefs)
  }
  return refs
}

async function run(store: Store, data: BatchWriteRequest): Promise<Record<string, unknown>> {
  const { error, result } = await runAction(itemActions.batchWriteItem, store, data)
  if (error) throw error
  return result ?? {}
}
