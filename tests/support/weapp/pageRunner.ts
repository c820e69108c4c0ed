/**
 * Opens one page of a weapp build the way WeChat opens it from a link: a fresh sandbox runs app.js
 * (which requires common, vendors, taro and runtime), then the page's file (which requires its
 * sub-package's sub-vendors / sub-common), then App onLaunch/onShow and the page's onLoad(query),
 * onShow, onReady; it waits until the page's timers and requests are done, then hides and unloads
 * it. Anything thrown, rejected without a handler, or sent to console.error on the way is a fault
 * of that page.
 */
import { format } from 'node:util';
import { parsePageUrl, type AppJson } from './appJson';
import { applySetData, SET_DATA_LIMIT, visibleText, type Json } from './pageData';
import { createSandbox, type Fault, type Sandbox } from './sandbox';
import type { Navigation, WxRequest } from './wxStub';

export interface RunPageOptions {
  dist: string;
  app: AppJson;
  /** '/pages/event/index?id=ev-1' (a route of app.json, with the query onLoad gets). */
  url: string;
  storage?: Record<string, unknown>;
  /** Answers wx.request; `unknown` marks a request nothing answers (a fault of the page). */
  request: (req: WxRequest) => { statusCode: number; data: unknown; unknown?: string };
  /** How far the page's clock may run after onReady: its first seconds, a timer of the app's at 3 s included. */
  settleMs?: number;
  /** What wx.getAppBaseInfo answers over the defaults, e.g. `{ fontSizeScaleFactor: 1.4 }` (关怀模式). */
  appBaseInfo?: Record<string, unknown>;
}

export interface PageReport {
  route: string;
  query: Record<string, string>;
  faults: Fault[];
  /** setData calls while the page was open (onLoad to onUnload). */
  setDataCalls: number;
  /** The page's data after it settled (before onHide/onUnload), or where a fault stopped it. */
  data: Record<string, Json>;
  /** What the page shows after it settled: its text nodes, in order. */
  text: string[];
  requests: string[];
  navigations: Navigation[];
  /** The wx APIs the page called, in order. */
  wxCalls: string[];
  logs: string[];
  /** Wall time from a fresh context to unload, in ms. */
  ms: number;
}

const MAX_TIMER_RUNS = 20_000;

/** Lets promise jobs (of the sandbox too: one isolate, one job queue) run, and Node report unhandled rejections. */
const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runPage(options: RunPageOptions): Promise<PageReport> {
  const started = performance.now();
  const { route, query } = parsePageUrl(options.url);
  const requests: string[] = [];
  const storage = new Map(Object.entries(options.storage ?? {}));
  const sandbox = createSandbox({
    dist: options.dist,
    app: options.app,
    launch: { path: route, query },
    appBaseInfo: options.appBaseInfo,
    storage,
    request: (req) => {
      const res = options.request(req);
      requests.push(`${req.method} ${req.url}${res.unknown ? ' (no answer)' : ` → ${res.statusCode}`}`);
      if (res.unknown) sandbox.faults.push({ source: 'request', message: `nothing answers ${res.unknown}` });
      return res;
    },
  });
  const data: Record<string, Json> = {};
  let setDataCalls = 0;
  let snapshot: Record<string, Json> | undefined;

  const stopCatching = catchRejections(sandbox);
  try {
    await open();
  } finally {
    stopCatching();
  }
  // A page stopped by a fault is reported as it stood then.
  snapshot ??= structuredClone(data);
  for (const n of sandbox.navigations) if (n.refused) sandbox.faults.push({ source: 'navigation', message: `${n.api}(${n.url}): ${n.refused}` });

  return {
    route,
    query,
    faults: sandbox.faults,
    setDataCalls,
    data: snapshot,
    text: visibleText(snapshot),
    requests,
    navigations: sandbox.navigations,
    wxCalls: sandbox.wxCalls,
    logs: sandbox.logs,
    ms: Math.round(performance.now() - started),
  };

  async function open(): Promise<void> {
    const appPage = options.app.pages.find((p) => p.route === route);
    if (!appPage) return void sandbox.faults.push({ source: 'load', message: `${route} is not a page of app.json` });
    if (!step('load', () => sandbox.require('app.js'))) return;
    if (!sandbox.app()) return void sandbox.faults.push({ source: 'load', message: 'app.js did not call App()' });
    if (!step('load', () => sandbox.require(`${route}.js`, route))) return;
    const config = sandbox.pageOptions.get(route);
    if (!config) return void sandbox.faults.push({ source: 'load', message: `${route}.js did not call Page()` });

    const launch = sandbox.toSandbox({ path: route, query, scene: 1001, referrerInfo: {} });
    const app = sandbox.app()!;
    if (!step('lifecycle', () => app.onLaunch?.call(app, launch))) return;
    if (!step('lifecycle', () => app.onShow?.call(app, launch))) return;

    const page = pageInstance(config);
    sandbox.stack.push(page);
    if (!step('lifecycle', () => page.onLoad?.call(page, sandbox.toSandbox(query)))) return;
    if (!step('lifecycle', () => page.onShow?.call(page))) return;
    await drain();
    if (!step('lifecycle', () => page.onReady?.call(page))) return;
    await settle(options.settleMs ?? 5000);
    snapshot = structuredClone(data);
    step('lifecycle', () => page.onHide?.call(page));
    step('lifecycle', () => page.onUnload?.call(page));
    sandbox.stack.pop();
    await settle(1000);
  }

  /** Runs a step; a throw is a fault of the page and ends its run (what followed would only report the same breakage). */
  function step(source: Fault['source'], fn: () => unknown): boolean {
    try {
      fn();
      return true;
    } catch (e) {
      sandbox.faults.push({ source, message: sandbox.describe(e) });
      return false;
    }
  }

  /** Runs the page's timers in order (requests answer on timers too) until none is due within `ms`. */
  async function settle(ms: number): Promise<void> {
    const until = sandbox.clock.now + ms;
    await drain();
    for (let runs = 0; ; runs++) {
      if (runs >= MAX_TIMER_RUNS) {
        sandbox.faults.push({ source: 'settle', message: `still busy after ${MAX_TIMER_RUNS} timers (a timer loop?)` });
        return;
      }
      const next = sandbox.clock.takeNext(until);
      if (!next) return;
      next.fn();
      await drain();
    }
  }

  /** The page instance WeChat makes from Page()'s options: their fields, plus route, options and setData. */
  function pageInstance(config: Record<string, any>): Record<string, any> {
    const page = sandbox.newObject();
    Object.assign(page, config);
    Object.assign(data, structuredClone(config.data ?? {}) as Record<string, Json>);
    page.data = data;
    page.route = route;
    page.__route__ = route;
    page.options = sandbox.toSandbox(query);
    page.is = route;
    page.getPageId = () => `pageId:${route}`;
    page.selectComponent = () => null;
    page.selectAllComponents = () => sandbox.toSandbox([]);
    page.setData = (payload: unknown, callback?: () => void) => {
      setDataCalls++;
      // The view gets a JSON copy: what cannot cross (functions, cycles) is lost or fails here too.
      let json: string;
      try {
        json = JSON.stringify(payload ?? {});
      } catch (e) {
        sandbox.faults.push({ source: 'setData', message: `setData payload cannot cross to the view: ${sandbox.describe(e)}` });
        return;
      }
      if (json.length > SET_DATA_LIMIT) sandbox.faults.push({ source: 'setData', message: `setData of ${json.length} bytes: over WeChat's 1 MB limit` });
      applySetData(data, JSON.parse(json) as Record<string, Json>);
      if (typeof callback === 'function') sandbox.clock.add(() => step('lifecycle', () => callback.call(page)), 0);
    };
    return page;
  }
}

/**
 * While a page runs, unhandled rejections of promises made in its sandbox are faults of the page;
 * any other (the test runner's own) goes to the listeners that were there before.
 */
function catchRejections(sandbox: Sandbox): () => void {
  const previous = process.listeners('unhandledRejection');
  const listener = (reason: unknown, promise: Promise<unknown>) => {
    if (sandbox.owns(promise)) sandbox.faults.push({ source: 'rejection', message: `unhandled rejection: ${sandbox.describe(reason)}` });
    else for (const l of previous) l(reason, promise);
  };
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', listener);
  return () => {
    process.removeListener('unhandledRejection', listener);
    for (const l of previous) process.on('unhandledRejection', l);
  };
}

/** A page's faults, one per line, for an assertion message. */
export function describeFaults(report: PageReport): string {
  return report.faults.map((f) => format('[%s] %s', f.source, f.message)).join('\n');
}
