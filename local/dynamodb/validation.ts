/**
 * Shape validation of TransactWriteItems / TransactGetItems requests, expressed in dynalite's own
 * validation DSL so that type errors (SerializationException), constraint errors
 * ("1 validation error detected: Value null at 'transactItems.1.member.put.tableName' ...") and
 * expression parsing (ConditionExpression, UpdateExpression, ProjectionExpression, unused names...)
 * behave exactly as they do for PutItem / UpdateItem / DeleteItem / GetItem.
 */
import { actionValidations, validations, type ActionValidation, type TypeSpec } from './dynalite.js'
import type { Item, ParsedExpressions, Store } from './types.js'

export const MAX_TRANSACT_ITEMS = 100

export type WriteKind = 'ConditionCheck' | 'Put' | 'Delete' | 'Update'
const WRITE_KINDS: readonly WriteKind[] = ['ConditionCheck', 'Put', 'Delete', 'Update']

export interface WriteRequest extends ParsedExpressions {
  TableName: string
  Item?: Item
  Key?: Item
  UpdateExpression?: string
  ConditionExpression?: string
  ReturnValuesOnConditionCheckFailure?: 'ALL_OLD' | 'NONE'
}

export interface GetRequest extends ParsedExpressions {
  TableName: string
  Key: Item
  ProjectionExpression?: string
}

export interface WriteAction { index: number; kind: WriteKind; request: WriteRequest }
export interface GetAction { index: number; request: GetRequest }

export type ReturnConsumedCapacity = 'INDEXES' | 'TOTAL' | 'NONE'

export interface TransactWriteRequest {
  actions: WriteAction[]
  clientRequestToken?: string
  returnConsumedCapacity?: ReturnConsumedCapacity
}

export interface TransactGetRequest {
  actions: GetAction[]
  returnConsumedCapacity?: ReturnConsumedCapacity
}

const EXPRESSION_FIELDS = ['ConditionExpression', 'ExpressionAttributeNames', 'ExpressionAttributeValues']
const returnValuesOnConditionCheckFailure = { type: 'String', enum: ['ALL_OLD', 'NONE'] }
const returnConsumedCapacity = { type: 'String', enum: ['INDEXES', 'TOTAL', 'NONE'] }

function pick(spec: TypeSpec, fields: string[]): TypeSpec {
  return Object.fromEntries(fields.map((field) => [field, spec[field]]))
}

/** Per-action specs: dynalite's single-item specs restricted to the members the transactional shapes have. */
const writeSpecs: Record<WriteKind, TypeSpec> = {
  Put: {
    ...pick(actionValidations.putItem.types, ['TableName', 'Item', ...EXPRESSION_FIELDS]),
    ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure,
  },
  Update: {
    ...pick(actionValidations.updateItem.types, ['TableName', 'Key', ...EXPRESSION_FIELDS]),
    UpdateExpression: { type: 'String', notNull: true },
    ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure,
  },
  Delete: {
    ...pick(actionValidations.deleteItem.types, ['TableName', 'Key', ...EXPRESSION_FIELDS]),
    ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure,
  },
  ConditionCheck: {
    ...pick(actionValidations.deleteItem.types, ['TableName', 'Key', ...EXPRESSION_FIELDS]),
    ConditionExpression: { type: 'String', notNull: true },
    ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailure,
  },
}

/** dynalite's per-operation custom validators (expression parsing, attribute value checks, item size). */
const writeCustom: Record<WriteKind, ActionValidation['custom']> = {
  Put: actionValidations.putItem.custom,
  Update: actionValidations.updateItem.custom,
  Delete: actionValidations.deleteItem.custom,
  ConditionCheck: actionValidations.deleteItem.custom,
}

const getSpec = pick(actionValidations.getItem.types, ['TableName', 'Key', 'ProjectionExpression', 'ExpressionAttributeNames'])

function transactItemsSpec(memberName: string, children: TypeSpec): TypeSpec {
  return {
    type: 'List',
    notNull: true,
    lengthGreaterThanOrEqual: 1,
    lengthLessThanOrEqual: MAX_TRANSACT_ITEMS,
    children: { type: `ValueStruct<${memberName}>`, children },
  }
}

const transactWriteSpec: TypeSpec = {
  TransactItems: transactItemsSpec('TransactWriteItem', Object.fromEntries(
    WRITE_KINDS.map((kind) => [kind, { type: `FieldStruct<${kind}>`, children: writeSpecs[kind] }]))),
  ReturnConsumedCapacity: returnConsumedCapacity,
  ReturnItemCollectionMetrics: { type: 'String', enum: ['SIZE', 'NONE'] },
  ClientRequestToken: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 36 },
}

const transactGetSpec: TypeSpec = {
  TransactItems: transactItemsSpec('TransactGetItem', {
    Get: { type: 'FieldStruct<Get>', notNull: true, children: getSpec },
  }),
  ReturnConsumedCapacity: returnConsumedCapacity,
}

type RawWriteItem = Partial<Record<WriteKind, WriteRequest>>
interface RawTransactWrite {
  TransactItems: RawWriteItem[]
  ClientRequestToken?: string
  ReturnConsumedCapacity?: ReturnConsumedCapacity
}
interface RawTransactGet {
  TransactItems: { Get: GetRequest }[]
  ReturnConsumedCapacity?: ReturnConsumedCapacity
}

/** Throws a dynalite validation/serialization error (it carries its DynamoDB body) on invalid input. */
export function parseTransactWrite(body: unknown, store: Store): TransactWriteRequest {
  const data = validations.checkTypes<RawTransactWrite>(body, transactWriteSpec)
  validations.checkValidations(data, transactWriteSpec, (checked: RawTransactWrite) => {
    for (const item of checked.TransactItems) {
      const kinds = WRITE_KINDS.filter((kind) => item[kind] != null)
      if (kinds.length !== 1) return 'TransactItems can only contain one of Check, Put, Update or Delete'
      const kind = kinds[0] as WriteKind
      const message = writeCustom[kind](item[kind], store)
      if (message) return message
    }
    return undefined
  }, store)
  return {
    actions: data.TransactItems.map((item, index) => {
      const kind = WRITE_KINDS.find((k) => item[k] != null) as WriteKind
      return { index, kind, request: item[kind] as WriteRequest }
    }),
    clientRequestToken: data.ClientRequestToken,
    returnConsumedCapacity: data.ReturnConsumedCapacity,
  }
}

export function parseTransactGet(body: unknown, store: Store): TransactGetRequest {
  const data = validations.checkTypes<RawTransactGet>(body, transactGetSpec)
  validations.checkValidations(data, transactGetSpec, (checked: RawTransactGet) => {
    for (const item of checked.TransactItems) {
      const message = actionValidations.getItem.custom(item.Get, store)
      if (message) return message
    }
    return undefined
  }, store)
  return {
    actions: data.TransactItems.map((item, index) => ({ index, request: item.Get })),
    returnConsumedCapacity: data.ReturnConsumedCapacity,
  }
}
