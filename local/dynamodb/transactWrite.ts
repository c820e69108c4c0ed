/**
 * TransactWriteItems: Put / Update / Delete / ConditionCheck, all or nothing.
 *
 * 1. validate the request shape and expressions (validation.ts), tables and keys (plan.ts);
 * 2. claim every targeted item (inFlight.ts), without waiting: if another transaction or a
 *    single-item write is writing any of them, cancel at once with TransactionConflict at those
 *    items' indexes (conditions are then not evaluated), as DynamoDB does instead of queueing;
 * 3. read all items at once (the snapshot), run each action through dynalite's own action code
 *    against that snapshot, collecting writes instead of applying them (stagedStore.ts);
 * 4. if any condition fails, answer TransactionCanceledException with one reason per action;
 *    otherwise write every item and index change in one LevelDB batch, then let go of the items.
 */
import { db, itemActions } from './dynalite.js'
import {
  idempotentParameterMismatch, transactionCanceled, transactionConflicts, transactionInProgress, type CancellationReason,
} from './errors.js'
import type { Holds } from './holds.js'
import type { OperationHandler } from './http.js'
import { fingerprint, type DoneRecord, type IdempotencyCache } from './idempotency.js'
import type { IndexLag } from './indexLag.js'
import type { InFlightItems } from './inFlight.js'
import { loadTables, planWrites, type Planned, type Tables } from './plan.js'
import { createStagedStore, runAction, type Snapshot } from './stagedStore.js'
import { commitBatch, readSnapshot, refId, type ItemRef } from './storage.js'
import { tokenOp } from './tokens.js'
import type { ActionStore, BatchOp, DynaliteError, Store } from './types.js'
import { parseTransactWrite, type ReturnConsumedCapacity, type WriteAction } from './validation.js'

/** Aggregate size of a transaction's items (TransactWriteItems, TransactGetItems). */
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024
export const TRANSACTION_TOO_LARGE = 'Transaction size has exceeded the maximum allowed size of 4 MB'

export function transactWriteItems(
  store: Store, idempotency: IdempotencyCache, inFlight: InFlightItems, holds: Holds = {}, indexLag?: IndexLag,
): OperationHandler {
  return async (body) => {
    const requestFingerprint = fingerprint(comparedParameters(body))
    const request = parseTransactWrite(body, store)
    const tables = loadTables(store, request.actions.map((a) => a.request.TableName))
    const planned = planWrites(request.actions, tables)

    const token = request.clientRequestToken
    if (token !== undefined) {
      const begun = idempotency.begin(token, requestFingerprint)
      if (begun.kind === 'mismatch') throw idempotentParameterMismatch()
      if (begun.kind === 'inProgress') throw transactionInProgress()
      if (begun.kind === 'replay') return begun.response
    }
    try {
      const refs = planned.map((p) => p.ref)
      let record: DoneRecord | undefined
      const response = await holdingItems(inFlight, refs, async () => {
        await holds.transactWrite?.(refs)
        // The token is written with the transaction's batch: it survives a restart (tokens.ts).
        return execute(store, tables, planned, request.returnConsumedCapacity, indexLag, (answer) => {
          record = token === undefined ? undefined : idempotency.record(token, answer)
          return record ? [tokenOp(token!, record)] : []
        })
      })
      if (token !== undefined) idempotency.complete(token, response, record)
      return response
    } catch (err) {
      if (token !== undefined) idempotency.abandon(token)
      throw err
    }
  }
}

/**
 * What a repeated ClientRequestToken is compared on: every parameter but the token (the API
 * reference: the same token with "a change in other parameters" within the window is an
 * IdempotentParameterMismatch), i.e. TransactItems, ReturnConsumedCapacity and
 * ReturnItemCollectionMetrics. An omitted Return* parameter counts as its default, NONE.
 */
function comparedParameters(body: unknown): unknown {
  const { ClientRequestToken: _token, ...rest } = body as Record<string, unknown>
  return { ...rest, ReturnConsumedCapacity: rest.ReturnConsumedCapacity ?? 'NONE', ReturnItemCollectionMetrics: rest.ReturnItemCollectionMetrics ?? 'NONE' }
}

/** Runs `fn` holding every item of the transaction; cancels at once if another operation is writing any of them. */
async function holdingItems<T>(inFlight: InFlightItems, refs: ItemRef[], fn: () => Promise<T>): Promise<T> {
  const claim = inFlight.claimForTransaction(refs)
  if ('busy' in claim) throw transactionConflicts(refs.length, claim.busy)
  try {
    return await fn()
  } finally {
    claim.release()
  }
}

/** Runs while this transaction holds every item in `planned`. */
async function execute(
  store: Store,
  tables: Tables,
  planned: Planned<WriteAction>[],
  returnConsumedCapacity: ReturnConsumedCapacity | undefined,
  indexLag: IndexLag | undefined,
  /** Further operations for the batch, given the answer (the client token's record). */
  alsoWrite: (response: Record<string, unknown>) => BatchOp[],
): Promise<Record<string, unknown>> {
  const snapshot = readSnapshot(store, planned.map((p) => p.ref))
  const ops: BatchOp[] = []
  const staged = createStagedStore(store, tables, snapshot, ops)
  const capacity = new Map<string, number>()

  const reasons: CancellationReason[] = []
  for (const step of planned) {
    const outcome = await evaluate(step, staged, snapshot)
    reasons.push(outcome.reason)
    const table = step.action.request.TableName
    capacity.set(table, (capacity.get(table) ?? 0) + outcome.capacityUnits)
  }
  if (reasons.some((r) => r.Code !== 'None')) throw transactionCanceled(reasons)

  const written = ops.filter((op) => op.type === 'put' && op.key.startsWith('item-'))
  const bytes = written.reduce((sum, op) => sum + db.itemSize(op.value as never), 0)
  if (bytes > MAX_TRANSACTION_BYTES) throw db.validationError(TRANSACTION_TOO_LARGE)

  const response = consumedCapacityResponse(returnConsumedCapacity, capacity)
  indexLag?.recordBatch(store, ops)
  await commitBatch(store, [...ops, ...alsoWrite(response)])
  return response
}

interface Outcome { reason: CancellationReason; capacityUnits: number }

const actionFor = {
  Put: itemActions.putItem,
  Update: itemActions.updateItem,
  Delete: itemActions.deleteItem,
} as const

async function evaluate(step: Planned<WriteAction>, staged: ActionStore, snapshot: Snapshot): Promise<Outcome> {
  const { kind, request } = step.action
  const existing = snapshot.get(refId(step.ref))
  let error: DynaliteError | null | undefined
  let units = 0
  if (kind === 'ConditionCheck') {
    error = db.checkConditional(request, existing)
    units = db.capacityUnits(existing, false, true)
  } else {
    // ReturnConsumedCapacity makes dynalite's action report the item's write units.
    const outcome = await runAction(actionFor[kind], staged, { ...request, ReturnConsumedCapacity: 'TOTAL' })
    error = outcome.error
    units = (outcome.result?.ConsumedCapacity as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0
  }
  // Transactional writes are metered twice (prepare + commit).
  const capacityUnits = 2 * units
  if (!error) return { reason: { Code: 'None' }, capacityUnits }

  const type = error.body?.__type ?? ''
  if (type.endsWith('#ConditionalCheckFailedException')) {
    const reason: CancellationReason = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
    if (request.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && existing) reason.Item = existing
    return { reason, capacityUnits }
  }
  if (type.endsWith('#ValidationException')) {
    return { reason: { Code: 'ValidationError', Message: error.body?.message ?? error.message }, capacityUnits }
  }
  throw error
}

function consumedCapacityResponse(mode: ReturnConsumedCapacity | undefined, capacity: Map<string, number>): Record<string, unknown> {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return {}
  return {
    ConsumedCapacity: [...capacity].map(([TableName, units]) => ({
      TableName,
      CapacityUnits: units,
      WriteCapacityUnits: units,
      ...(mode === 'INDEXES' ? { Table: { CapacityUnits: units, WriteCapacityUnits: units } } : {}),
    })),
  }
}
