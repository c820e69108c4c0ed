import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import { benchTransactions } from '../local/dynamodb/bench';
import { startStack } from '../local/stack';

/**
 * The stack a bench measures: in this process (so dbStats counts its requests), on free ports and a
 * fresh data folder. The scheduled jobs run once at start, not inside the measured calls.
 */
export const startBenchStack = () =>
  startStack({ port: 0, dynamoPort: 0, dataDir: mkdtempSync(join(tmpdir(), 'bench-')), tableName: 'staff-home', scheduleEveryMs: 3_600_000 });

/** The raw emulator's transaction rates in the same run (2,000 transactions each: spread keys, then one hot key): what a bench's rate is divided by. */
export async function rawTransactionRates(dynamoEndpoint: string) {
  const spread = await benchTransactions(dynamoEndpoint, 2000);
  const hot = await benchTransactions(dynamoEndpoint, 2000, { hotKey: true });
  return { transactWritePerSec: spread.opsPerSec, transactWriteHotKeyPerSec: hot.opsPerSec };
}

/** The line above each table BENCHMARKS.md gets: when, on which Node and how many cores. */
export const lastRunLine = (date: string) => `Last run: ${date} (Node ${process.version}, ${cpus().length} cores)`;
