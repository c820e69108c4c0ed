/**
 * DynamoDB JSON 1.0 error bodies: `{"__type": "<namespace>#<Name>", "message": ...}`.
 * The AWS SDK maps `__type` (the part after '#') to the exception class.
 */
import type { DynaliteError } from './types.js'

const DDB = 'com.amazonaws.dynamodb.v20120810#'

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
    /** Extra members of the error body (e.g. CancellationReasons). */
    readonly extra: Record<string, unknown> = {},
    /** TransactionCanceledException spells its member `Message`; the others `message`. */
    readonly messageKey: 'message' | 'Message' = 'message',
  ) {
    super(message)
  }

  toBody(): Record<string, unknown> {
    return { __type: this.type, [this.messageKey]: this.message, ...this.extra }
  }

  /** dynalite's HTTP handler answers an action's error with `statusCode` and `body`: an ApiError can be one. */
  get body(): { __type: string } & Record<string, unknown> {
    return { __type: this.type, ...this.toBody() }
  }
}

export function validationError(message: string): ApiError {
  return new ApiError(400, 'com.amazon.coral.validate#ValidationException', message)
}

export function serializationError(message?: string): ApiError {
  return new ApiError(400, 'com.amazon.coral.service#SerializationException', message ?? '')
}

export function idempotentParameterMismatch(): ApiError {
  return new ApiError(400, DDB + 'IdempotentParameterMismatchException',
    'The request uses the same client token as a previous, but non-identical request.')
}

export function transactionInProgress(): ApiError {
  return new ApiError(400, DDB + 'TransactionInProgressException',
    'The transaction with the given request token is already in progress.')
}

/** What dynalite's getTable answers for an unknown table, or one still CREATING or already DELETING. */
export function resourceNotFound(): ApiError {
  return new ApiError(400, DDB + 'ResourceNotFoundException', 'Requested resource not found')
}

export function internalServerError(): ApiError {
  return new ApiError(500, DDB + 'InternalServerError', 'Internal server error')
}

/** DynamoDB's wording, for TransactionConflictException and for a TransactionConflict reason alike. */
const TRANSACTION_CONFLICT_MESSAGE = 'Transaction is ongoing for the item'

/** A single-item write met an item an in-flight transaction holds. */
export function transactionConflict(): ApiError {
  return new ApiError(400, DDB + 'TransactionConflictException', TRANSACTION_CONFLICT_MESSAGE)
}

export interface CancellationReason {
  Code: 'None' | 'ConditionalCheckFailed' | 'ValidationError' | 'TransactionConflict'
  Message?: string
  Item?: Record<string, unknown>
}

export function transactionCanceled(reasons: CancellationReason[]): ApiError {
  const codes = reasons.map((r) => r.Code).join(', ')
  return new ApiError(400, DDB + 'TransactionCanceledException',
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`,
    { CancellationReasons: reasons }, 'Message')
}

/** A transaction met items other operations are writing: TransactionConflict at their indexes, None elsewhere. */
export function transactionConflicts(actionCount: number, busy: number[]): ApiError {
  const conflicting = new Set(busy)
  return transactionCanceled(Array.from({ length: actionCount }, (_, i): CancellationReason =>
    conflicting.has(i) ? { Code: 'TransactionConflict', Message: TRANSACTION_CONFLICT_MESSAGE } : { Code: 'None' }))
}

/** dynalite's validators and actions throw/return errors that already carry a DynamoDB body. */
export function isDynaliteError(err: unknown): err is DynaliteError & { statusCode: number; body: { __type: string } } {
  return err instanceof Error && typeof (err as DynaliteError).statusCode === 'number' &&
    typeof (err as DynaliteError).body?.__type === 'string'
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (isDynaliteError(err)) {
    const { __type, message, ...extra } = err.body as { __type: string; message?: string; Message?: string }
    return new ApiError(err.statusCode, __type, message ?? extra.Message ?? '', extra)
  }
  return internalServerError()
}
