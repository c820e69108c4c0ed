/**
 * The names of WeChat's `wx.*` API, read from `interface Wx` in miniprogram-api-typings (never typed
 * by hand), with how each one is called. A stub built from this list answers exactly the API a real
 * WeChat base library has: calling anything else fails as it would on a phone.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type * as TS from 'typescript';

const require = createRequire(import.meta.url);

export type WxApiKind =
  /** `wx.fooSync()` and other plain functions: return a value. */
  | 'sync'
  /** `wx.foo({ success, fail, complete })`; also returns a Promise when given no callback. */
  | 'async'
  /** `wx.onFoo(listener)` / `wx.offFoo(listener)`. */
  | 'listener'
  /** `wx.createFoo()`, `wx.getFooManager()`: returns an object with methods of its own. */
  | 'factory'
  /** A property, not a function (`wx.env`, `wx.cloud`). */
  | 'property';

export interface WxApi {
  name: string;
  kind: WxApiKind;
  /** The declared return type, as written (`RequestTask`, `void`, ...). */
  returns: string;
}

let cached: WxApi[] | undefined;

/**
 * Every member of `interface Wx`, in the typings' order. Parsing the 1.6 MB typings costs about a
 * second on a busy machine (TypeScript itself most of it), so the list is kept in a temp file
 * keyed by the typings file's version, size and mtime, and parsed again when any of them changes.
 */
export function wxApis(): WxApi[] {
  if (cached) return cached;
  const pkgDir = dirname(require.resolve('miniprogram-api-typings/package.json'));
  const file = join(pkgDir, 'types', 'wx', 'lib.wx.api.d.ts');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const { size, mtimeMs } = statSync(file);
  const store = join(tmpdir(), 'staffhome-weapp-sandbox', `wx-apis-${version}-${size}-${Math.round(mtimeMs)}.json`);
  if (existsSync(store)) {
    cached = JSON.parse(readFileSync(store, 'utf8')) as WxApi[];
    return cached;
  }
  cached = parseWxApis(file);
  mkdirSync(dirname(store), { recursive: true });
  const partial = `${store}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(cached));
  renameSync(partial, store);
  return cached;
}

function parseWxApis(file: string): WxApi[] {
  const ts = require('typescript') as typeof TS;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const apis = new Map<string, WxApi>();
  const kindOf = (name: string, m: TS.MethodSignature): WxApiKind => kindFrom(name, m.type?.getText(source) ?? 'void', m.parameters[0]?.type?.getText(source) ?? '');
  const visit = (node: TS.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') {
      for (const m of node.members) {
        if (!m.name || !ts.isIdentifier(m.name)) continue;
        const name = m.name.text;
        // Overloads repeat a name: the first decides its kind (they agree in these typings).
        if (apis.has(name)) continue;
        if (ts.isPropertySignature(m)) apis.set(name, { name, kind: 'property', returns: m.type?.getText(source) ?? '' });
        else if (ts.isMethodSignature(m)) apis.set(name, { name, kind: kindOf(name, m), returns: m.type?.getText(source) ?? 'void' });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (apis.size < 100) throw new Error(`miniprogram-api-typings: found only ${apis.size} members of interface Wx in ${file}`);
  return [...apis.values()];
}

function kindFrom(name: string, returns: string, firstParam: string): WxApiKind {
  if (/^(on|off)[A-Z]/.test(name)) return 'listener';
  // Promise-capable APIs are typed `foo<T extends FooOption>(option?: T): PromisifySuccessResult<T, FooOption>`.
  if (returns.startsWith('PromisifySuccessResult')) return 'async';
  if (name.endsWith('Sync')) return 'sync';
  if (/^create[A-Z]/.test(name) || /^get\w*Manager$/.test(name)) return 'factory';
  // Older callback APIs: `foo(option: FooOption): void`, or a task object (`request` returns a RequestTask).
  if (/Option\b/.test(firstParam)) return 'async';
  return 'sync';
}
