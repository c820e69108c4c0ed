import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/apiProcess';

/** The WeChat build (the H5 build is made by the e2e project's setup, which drives it). */
describe('mini-program weapp build', () => {
  it('builds, and the main package stays under WeChat’s 2 MB limit', () => {
    execFileSync('npm', ['run', 'build:weapp'], { cwd: ROOT, stdio: 'pipe', timeout: 540_000, env: { ...process.env, NODE_ENV: 'production' } });
    for (const f of ['app.js', 'app.json', 'app.wxss']) expect(existsSync(join(ROOT, 'miniapp/dist/weapp', f)), f).toBe(true);
    const report = execFileSync('npm', ['run', '--silent', 'size:weapp'], { cwd: ROOT, encoding: 'utf8' });
    console.log(report.trim());
    const kb = Number(/([\d.]+)\s*KB/.exec(report)?.[1]);
    expect(kb).toBeGreaterThan(50);
    expect(kb).toBeLessThan(2048);
  });
});
