/**
 * Empty index keys, refused as DynamoDB does. Since 2020 DynamoDB accepts "" (and empty binary) in
 * non-key attributes, but not in an attribute that is a key of a secondary index; the whole
 * request fails with a ValidationException:
 *   One or more parameter values are not valid. A value specified for a secondary index key is not
 *   supported. The AttributeValue for a key attribute cannot contain an empty string value.
 *   IndexName: gsi1, IndexKey: gsi1pk
 * (wording as reported from AWS in architect/dynalite#184 and getmoto/moto#5830). dynalite 4
 * accepts such items and indexes "".
 *
 * dynalite's actions call its db helpers through the module object, so wrapping them here covers
 * PutItem, BatchWriteItem (both `validateItem`, before anything is written), UpdateItem
 * (`validateUpdates` for a literal `SET k = :empty`, before the item is read) and our own
 * TransactWriteItems (plan.ts calls the same helpers). An update that yields "" in another way
 * (e.g. `SET k = if_not_exists(k, :empty)`) is caught in `updateIndexes`, before any index entry
 * or the item is written: a single write then fails with the same ValidationException, a
 * transaction with a ValidationError cancellation reason (see README, differences).
 */
import { db } from './dynalite.js'
import type { DynaliteError, Item, TableDescription } from './types.js'

interface IndexDescription { IndexName: string; KeySchema: { AttributeName: string }[] }
interface TableWithIndexes {
  AttributeDefinitions?: { AttributeName: string; AttributeType: string }[]
  GlobalSecondaryIndexes?: IndexDescription[]
  LocalSecondaryIndexes?: IndexDescription[]
}

type AttributeValue = Record<string, unknown>

/** The error for the first index key attribute `valueOf` says is empty, in table order (GSIs, then LSIs). */
export function emptyIndexKey(
  table: TableDescription, valueOf: (attr: string) => AttributeValue | undefined,
): DynaliteError | undefined {
  const t = table as unknown as TableWithIndexes
  const types = new Map((t.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]))
  for (const index of [...(t.GlobalSecondaryIndexes ?? []), ...(t.LocalSecondaryIndexes ?? [])]) {
    for (const { AttributeName: attr } of index.KeySchema) {
      const type = types.get(attr)
      if (type !== 'S' && type !== 'B') continue
      const value = valueOf(attr)
      if (value && typeof value === 'object' && value[type] === '') {
        return db.validationError('One or more parameter values are not valid. A value specified for a secondary index key is not supported. ' +
          `The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. ` +
          `IndexName: ${index.IndexName}, IndexKey: ${attr}`)
      }
    }
  }
  return undefined
}

interface UpdateSection { type: string; path: (string | number)[]; val?: unknown }

let installed = false

/** Wraps dynalite's helpers once per process (they are module-level, shared by every server). */
export function refuseEmptyIndexKeys(): void {
  if (installed) return
  installed = true

  const validateItem = db.validateItem
  db.validateItem = (item, table) =>
    validateItem(item, table) ?? emptyIndexKey(table, (attr) => item[attr] as AttributeValue | undefined)

  const validateUpdates = db.validateUpdates
  db.validateUpdates = (attributeUpdates, updates, table) =>
    validateUpdates(attributeUpdates, updates, table) ?? emptyIndexKey(table, (attr) => {
      const sections = ((updates as { sections?: UpdateSection[] } | undefined)?.sections ?? [])
      const set = sections.find((s) => s.type === 'set' && s.path.length === 1 && s.path[0] === attr)
      return set?.val as AttributeValue | undefined
    })

  const updateIndexes = db.updateIndexes
  db.updateIndexes = (store, table, existingItem, item, cb) => {
    const invalid = item ? emptyIndexKey(table, (attr) => item[attr] as AttributeValue | undefined) : undefined
    if (invalid) return cb(invalid)
    return updateIndexes(store, table, existingItem, item, cb)
  }
}
