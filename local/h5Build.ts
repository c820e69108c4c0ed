import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './serverlessConfig';

export const H5_DIST = join(ROOT, 'miniapp/dist/h5');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when there is no H5 build or the app's sources changed after it was made. */
export function h5BuildIsStale(): boolean {
  const index = join(H5_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return ['src', 'config'].some((d) => existsSync(join(ROOT, 'miniapp', d)) && newestMtime(join(ROOT, 'miniapp', d)) > built) || newestMtime(join(ROOT, 'shared')) > built;
}

export function buildH5(): Promise<void> {
  return new Promise((resolve, reject) => {
    // A production build, whatever the caller runs under (vitest sets NODE_ENV=test, which turns on React refresh).
    const child = spawn('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`H5 build failed:\n${out.slice(-4000)}`))));
  });
}
