import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../local/stack';

/**
 * The stack a bench measures: in this process (so dbStats counts its requests), on free ports and a
 * fresh data folder. The scheduled jobs run once at start, not inside the measured calls.
 */
export const startBenchStack = () =>
  startStack({ port: 0, dynamoPort: 0, dataDir: mkdtempSync(join(tmpdir(), 'bench-')), tableName: 'staff-home', scheduleEveryMs: 3_600_000 });
