/**
 * A client-side conflict retry for the emulator's own benchmark and tests. DynamoDB (and this
 * emulator) answer a conflict at once instead of waiting, and the AWS SDK does not retry
 * TransactionConflictException or a TransactionConflict cancellation, so a client racing others
 * on one item must send again itself, after a jittered wait (the application has its own:
 * functions/lib/retry.ts).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'

/** TransactionConflictException, or a cancellation whose only reasons are TransactionConflict (and None). */
export function isConflict(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  if (err.name === 'TransactionConflictException') return true
  const codes = reasonCodes(err)
  return codes !== undefined && codes.includes('TransactionConflict') && codes.every((c) => c === 'TransactionConflict' || c === 'None')
}

/** A TransactionCanceledException's reason codes, in request order. */
export function reasonCodes(err: unknown): string[] | undefined {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return undefined
  return ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? '?')
}

/**
 * Makes `client` send a request again while it fails with a conflict, after a random wait below a
 * ceiling that doubles per attempt up to 250 ms, at most `attempts` times in all; counts the
 * conflicts met in `seen`.
 */
export function retryConflicts(client: DynamoDBClient, seen: { conflicts: number } = { conflicts: 0 }, attempts = 200): DynamoDBClient {
  client.middlewareStack.add((next) => async (args) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await next(args)
      } catch (err) {
        if (!isConflict(err)) throw err
        seen.conflicts++
        if (attempt >= attempts) throw err
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 2 ** attempt)))
      }
    }
  }, { step: 'initialize', name: 'retryConflicts', priority: 'high' })
  return client
}
