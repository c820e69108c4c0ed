import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/apiProcess';
import { weappBuild } from '../support/weapp/build';

/** Our budget (WeChat's limits are 2 MB and 20 MB): the first open must stay quick. */
const MAIN_LIMIT_KB = 400;
const TOTAL_LIMIT_KB = 1536;

/**
 * The WeChat build (the H5 build is made by the e2e project's setup, which drives it). Built once
 * per run and shared: weapp.test.ts checks this same build with WeChat's compilers and the sandbox.
 */
describe('mini-program weapp build', () => {
  it(`builds; the main package stays within ${MAIN_LIMIT_KB} KB and the whole build within 1.5 MB`, () => {
    const { dist, built, ms } = weappBuild();
    if (built) console.log(`weapp built in ${ms} ms`);
    for (const f of ['app.js', 'app.json', 'app.wxss']) expect(existsSync(join(dist, f)), f).toBe(true);
    const size = spawnSync('npm', ['run', '--silent', 'size:weapp'], { cwd: ROOT, encoding: 'utf8' });
    const report = `${size.stdout}${size.stderr}`.trim();
    console.log(report);
    const main = Number(/main package: ([\d.]+) KB/.exec(report)?.[1]);
    const total = Number(/total: ([\d.]+) KB/.exec(report)?.[1]);
    expect(main).toBeGreaterThan(50);
    expect(main, 'main package (KB)').toBeLessThanOrEqual(MAIN_LIMIT_KB);
    expect(total, 'whole build (KB)').toBeLessThanOrEqual(TOTAL_LIMIT_KB);
    expect(size.status, report).toBe(0);
  });
});
