/**
 * Embedded local DynamoDB for the local stack: dynalite persisted on disk, extended with
 * TransactWriteItems / TransactGetItems (DynamoDB semantics: all-or-nothing, isolated,
 * idempotent, conflicts raised instead of waiting) and UpdateTimeToLive / DescribeTimeToLive.
 * See README.md.
 */
export { startLocalDynamo } from './server.js'
export type { LocalDynamo, LocalDynamoOptions } from './server.js'
export type { Holds } from './holds.js'
