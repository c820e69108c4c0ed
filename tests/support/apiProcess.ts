import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The GSI lag the test stacks run with (override with DYNAMODB_INDEX_LAG_MS). */
export const TEST_INDEX_LAG_MS = 200;
/** The lag in force: DYNAMODB_INDEX_LAG_MS when set (0 turns it off), else TEST_INDEX_LAG_MS. */
export const indexLagMs = (): number => Number(process.env.DYNAMODB_INDEX_LAG_MS ?? TEST_INDEX_LAG_MS);

export interface ApiProcess {
  url: string;
  port: number;
  dynamoPort: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `npm run api`'s program as a child process, exactly as a user would, and waits for its line. */
export async function startApi(opts: { dataDir?: string; port?: number; dynamoPort?: number; env?: Record<string, string> } = {}): Promise<ApiProcess> {
  const port = opts.port ?? (await freePort());
  const dynamoPort = opts.dynamoPort ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'staff-home-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'local/api.ts')], {
    cwd: ROOT,
    // Tests run with the GSIs lagging behind writes by up to 200 ms, as DynamoDB's may (local/dynamodb/indexLag.ts).
    env: { ...process.env, PORT: String(port), DYNAMODB_PORT: String(dynamoPort), DATA_DIR: dataDir, LOG_LEVEL: 'ERROR', DYNAMODB_INDEX_LAG_MS: String(indexLagMs()), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`api did not start in time:\n${out}`)), 30_000);
    const check = () => {
      if (out.includes(`listening on http://127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`api exited with ${code}:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dynamoPort,
    dataDir,
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** A tiny JSON client for tests. */
export function client(base: string, token?: string) {
  return async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers; raw: ArrayBuffer }> {
    const res = await fetch(base + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const raw = await res.arrayBuffer();
    const text = new TextDecoder().decode(raw);
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* binary or empty */
    }
    return { status: res.status, body: parsed as T, headers: res.headers, raw };
  };
}
