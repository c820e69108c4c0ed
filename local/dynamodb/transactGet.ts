/**
 * TransactGetItems: up to 100 Gets read as one consistent snapshot. As on DynamoDB it never makes
 * a write wait: if a transaction or a single-item write is writing any of the items (inFlight.ts),
 * it is cancelled with TransactionConflict at those items' indexes. Otherwise it reads them all in
 * one synchronous step (storage.ts), so no write can begin halfway through.
 * Each Get runs through dynalite's own getItem action (key checks, ProjectionExpression).
 */
import { db, itemActions } from './dynalite.js'
import { transactionConflicts } from './errors.js'
import type { OperationHandler } from './http.js'
import type { InFlightItems } from './inFlight.js'
import { loadTables, planGets } from './plan.js'
import { createStagedStore, runAction } from './stagedStore.js'
import { readSnapshot } from './storage.js'
import { MAX_TRANSACTION_BYTES, TRANSACTION_TOO_LARGE } from './transactWrite.js'
import type { Store } from './types.js'
import { parseTransactGet } from './validation.js'

export function transactGetItems(store: Store, inFlight: InFlightItems): OperationHandler {
  return async (body) => {
    const request = parseTransactGet(body, store)
    const tables = loadTables(store, request.actions.map((a) => a.request.TableName))
    const planned = planGets(request.actions, tables)
    const refs = planned.map((p) => p.ref)

    const busy = inFlight.busy(refs)
    if (busy.length > 0) throw transactionConflicts(refs.length, busy)
    const snapshot = readSnapshot(store, refs)
    const staged = createStagedStore(store, tables, snapshot, [])

    // As TransactWriteItems: the items read may not exceed 4 MB together (whole items, before projection).
    let bytes = 0
    for (const item of snapshot.values()) if (item) bytes += db.itemSize(item)
    if (bytes > MAX_TRANSACTION_BYTES) throw db.validationError(TRANSACTION_TOO_LARGE)

    const capacity = new Map<string, number>()
    const responses: Record<string, unknown>[] = []
    for (const { action } of planned) {
      const { error, result } = await runAction(itemActions.getItem, staged, {
        ...action.request, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL',
      })
      if (error) throw error
      responses.push(result?.Item ? { Item: result.Item } : {})
      // Transactional reads are metered twice.
      const units = 2 * ((result?.ConsumedCapacity as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0)
      capacity.set(action.request.TableName, (capacity.get(action.request.TableName) ?? 0) + units)
    }

    const mode = request.returnConsumedCapacity
    if (mode !== 'TOTAL' && mode !== 'INDEXES') return { Responses: responses }
    return {
      Responses: responses,
      ConsumedCapacity: [...capacity].map(([TableName, units]) => ({
        TableName,
        CapacityUnits: units,
        ReadCapacityUnits: units,
        ...(mode === 'INDEXES' ? { Table: { CapacityUnits: units, ReadCapacityUnits: units } } : {}),
      })),
    }
  }
}
