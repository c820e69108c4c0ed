/**
 * A WeChat-like JavaScript environment in a plain Node `vm` context: the globals WeChat's logic
 * layer has (wx, App, Page, Component, getApp, getCurrentPages, __wxConfig, timers, console) and
 * none of a browser's. Each file is wrapped as WeChat wraps it, with `window`, `document`,
 * `localStorage`, `fetch`, `XMLHttpRequest`, `navigator` (and the rest of its list) passed as
 * undefined, so code that reaches for the DOM fails here as it fails on a phone.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { format, types } from 'node:util';
import vm from 'node:vm';
import type { AppJson } from './appJson';
import { VirtualClock } from './clock';
import { createWx, type Navigation, type WxRequest } from './wxStub';

/** What WeChat passes as undefined to every file (its list; the ones a web library reaches for first). */
const BROWSER_GLOBALS = [
  'window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'Caches', 'screen',
  'alert', 'confirm', 'prompt', 'fetch', 'XMLHttpRequest', 'WebSocket', 'webkit', 'WeixinJSCore',
];
const WRAPPER_HEAD = `(function (require, module, exports, ${BROWSER_GLOBALS.join(', ')}) {`;

/** Compiled once per file version and run in any number of contexts. */
const scripts = new Map<string, vm.Script>();
function script(file: string): vm.Script {
  const { mtimeMs, size } = statSync(file);
  const key = `${file}:${mtimeMs}:${size}`;
  let s = scripts.get(key);
  if (!s) {
    s = new vm.Script(`${WRAPPER_HEAD}${readFileSync(file, 'utf8')}\n})`, { filename: file });
    scripts.set(key, s);
  }
  return s;
}

export type FaultSource = 'load' | 'lifecycle' | 'timer' | 'rejection' | 'console.error' | 'request' | 'navigation' | 'setData' | 'settle';

export interface Fault {
  source: FaultSource;
  message: string;
}

export interface SandboxOptions {
  dist: string;
  app: AppJson;
  /** The page WeChat opens first (launch options, getLaunchOptionsSync). */
  launch: { path: string; query: Record<string, string> };
  storage: Map<string, unknown>;
  request: (req: WxRequest) => { statusCode: number; data: unknown };
  /** What wx.getAppBaseInfo answers over the defaults (the member's WeChat font size...). */
  appBaseInfo?: Record<string, unknown>;
}

export interface Sandbox {
  context: vm.Context;
  clock: VirtualClock;
  faults: Fault[];
  /** console.log/info/warn output, for the report of a failing page. */
  logs: string[];
  navigations: Navigation[];
  wxCalls: string[];
  /** The object App() was given (WeChat's app instance), once app.js ran. */
  app(): Record<string, any> | undefined;
  /** Page() options by route, as each page file registered them. */
  pageOptions: Map<string, Record<string, any>>;
  /** The page stack getCurrentPages() answers. */
  stack: Record<string, any>[];
  /** Runs a file of the build (path relative to dist, '.js' optional) as WeChat's require does. */
  require(file: string, route?: string): unknown;
  /** A host value copied into the context's realm through JSON. */
  toSandbox<T>(value: T): T;
  /** A new plain object of the context's realm. */
  newObject(): Record<string, any>;
  /** Whether a promise was made in the sandbox (its unhandled rejections are the page's). */
  owns(promise: Promise<unknown>): boolean;
  describe(value: unknown): string;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const { dist, app } = options;
  const clock = new VirtualClock();
  const faults: Fault[] = [];
  const logs: string[] = [];
  const navigations: Navigation[] = [];
  const wxCalls: string[] = [];
  const pageOptions = new Map<string, Record<string, any>>();
  const stack: Record<string, any>[] = [];
  const modules = new Map<string, { exports: unknown }>();
  let appOptions: Record<string, any> | undefined;
  let registering: string | undefined;

  const describe = (v: unknown): string => (types.isNativeError(v) ? (v.stack ?? String(v)) : typeof v === 'string' ? v : format('%o', v));
  const guarded = (source: 'timer', fn: () => void) => () => {
    try {
      fn();
    } catch (e) {
      faults.push({ source, message: describe(e) });
    }
  };

  // WeChat runs no code made from strings (no eval, no new Function): neither does the sandbox.
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  const realm = vm.runInContext('({ JSON, Promise, Object, Error })', context) as {
    JSON: JSON;
    Promise: PromiseConstructor;
    Object: ObjectConstructor;
    Error: ErrorConstructor;
  };
  const toSandbox = <T>(value: T): T => (value === undefined ? value : (realm.JSON.parse(JSON.stringify(value)) as T));

  const wx = createWx({
    later: (fn, ms = 0) => void clock.add(guarded('timer', fn), ms),
    toSandbox,
    Promise: realm.Promise,
    storage: options.storage,
    request: options.request,
    pages: new Set(app.pages.map((p) => p.route)),
    tabPages: app.tabPages,
    launch: { ...options.launch, scene: 1001 },
    navigations,
    calls: wxCalls,
    appBaseInfo: options.appBaseInfo,
  });

  const timer = (every: boolean) => (fn: unknown, ms?: unknown, ...args: unknown[]) => {
    if (typeof fn !== 'function') throw new realm.Error('setTimeout/setInterval: WeChat takes a function, not a string');
    return clock.add(guarded('timer', () => fn(...args)), ms, every ? Number(ms) || 0 : undefined);
  };

  const globals: Record<string, unknown> = {
    wx,
    __wxConfig: toSandbox({ ...app.raw, envVersion: 'develop', platform: 'ios', accountInfo: { appId: 'touristappid' } }),
    App: (o: Record<string, any>) => {
      if (appOptions) throw new realm.Error('App() called twice');
      appOptions = o;
    },
    getApp: () => appOptions,
    Page: (o: Record<string, any>) => {
      if (!registering) throw new realm.Error('Page() called outside a page file');
      if (pageOptions.has(registering)) throw new realm.Error(`Page() called twice for ${registering}`);
      pageOptions.set(registering, o);
    },
    Component: () => undefined,
    Behavior: (o: unknown) => o,
    getCurrentPages: () => {
      const pages = vm.runInContext('[]', context) as unknown[];
      pages.push(...stack);
      return pages;
    },
    setTimeout: timer(false),
    setInterval: timer(true),
    clearTimeout: (id: unknown) => clock.clear(id),
    clearInterval: (id: unknown) => clock.clear(id),
    console: {
      log: (...a: unknown[]) => void logs.push(format(...a)),
      info: (...a: unknown[]) => void logs.push(format(...a)),
      debug: () => undefined,
      warn: (...a: unknown[]) => void logs.push(`warn: ${format(...a)}`),
      // React reports render errors it recovered from here: on a phone they are still a broken page.
      error: (...a: unknown[]) => void faults.push({ source: 'console.error', message: a.map(describe).join(' ') }),
    },
  };
  for (const [k, v] of Object.entries(globals)) context[k] = v;

  const requireFrom = (dir: string) => (id: string) => load(posix.join(dir, id));
  const load = (path: string, route?: string): unknown => {
    const rel = posix.normalize(path.endsWith('.js') ? path : `${path}.js`).replace(/^\/+/, '');
    const cached = modules.get(rel);
    if (cached) return cached.exports;
    const file = join(dist, rel);
    if (rel.startsWith('..') || !existsSync(file)) throw new realm.Error(`module "${rel}" is not defined`);
    const module = realm.JSON.parse('{"exports":{}}') as { exports: unknown };
    modules.set(rel, module);
    const fn = script(file).runInContext(context) as (...args: unknown[]) => void;
    const previous = registering;
    registering = route;
    try {
      fn.call(module.exports, requireFrom(posix.dirname(rel)), module, module.exports);
    } finally {
      registering = previous;
    }
    return module.exports;
  };

  return {
    context,
    clock,
    faults,
    logs,
    navigations,
    wxCalls,
    app: () => appOptions,
    pageOptions,
    stack,
    require: load,
    toSandbox,
    newObject: () => new realm.Object() as Record<string, any>,
    owns: (p) => p instanceof realm.Promise,
    describe,
  };
}
