/**
 * The sandbox's own tests: each plants one real fault in a copy of the weapp build and shows that
 * the checks of tests/build/weapp.test.ts would catch it (and, where it helps, that the same copy
 * without the fault passes, so it is the fault that fails).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppJson, type AppJson } from './appJson';
import { TEST_API_BASE, weappBuild } from './build';
import { compileWxml, compileWxss } from './compile';
import { fixtureRequests, signedIn } from './fixtures';
import { runPage, type PageReport } from './pageRunner';

let dist: string;
let app: AppJson;
const copies: string[] = [];

beforeAll(() => {
  dist = weappBuild().dist;
  app = readAppJson(dist);
});
afterAll(() => {
  for (const c of copies) rmSync(c, { recursive: true, force: true });
});

/** A throwaway copy of the build to break. */
function copyOfBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weapp-fault-'));
  copies.push(dir);
  cpSync(dist, dir, { recursive: true });
  return dir;
}

/** Lists `route` as a page of the copy's app.json (main package). */
function addPage(copy: string, route: string): AppJson {
  const file = join(copy, 'app.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { pages: string[] };
  json.pages.push(route);
  writeFileSync(file, JSON.stringify(json));
  return readAppJson(copy);
}

/** A page written by hand (no Taro): just enough to show what the sandbox does with its code. */
function plainPage(copy: string, route: string, js: string): AppJson {
  mkdirSync(dirname(join(copy, route)), { recursive: true });
  writeFileSync(join(copy, `${route}.js`), js);
  writeFileSync(join(copy, `${route}.json`), '{}');
  writeFileSync(join(copy, `${route}.wxml`), '<view>plain</view>');
  return addPage(copy, route);
}

const open = (copy: string, appJson: AppJson, route: string): Promise<PageReport> =>
  runPage({ dist: copy, app: appJson, url: `/${route}`, storage: signedIn('chair'), request: fixtureRequests(TEST_API_BASE) });

describe('the weapp sandbox catches real faults', () => {
  it('a page of the build that touches `document` at load fails with the TypeError a phone would throw', async () => {
    const copy = copyOfBuild();
    const model = app.pages.find((p) => !p.subPackage)!.route;
    const code = readFileSync(join(dist, `${model}.js`), 'utf8');
    expect(code.startsWith('"use strict";'), 'a Taro page file starts with "use strict"').toBe(true);

    // The same page under a new route: once as built (passes), once reading the DOM first (fails).
    const asBuilt = 'pages/as-built/index';
    const touches = 'pages/touches-document/index';
    for (const [route, js] of [
      [asBuilt, code],
      [touches, code.replace('"use strict";', '"use strict";var pageHeight=document.body.scrollHeight;')],
    ] as const) {
      mkdirSync(join(copy, dirname(route)), { recursive: true });
      for (const ext of ['json', 'wxml', 'wxss']) {
        try {
          cpSync(join(dist, `${model}.${ext}`), join(copy, `${route}.${ext}`));
        } catch {
          /* a page may have no .wxss */
        }
      }
      writeFileSync(join(copy, `${route}.js`), js);
      addPage(copy, route);
    }
    const appJson = readAppJson(copy);

    const good = await open(copy, appJson, asBuilt);
    expect(good.faults).toEqual([]);
    expect(good.setDataCalls).toBeGreaterThan(0);

    const bad = await open(copy, appJson, touches);
    console.log(`the page that touches document: [${bad.faults[0]?.source}] ${bad.faults[0]?.message.split('\n')[0]}`);
    expect(bad.faults).toHaveLength(1);
    expect(bad.faults[0]!.source).toBe('load');
    expect(bad.faults[0]!.message).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'body'\)/);
    expect(bad.faults[0]!.message).toContain(`${touches}.js`);
    expect(bad.setDataCalls).toBe(0);
  });

  it('a page app.json lists with no file fails', async () => {
    const copy = copyOfBuild();
    const appJson = addPage(copy, 'pages/ghost/index');
    const r = await open(copy, appJson, 'pages/ghost/index');
    expect(r.faults.map((f) => `${f.source}: ${f.message.split('\n')[0]}`)).toEqual(['load: Error: module "pages/ghost/index.js" is not defined']);
  });

  it('a page file that never calls Page() fails', async () => {
    const copy = copyOfBuild();
    const appJson = plainPage(copy, 'pages/no-page/index', '"use strict";var x = 1;');
    const r = await open(copy, appJson, 'pages/no-page/index');
    expect(r.faults.map((f) => f.message)).toEqual(['pages/no-page/index.js did not call Page()']);
  });

  it('faults that come later fail the page too: a timer that throws, a rejection nobody handles, console.error', async () => {
    const copy = copyOfBuild();
    const appJson = plainPage(
      copy,
      'pages/late-faults/index',
      `"use strict";
      Page({
        onLoad: function () { setTimeout(function () { throw new Error('thrown in a timer') }, 1500) },
        onShow: function () { Promise.resolve().then(function () { throw new Error('rejected, never handled') }) },
        onReady: function () { var self = this; wx.request({ url: '${TEST_API_BASE}/me', success: function () { console.error('reported after a request'); self.setData({ done: true }) } }) },
      });`,
    );
    const r = await open(copy, appJson, 'pages/late-faults/index');
    expect(r.faults.map((f) => `${f.source}: ${f.message.split('\n')[0]}`).sort()).toEqual([
      'console.error: reported after a request',
      'rejection: unhandled rejection: Error: rejected, never handled',
      'timer: Error: thrown in a timer',
    ]);
    expect(r.data).toEqual({ done: true });
  });

  it('a request nothing answers, an API the typings lack and a page app.json lacks all fail the page', async () => {
    const copy = copyOfBuild();
    const appJson = plainPage(
      copy,
      'pages/strays/index',
      `"use strict";
      Page({
        onLoad: function () {
          wx.request({ url: '${TEST_API_BASE}/no/such/route', method: 'GET' });
          wx.navigateTo({ url: '/pages/nowhere/index', fail: function () {} });
          wx.getBrowserCookies();
        },
      });`,
    );
    const r = await open(copy, appJson, 'pages/strays/index');
    expect(r.faults.map((f) => `${f.source}: ${f.message.split('\n')[0]}`)).toEqual([
      'request: nothing answers GET /no/such/route',
      'lifecycle: TypeError: wx.getBrowserCookies is not a function',
      'navigation: navigateTo(/pages/nowhere/index): navigateTo:fail page "pages/nowhere/index" is not found',
    ]);
  });

  it('code made from strings fails, as WeChat runs none (no eval, no new Function)', async () => {
    const copy = copyOfBuild();
    const appJson = plainPage(copy, 'pages/evals/index', `"use strict";Page({ onLoad: function () { this.setData({ sum: eval('1 + 1') }) } });`);
    const r = await open(copy, appJson, 'pages/evals/index');
    expect(r.faults.map((f) => `${f.source}: ${f.message.split('\n')[0]}`)).toEqual(['lifecycle: EvalError: Code generation from strings disallowed for this context']);
  });

  it('a broken .wxml fails wcc, which names the file and line', () => {
    const copy = copyOfBuild();
    const route = app.pages[0]!.route;
    const file = join(copy, `${route}.wxml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^/, '<view class="unclosed">\n'));
    expect(compileWxml(dist).ok, 'the build as it is').toBe(true);
    const r = compileWxml(copy);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(new RegExp(`${route}\\.wxml:\\d+:\\d+: end tag missing`));
  });

  it('a broken .wxss fails wcsc, which names the file and line', () => {
    const copy = copyOfBuild();
    const page = app.pages.find((p) => {
      try {
        return readFileSync(join(copy, `${p.route}.wxss`), 'utf8').length > 0;
      } catch {
        return false;
      }
    })!.route;
    appendFileSync(join(copy, `${page}.wxss`), '\n.broken { color: red;\n.next { color: blue }\n');
    expect(compileWxss(dist).ok, 'the build as it is').toBe(true);
    const r = compileWxss(copy);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(new RegExp(`${page}\\.wxss\\(\\d+:\\d+\\)`));
  });
});
