/**
 * Test-only pause points. A test passes `holds` to startLocalDynamo to keep an operation in flight,
 * holding its items, while it sends other requests against them: conflicts then happen every time
 * instead of when the timing is lucky. The local stack (main.ts, local/stack.ts) never sets them.
 *
 * A hook returns a promise to pause the operation until it settles, or undefined to let it run on.
 */
import type { ItemRef } from './storage.js'

export interface Holds {
  /** A TransactWriteItems holds its items: past the conflict check, nothing read or written yet. */
  transactWrite?(items: ItemRef[]): Promise<void> | undefined
  /** A single-item write (PutItem, UpdateItem, DeleteItem, a BatchWriteItem put or delete) is in flight, before it reads the item. */
  singleWrite?(item: ItemRef): Promise<void> | undefined
}
