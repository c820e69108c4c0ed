/**
 * Property tests (fast-check):
 * 1. serial: random sequences of transactions over a tiny key space give exactly the outcomes
 *    (success / cancellation reasons / ValidationException) and final state of a simple model;
 * 2. concurrent: random transfers fired all at once keep money conserved, never go negative,
 *    and end in the state obtained by applying the successful transfers serially; every refusal
 *    is justified by the balance it saw. Transfers that meet each other conflict (as on DynamoDB):
 *    the client retries them as a real one would, and one that still conflicts applied nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  ScanCommand, TransactGetItemsCommand, TransactionCanceledException, TransactWriteItemsCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb'
import { S, N, createTable, isConflict, makeClient, retryConflicts, startTestServer, type TestServer } from './helpers.js'

let t: TestServer
let tableSeq = 0
beforeEach(async () => { t = await startTestServer() })
afterEach(() => t.stop())

async function freshTable(): Promise<string> {
  const name = `prop_${tableSeq++}`
  await createTable(t.client, name)
  return name
}

type Outcome = 'ok' | 'ValidationException' | string[]

async function run(items: TransactWriteItem[], client = t.client): Promise<{ outcome: Outcome; error?: unknown }> {
  try {
    await client.send(new TransactWriteItemsCommand({ TransactItems: items }))
    return { outcome: 'ok' }
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      return { outcome: (error.CancellationReasons ?? []).map((r) => r.Code ?? '?'), error }
    }
    if ((error as Error).name === 'ValidationException') return { outcome: 'ValidationException', error }
    throw error
  }
}

/** pk -> balance (null for items without one, e.g. transfer logs). */
async function scan(table: string): Promise<Record<string, number | null>> {
  const { Items } = await t.client.send(new ScanCommand({ TableName: table, ConsistentRead: true }))
  return Object.fromEntries((Items ?? []).map((item) => [item.pk?.S as string, item.bal ? Number(item.bal.N) : null]))
}

// ---------------------------------------------------------------------------------------------
// 1. Serial, model-based

const account = fc.constantFrom('a', 'b', 'c')
const amount = fc.integer({ min: 0, max: 12 })
const command = fc.oneof(
  fc.record({ type: fc.constant('open' as const), acct: account, amt: amount }),
  fc.record({ type: fc.constant('transfer' as const), from: account, to: account, amt: amount }),
  fc.record({ type: fc.constant('close' as const), acct: account }),
  fc.record({ type: fc.constant('audit' as const), acct: account, amt: amount }),
)
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never

type Model = Map<string, number>

/** The request for a command, and what DynamoDB must answer given the model state. */
function plan(table: string, cmd: Command, model: Model): { items: TransactWriteItem[]; expected: Outcome; apply(): void } {
  const has = (k: string) => model.has(k)
  const bal = (k: string) => model.get(k) ?? 0
  const outcome = (reasons: boolean[]): Outcome =>
    reasons.every(Boolean) ? 'ok' : reasons.map((okay) => (okay ? 'None' : 'ConditionalCheckFailed'))
  switch (cmd.type) {
    case 'open':
      return {
        items: [{ Put: { TableName: table, Item: { pk: S(cmd.acct), bal: N(cmd.amt) }, ConditionExpression: 'attribute_not_exists(pk)' } }],
        expected: outcome([!has(cmd.acct)]),
        apply: () => model.set(cmd.acct, cmd.amt),
      }
    case 'transfer':
      return {
        items: [
          {
            Update: {
              TableName: table, Key: { pk: S(cmd.from) }, UpdateExpression: 'SET bal = bal - :amt',
              ConditionExpression: 'bal >= :amt', ExpressionAttributeValues: { ':amt': N(cmd.amt) },
            },
          },
          {
            Update: {
              TableName: table, Key: { pk: S(cmd.to) }, UpdateExpression: 'SET bal = bal + :amt',
              ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':amt': N(cmd.amt) },
            },
          },
        ],
        expected: cmd.from === cmd.to ? 'ValidationException' : outcome([has(cmd.from) && bal(cmd.from) >= cmd.amt, has(cmd.to)]),
        apply: () => {
          model.set(cmd.from, bal(cmd.from) - cmd.amt)
          model.set(cmd.to, bal(cmd.to) + cmd.amt)
        },
      }
    case 'close':
      return {
        items: [{ Delete: { TableName: table, Key: { pk: S(cmd.acct) }, ConditionExpression: 'bal = :zero', ExpressionAttributeValues: { ':zero': N(0) } } }],
        expected: outcome([has(cmd.acct) && bal(cmd.acct) === 0]),
        apply: () => model.delete(cmd.acct),
      }
    case 'audit': {
      // ConditionCheck on the account + a counter bump: the bump happens only if the check passes.
      return {
        items: [
          { ConditionCheck: { TableName: table, Key: { pk: S(cmd.acct) }, ConditionExpression: 'bal >= :min', ExpressionAttributeValues: { ':min': N(cmd.amt) } } },
          { Update: { TableName: table, Key: { pk: S('audits') }, UpdateExpression: 'ADD bal :one', ExpressionAttributeValues: { ':one': N(1) } } },
        ],
        expected: outcome([has(cmd.acct) && bal(cmd.acct) >= cmd.amt, true]),
        apply: () => model.set('audits', bal('audits') + 1),
      }
    }
  }
}

describe('serial transactions match a model', () => {
  it('outcomes and final state agree with the model', async () => {
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
      const table = await freshTable()
      const model: Model = new Map()
      for (const cmd of commands) {
        const step = plan(table, cmd, model)
        const { outcome } = await run(step.items)
        expect(outcome, JSON.stringify(cmd)).toEqual(step.expected)
        if (outcome === 'ok') step.apply()
      }
      expect(await scan(table)).toEqual(Object.fromEntries(model))

      const { Responses } = await t.client.send(new TransactGetItemsCommand({
        TransactItems: ['a', 'b', 'c'].map((k) => ({ Get: { TableName: table, Key: { pk: S(k) }, ProjectionExpression: 'bal' } })),
      }))
      expect(Responses?.map((r) => (r.Item ? Number(r.Item.bal?.N) : undefined))).toEqual(['a', 'b', 'c'].map((k) => model.get(k)))
    }), { numRuns: 40 })
  })
})

// ---------------------------------------------------------------------------------------------
// 2. Concurrent transfers

const ACCOUNTS = ['w', 'x', 'y', 'z']
const transfer = fc.record({
  from: fc.constantFrom(...ACCOUNTS),
  to: fc.constantFrom(...ACCOUNTS),
  amt: fc.integer({ min: 1, max: 10 }),
}).filter((tr) => tr.from !== tr.to)

describe('concurrent transfers', () => {
  it('conserve money, never overdraw, and equal the serial application of the successful ones', async () => {
    const seen = { conflicts: 0 }
    const retrying = retryConflicts(makeClient(t.server.endpoint), seen)
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 20 }), { minLength: ACCOUNTS.length, maxLength: ACCOUNTS.length }),
      fc.array(transfer, { minLength: 1, maxLength: 60 }),
      async (initial, transfers) => {
        const table = await freshTable()
        await run(ACCOUNTS.map((pk, i) => ({ Put: { TableName: table, Item: { pk: S(pk), bal: N(initial[i]!) } } })))

        const results = await Promise.all(transfers.map((tr, i) => run([
          {
            Update: {
              TableName: table, Key: { pk: S(tr.from) }, UpdateExpression: 'SET bal = bal - :amt',
              ConditionExpression: 'bal >= :amt', ExpressionAttributeValues: { ':amt': N(tr.amt) },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          { Update: { TableName: table, Key: { pk: S(tr.to) }, UpdateExpression: 'SET bal = bal + :amt', ExpressionAttributeValues: { ':amt': N(tr.amt) } } },
          { Put: { TableName: table, Item: { pk: S(`log#${i}`) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ], retrying)))

        const expected = new Map<string, number | null>(ACCOUNTS.map((pk, i) => [pk, initial[i]!]))
        results.forEach(({ outcome, error }, i) => {
          const tr = transfers[i]!
          if (outcome === 'ok') {
            expected.set(tr.from, expected.get(tr.from)! - tr.amt)
            expected.set(tr.to, expected.get(tr.to)! + tr.amt)
            expected.set(`log#${i}`, null)
          } else if (isConflict(error)) {
            // Still conflicting when the retries ran out: applied nothing (checked by the final state).
            expect(outcome).toContain('TransactionConflict')
          } else {
            // The only other refusal: insufficient funds, as seen in the returned old item.
            expect(outcome).toEqual(['ConditionalCheckFailed', 'None', 'None'])
            const seen = (error as TransactionCanceledException).CancellationReasons?.[0]?.Item?.bal?.N
            expect(Number(seen)).toBeLessThan(tr.amt)
          }
        })

        const state = await scan(table)
        const sum = (m: Record<string, number | null>) => ACCOUNTS.reduce((s, k) => s + (m[k] ?? 0), 0)
        expect(sum(state)).toBe(initial.reduce((a, b) => a + b, 0))
        for (const k of ACCOUNTS) expect(state[k]).toBeGreaterThanOrEqual(0)
        expect(state).toEqual(Object.fromEntries(expected))
      },
    ), { numRuns: 20 })
    retrying.destroy()
    expect(seen.conflicts).toBeGreaterThan(0)
  })
})
