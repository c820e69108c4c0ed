import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { startLocalDynamo, type LocalDynamo } from './dynamodb/index';
import { startGateway } from './gateway';
import { ROOT, scheduledHandlers, tableDefinition } from './serverlessConfig';

export interface StackOptions {
  port: number;
  dynamoPort: number;
  dataDir: string;
  tableName: string;
  /** Run the emulator in this process instead of a child (tests of the emulator itself). */
  inProcessDynamo?: boolean;
  /** How often the scheduled jobs run (default LOCAL_SCHEDULE_MS, else 5 s). */
  scheduleEveryMs?: number;
}

export function stackOptionsFromEnv(env = process.env): StackOptions {
  return {
    port: Number(env.PORT ?? 3000),
    dynamoPort: Number(env.DYNAMODB_PORT ?? 8000),
    dataDir: resolve(ROOT, env.DATA_DIR ?? '.data'),
    tableName: env.TABLE_NAME ?? 'staff-home',
  };
}

/**
 * Runs the embedded DynamoDB in a child process (it dies with us: see main.ts). A previous
 * stack killed a moment ago may still hold the port or the database lock: retry for a while.
 */
export async function startDynamoProcess(port: number, dataDir: string): Promise<LocalDynamo> {
  let lastError = '';
  for (let attempt = 0; attempt < 40; attempt++) {
    const child = spawn(process.execPath, ['--no-warnings', '--import', 'tsx', resolve(ROOT, 'local/dynamodb/main.ts'), String(port), dataDir], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const endpoint = await new Promise<string | undefined>((done) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /ready (\S+)/.exec(out);
        if (m) done(m[1]);
      });
      child.on('exit', () => done(undefined));
    });
    if (endpoint) {
      child.stderr.on('data', (d) => process.stderr.write(d));
      const onExit = (code: number | null) => {
        console.error(`local DynamoDB exited unexpectedly (${code}); stopping`);
        process.exit(1);
      };
      child.on('exit', onExit);
      return {
        endpoint,
        port: Number(new URL(endpoint).port),
        close: () =>
          new Promise<void>((done) => {
            child.off('exit', onExit);
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      };
    }
    lastError = err;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`local DynamoDB would not start:\n${lastError}`);
}

export async function ensureTable(endpoint: string, tableName: string) {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new CreateTableCommand(tableDefinition(tableName) as never));
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  for (let i = 0; i < 200; i++) {
    const t = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (t.Table?.TableStatus === 'ACTIVE') return client.destroy();
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}

/**
 * The local stack: the embedded DynamoDB (persisted under dataDir), the table from serverless.yml,
 * and the real handlers behind the local gateway. The handlers find the emulator through the
 * same environment variables the AWS SDK reads in Lambda.
 */
export async function startStack(opts: StackOptions) {
  mkdirSync(opts.dataDir, { recursive: true });
  const dataDir = resolve(opts.dataDir, 'dynamodb');
  const dynamo: LocalDynamo = opts.inProcessDynamo
    ? await startLocalDynamo({ port: opts.dynamoPort, dataDir, indexLagMs: Number(process.env.DYNAMODB_INDEX_LAG_MS ?? 0) })
    : await startDynamoProcess(opts.dynamoPort, dataDir);
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'local',
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
    TABLE_NAME: opts.tableName,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
  });
  await ensureTable(dynamo.endpoint, opts.tableName);
  const gateway = await startGateway(opts.port);
  const schedules = await startSchedules(opts.scheduleEveryMs);
  return {
    url: gateway.url,
    dynamoEndpoint: dynamo.endpoint,
    async close() {
      schedules.stop();
      await new Promise<void>((r) => gateway.close(() => r()));
      gateway.closeAllConnections();
      await dynamo.close();
    },
  };
}

/**
 * The scheduled functions of serverless.yml (every minute on AWS), run at start and every few
 * seconds here: work a crash left unfinished (a half-told fan-out) is finished soon after a restart.
 */
export async function startSchedules(everyMs = Number(process.env.LOCAL_SCHEDULE_MS ?? 5000)) {
  const jobs: (() => Promise<unknown>)[] = [];
  for (const handler of scheduledHandlers()) {
    const [file, exportName] = [handler.slice(0, handler.lastIndexOf('.')), handler.slice(handler.lastIndexOf('.') + 1)];
    const mod = (await import(`${ROOT}/${file}.ts`)) as Record<string, () => Promise<unknown>>;
    jobs.push(mod[exportName]!);
  }
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) await job();
    } catch (err) {
      console.error('scheduled job failed:', (err as Error).message);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
