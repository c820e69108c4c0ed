/**
 * UpdateTimeToLive / DescribeTimeToLive (dynalite lacks the first and always answers DISABLED to
 * the second). The setting is persisted next to the table (key `ttl~<Table>`), tied to the
 * table's TableId so a deleted and re-created table starts DISABLED again.
 * Expired items are NOT deleted: DynamoDB deletes them lazily (typically within days), so
 * application code must filter on the TTL attribute anyway.
 */
import { getTable, validations, type TypeSpec } from './dynalite.js'
import { validationError } from './errors.js'
import type { OperationHandler } from './http.js'
import type { Store } from './types.js'

interface TtlRecord { tableId: string | undefined; attributeName: string }

const tableName = {
  type: 'String', notNull: true, regex: '[a-zA-Z0-9_.-]+', lengthGreaterThanOrEqual: 3, lengthLessThanOrEqual: 255,
}

const updateSpec: TypeSpec = {
  TableName: tableName,
  TimeToLiveSpecification: {
    type: 'FieldStruct<TimeToLiveSpecification>',
    notNull: true,
    children: {
      AttributeName: { type: 'String', notNull: true, lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 255 },
      Enabled: { type: 'Boolean', notNull: true },
    },
  },
}

const describeSpec: TypeSpec = { TableName: tableName }

const ttlKey = (table: string) => `ttl~${table}`

async function readTtl(store: Store, table: string, tableId: string | undefined): Promise<TtlRecord | undefined> {
  const record = (await store.db.get(ttlKey(table))) as TtlRecord | undefined
  return record && record.tableId === tableId ? record : undefined
}

export function updateTimeToLive(store: Store): OperationHandler {
  return async (body) => {
    const data = validations.checkTypes<{
      TableName: string
      TimeToLiveSpecification: { AttributeName: string; Enabled: boolean }
    }>(body, updateSpec)
    validations.checkValidations(data, updateSpec, undefined, store)
    const table = await getTable(store, data.TableName, true)
    const current = await readTtl(store, data.TableName, table.TableId)
    const { AttributeName, Enabled } = data.TimeToLiveSpecification
    if (Enabled && current) throw validationError('TimeToLive is already enabled')
    if (!Enabled && !current) throw validationError('TimeToLive is already disabled')
    if (Enabled) await store.db.put(ttlKey(data.TableName), { tableId: table.TableId, attributeName: AttributeName })
    else await store.db.del(ttlKey(data.TableName))
    return { TimeToLiveSpecification: { AttributeName, Enabled } }
  }
}

export function describeTimeToLive(store: Store): OperationHandler {
  return async (body) => {
    const data = validations.checkTypes<{ TableName: string }>(body, describeSpec)
    validations.checkValidations(data, describeSpec, undefined, store)
    const table = await getTable(store, data.TableName, false)
    const current = await readTtl(store, data.TableName, table.TableId)
    return {
      TimeToLiveDescription: current
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: current.attributeName }
        : { TimeToLiveStatus: 'DISABLED' },
    }
  }
}
