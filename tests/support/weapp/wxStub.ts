/**
 * A `wx` for the sandbox: every API of `interface Wx` in the typings (and nothing else), each with
 * a harmless default by its kind; storage, requests, navigation, login and system info behave as on
 * a phone, driven by the host. Callbacks and promises settle on the sandbox's own clock, never
 * synchronously, as WeChat's bridge never answers synchronously either.
 */
import { wxApis, type WxApi } from './wxApiNames';

export interface Navigation {
  api: string;
  url: string;
  /** Why WeChat would refuse it (no such page, a tab page opened with navigateTo...). */
  refused?: string;
}

export interface WxRequest {
  url: string;
  method: string;
  data: unknown;
  header: Record<string, string>;
}

export interface WxHost {
  /** Runs `fn` after `ms` on the sandbox's clock; whatever it throws counts against the page. */
  later(fn: () => void, ms?: number): void;
  /** A host value copied into the sandbox's realm through JSON, as WeChat's bridge copies data. */
  toSandbox<T>(value: T): T;
  /** The sandbox realm's Promise: what promise-style APIs return. */
  Promise: PromiseConstructor;
  storage: Map<string, unknown>;
  /** Answers a request at once; the stub delivers the answer after a network-like delay. */
  request(req: WxRequest): { statusCode: number; data: unknown };
  /** Every page of app.json, and those of them that are tabs. */
  pages: ReadonlySet<string>;
  tabPages: ReadonlySet<string>;
  launch: { path: string; query: Record<string, string>; scene: number };
  navigations: Navigation[];
  /** Names of the APIs the sandbox called, in order (for reports). */
  calls: string[];
  /** What getAppBaseInfo answers over the phone's defaults (e.g. `{ fontSizeScaleFactor: 1.4 }`: WeChat's 关怀模式). */
  appBaseInfo?: Record<string, unknown>;
}

/** A phone's screen, as WeChat describes it (iPhone 12 sized). */
const WINDOW = {
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 763,
  statusBarHeight: 47,
  screenTop: 0,
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
};
const DEVICE = { brand: 'iPhone', model: 'iPhone 12', system: 'iOS 17.4', platform: 'ios', benchmarkLevel: 1 };
const APP_BASE = { SDKVersion: '3.5.0', version: '8.0.50', language: 'zh_CN', theme: 'light', fontSizeSetting: 17, fontSizeScaleFactor: 1, enableDebug: false, host: { env: 'WeChat' } };
const SYSTEM_INFO = { ...WINDOW, ...DEVICE, ...APP_BASE, bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true };
const MENU_BUTTON = { width: 87, height: 32, top: 51, right: 380, bottom: 83, left: 293 };
const ZERO_RECT = { id: '', dataset: {}, left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 };

/** Chained calls on an object nobody here looks inside (a canvas context, an update manager...). */
function inert(): unknown {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get: (_t, prop) => (prop === 'then' || typeof prop === 'symbol' ? undefined : proxy),
    apply: () => proxy,
  });
  return proxy;
}

type Options = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void } & Record<string, unknown>;
type Outcome = { ok: true; res: Record<string, unknown> } | { ok: false; errMsg: string };

export function createWx(host: WxHost): Record<string, unknown> {
  const apis = new Map(wxApis().map((a) => [a.name, a]));
  const wx: Record<string, unknown> = {};

  /** Answers callback style when given a callback, else with a Promise (WeChat's promise mode). */
  const callbackApi =
    (api: WxApi, run: (o: Options) => Outcome, delay = 0) =>
    (o: Options = {}) => {
      host.calls.push(api.name);
      const outcome = run(o);
      const result = host.toSandbox(outcome.ok ? { errMsg: `${api.name}:ok`, ...outcome.res } : { errMsg: outcome.errMsg });
      if (o.success || o.fail || o.complete) {
        host.later(() => {
          if (outcome.ok) o.success?.(result);
          else o.fail?.(result);
          o.complete?.(result);
        }, delay);
        return api.returns.endsWith('Task') ? inert() : undefined;
      }
      return new host.Promise((resolve, reject) => host.later(() => (outcome.ok ? resolve(result) : reject(result)), delay));
    };

  const ok = (res: Record<string, unknown> = {}): Outcome => ({ ok: true, res });

  // Defaults, from the kind the typings give each name.
  for (const api of apis.values()) {
    switch (api.kind) {
      case 'async':
        wx[api.name] = callbackApi(api, () => ok());
        break;
      case 'listener':
        wx[api.name] = () => void host.calls.push(api.name);
        break;
      case 'factory':
        wx[api.name] = () => (host.calls.push(api.name), inert());
        break;
      case 'property':
        wx[api.name] = api.name === 'env' ? { USER_DATA_PATH: 'http://usr' } : inert();
        break;
      case 'sync':
        wx[api.name] = () => void host.calls.push(api.name);
        break;
    }
  }

  /** Gives one API its phone-like behaviour; refuses a name WeChat does not have. */
  const define = (name: string, impl: (api: WxApi) => unknown) => {
    const api = apis.get(name);
    if (!api) throw new Error(`wx stub: "${name}" is not in interface Wx of miniprogram-api-typings`);
    wx[name] = impl(api);
  };
  const sync = (name: string, fn: (...args: any[]) => unknown) =>
    define(name, () => (...args: unknown[]) => {
      host.calls.push(name);
      return fn(...args);
    });

  // Storage: WeChat answers '' for a key it does not have.
  const read = (key: string) => (host.storage.has(key) ? host.toSandbox(host.storage.get(key)) : '');
  sync('getStorageSync', (key: string) => read(key));
  sync('setStorageSync', (key: string, value: unknown) => void host.storage.set(key, JSON.parse(JSON.stringify(value ?? null))));
  sync('removeStorageSync', (key: string) => void host.storage.delete(key));
  sync('clearStorageSync', () => host.storage.clear());
  sync('getStorageInfoSync', () => host.toSandbox({ keys: [...host.storage.keys()], currentSize: 1, limitSize: 10240 }));
  define('getStorage', (api) =>
    callbackApi(api, (o) => (host.storage.has(String(o.key)) ? ok({ data: read(String(o.key)) }) : { ok: false, errMsg: 'getStorage:fail data not found' })),
  );
  define('setStorage', (api) => callbackApi(api, (o) => (host.storage.set(String(o.key), JSON.parse(JSON.stringify(o.data ?? null))), ok())));
  define('removeStorage', (api) => callbackApi(api, (o) => (host.storage.delete(String(o.key)), ok())));

  // The device.
  for (const name of ['getSystemInfoSync', 'getWindowInfo', 'getDeviceInfo', 'getAppBaseInfo']) {
    const info =
      name === 'getWindowInfo' ? WINDOW : name === 'getDeviceInfo' ? DEVICE : name === 'getAppBaseInfo' ? { ...APP_BASE, ...host.appBaseInfo } : { ...SYSTEM_INFO, ...host.appBaseInfo };
    sync(name, () => host.toSandbox(info));
  }
  for (const name of ['getSystemInfo', 'getSystemInfoAsync']) define(name, (api) => callbackApi(api, () => ok(SYSTEM_INFO)));
  sync('getMenuButtonBoundingClientRect', () => host.toSandbox(MENU_BUTTON));
  sync('getLaunchOptionsSync', () => host.toSandbox(host.launch));
  sync('getEnterOptionsSync', () => host.toSandbox(host.launch));
  sync('getAccountInfoSync', () => host.toSandbox({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }));
  sync('canIUse', () => true);
  sync('nextTick', (fn: () => void) => host.later(fn, 0));
  define('getNetworkType', (api) => callbackApi(api, () => ok({ networkType: 'wifi' })));
  define('getScreenBrightness', (api) => callbackApi(api, () => ok({ value: 0.6 })));
  define('login', (api) => callbackApi(api, () => ok({ code: 'fixture-wechat-code' })));

  // Layout queries: every node measures 0×0 (nothing is laid out here), as WeChat answers for a hidden one.
  define('createSelectorQuery', () => () => {
    host.calls.push('createSelectorQuery');
    const results: unknown[] = [];
    const query: Record<string, unknown> = {};
    const nodeRef = (all: boolean) => {
      const measure = (cb?: (r: unknown) => void) => {
        const i = results.length;
        results.push(all ? [ZERO_RECT] : ZERO_RECT);
        return Object.assign(query, { [`__cb${i}`]: cb });
      };
      return { boundingClientRect: measure, scrollOffset: measure, fields: (_f: unknown, cb?: (r: unknown) => void) => measure(cb), node: measure, context: measure };
    };
    Object.assign(query, {
      in: () => query,
      select: () => nodeRef(false),
      selectAll: () => nodeRef(true),
      selectViewport: () => nodeRef(false),
      exec: (cb?: (r: unknown) => void) =>
        host.later(() => {
          const res = host.toSandbox(results);
          res.forEach((r, i) => (query[`__cb${i}`] as ((r: unknown) => void) | undefined)?.(r));
          cb?.(res);
        }, 0),
    });
    return query;
  });

  // The network: answered by the host, delivered after a short delay so a page shows its loading state first.
  define('request', (api) =>
    callbackApi(
      api,
      (o) => {
        const res = host.request({ url: String(o.url), method: String(o.method ?? 'GET').toUpperCase(), data: o.data, header: (o.header ?? {}) as Record<string, string> });
        return ok({ statusCode: res.statusCode, data: res.data, header: { 'Content-Type': 'application/json' } });
      },
      10,
    ),
  );

  // Navigation: WeChat refuses a page app.json does not list, and tab pages only open with switchTab.
  const navigate = (name: string) =>
    define(name, (api) =>
      callbackApi(api, (o) => {
        const url = String(o.url ?? '');
        const path = url.replace(/^\//, '').split('?')[0]!;
        const nav: Navigation = { api: name, url };
        if (name !== 'navigateBack') {
          if (!host.pages.has(path)) nav.refused = `${name}:fail page "${path}" is not found`;
          else if (name === 'switchTab' && !host.tabPages.has(path)) nav.refused = `${name}:fail can not switch to no-tabBar page`;
          else if ((name === 'navigateTo' || name === 'redirectTo') && host.tabPages.has(path)) nav.refused = `${name}:fail can not ${name} a tabbar page`;
        }
        host.navigations.push(nav);
        return nav.refused ? { ok: false, errMsg: nav.refused } : ok();
      }),
    );
  for (const name of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack']) navigate(name);

  return wx;
}
