/**
 * The weapp build the tests share: made at most once per test run, whichever test file asks first
 * (vitest runs the build project's files one at a time, in no promised order).
 *
 * vitest.config.ts gives each run an id (STAFFHOME_TEST_RUN, inherited by the workers); the build
 * leaves that id in a stamp beside webpack's cache, so a later file of the same run finds it fresh,
 * and the next run, or a build that failed halfway, builds again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../apiProcess';

export const WEAPP_DIST = join(ROOT, 'miniapp/dist/weapp');

/**
 * The API base the test build is made with (the weapp build has none unless told, and then every
 * request fails before it leaves the phone). `.invalid` never resolves: only the sandbox answers.
 */
export const TEST_API_BASE = 'https://api.staffhome.invalid';

const STAMP = join(ROOT, 'miniapp/.cache/weapp-test-build');

export interface WeappBuild {
  dist: string;
  /** Whether this call built it (false: an earlier file of this run did). */
  built: boolean;
  ms: number;
}

export function weappBuild(): WeappBuild {
  const run = process.env.STAFFHOME_TEST_RUN;
  if (run && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === run && existsSync(join(WEAPP_DIST, 'app.json'))) {
    return { dist: WEAPP_DIST, built: false, ms: 0 };
  }
  rmSync(STAMP, { force: true });
  const started = performance.now();
  execFileSync('npm', ['run', 'build:weapp'], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 540_000,
    env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_BASE: TEST_API_BASE },
  });
  if (run) {
    mkdirSync(dirname(STAMP), { recursive: true });
    writeFileSync(STAMP, run);
  }
  return { dist: WEAPP_DIST, built: true, ms: Math.round(performance.now() - started) };
}
