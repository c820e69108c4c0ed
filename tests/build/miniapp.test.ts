import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/apiProcess';
import { weappBuild } from '../support/weapp/build';

/**
 * The WeChat build (the H5 build is made by the e2e project's setup, which drives it). Built once
 * per run and shared: weapp.test.ts checks this same build with WeChat's compilers and the sandbox.
 */
describe('mini-program weapp build', () => {
  it('builds, and the main package stays under WeChat’s 2 MB limit', () => {
    const { dist, built, ms } = weappBuild();
    if (built) console.log(`weapp built in ${ms} ms`);
    for (const f of ['app.js', 'app.json', 'app.wxss']) expect(existsSync(join(dist, f)), f).toBe(true);
    const report = execFileSync('npm', ['run', '--silent', 'size:weapp'], { cwd: ROOT, encoding: 'utf8' });
    console.log(report.trim());
    const kb = Number(/([\d.]+)\s*KB/.exec(report)?.[1]);
    expect(kb).toBeGreaterThan(50);
    expect(kb).toBeLessThan(2048);
  });
});
