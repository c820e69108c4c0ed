/**
 * Which items are being written right now, and by what: the state DynamoDB's conflict rules are
 * decided on (README "Conflicts"). Nothing here waits or awaits, so a check and the claim that
 * follows it happen in one turn of the event loop: no other request can slip in between, and no
 * request ever waits for another here (which is also why there is no deadlock to avoid).
 *
 * - A TransactWriteItems in flight holds all its items exclusively, from its conflict check until
 *   its batch is committed or it is cancelled.
 * - Single-item writes (PutItem, UpdateItem, DeleteItem) are counted per item from their turn
 *   on the item until their write is done (singleWrites.ts); BatchWriteItem's from the batch's
 *   arrival (batchWrite.ts), so a count may exceed one.
 * An item is being written while either is the case; a write's changes are visible once it no
 * longer is, so an item not being written can be read as committed (TransactGetItems does).
 */
import { refId, type ItemRef } from './storage.js'

/** An admitted operation's items, to let go of when it ends. */
export type Release = () => void

/** The indexes (in request order) of the items some other operation is writing. */
export interface Busy { busy: number[] }

export class InFlightItems {
  private readonly heldByTransactions = new Set<string>()
  private readonly singleWrites = new Map<string, number>()

  /** TransactWriteItems: all items or none. Busy if a transaction or a single-item write is writing any of them. */
  claimForTransaction(refs: ItemRef[]): Busy | { release: Release } {
    const ids = refs.map(refId)
    const busy = this.busyIndexes(ids)
    if (busy.length > 0) return { busy }
    for (const id of ids) this.heldByTransactions.add(id)
    return { release: once(() => { for (const id of ids) this.heldByTransactions.delete(id) }) }
  }

  /** A single-item write begins: refused (undefined) while a transaction holds the item. */
  beginSingleWrite(ref: ItemRef): Release | undefined {
    const id = refId(ref)
    if (this.heldByTransactions.has(id)) return undefined
    this.singleWrites.set(id, (this.singleWrites.get(id) ?? 0) + 1)
    return once(() => {
      const left = (this.singleWrites.get(id) ?? 1) - 1
      if (left > 0) this.singleWrites.set(id, left)
      else this.singleWrites.delete(id)
    })
  }

  /** The indexes of the items being written now (TransactGetItems conflicts on them). */
  busy(refs: ItemRef[]): number[] {
    return this.busyIndexes(refs.map(refId))
  }

  private busyIndexes(ids: string[]): number[] {
    return ids.flatMap((id, i) => (this.heldByTransactions.has(id) || this.singleWrites.has(id) ? [i] : []))
  }
}

/** Calling twice must not release twice (a single write's count would go wrong). */
function once(fn: () => void): () => void {
  let done = false
  return () => {
    if (!done) {
      done = true
      fn()
    }
  }
}
