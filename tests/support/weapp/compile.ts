/**
 * WeChat's own template and style compilers (wcc, wcsc from miniprogram-compiler) over a weapp build.
 *
 * The package's Node wrapper is not used: it chmods the binaries inside node_modules (shared by hard
 * links between worktrees) and returns, rather than throws, an Error for a bad .wxss. We copy each
 * binary once to a temp dir with the exec bit and run it ourselves, judging by its exit status.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

const require = createRequire(import.meta.url);

export interface CompileResult {
  ok: boolean;
  /** How many files the compiler was given. */
  files: number;
  /** The compiler's complaint, with file:line, when it failed. */
  error: string;
  /** wcc only: the generated JavaScript (defines $gwx). */
  output: string;
}

/** A runnable copy of `wcc` or `wcsc` (the package ships builds for linux x64, macOS and Windows). */
export function wechatCompiler(name: 'wcc' | 'wcsc'): string {
  const platform = ({ linux: 'linux', darwin: 'mac', win32: 'windows' } as Record<string, string>)[process.platform];
  if (!platform) throw new Error(`miniprogram-compiler ships no ${name} for ${process.platform}`);
  const file = process.platform === 'win32' ? `${name}.exe` : name;
  const pkgDir = dirname(require.resolve('miniprogram-compiler/package.json'));
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(tmpdir(), 'staffhome-weapp-sandbox', `miniprogram-compiler-${version}`);
  const bin = join(dir, file);
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    // Copy then rename: two processes preparing the same binary never see half a file.
    const partial = `${bin}.${process.pid}.partial`;
    copyFileSync(join(pkgDir, 'bin', platform, file), partial);
    chmodSync(partial, 0o755);
    renameSync(partial, bin);
  }
  return bin;
}

/** Every file under `root` whose name ends with `ext`, as sorted '/'-separated paths relative to root. */
export function filesWithExt(root: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(ext)) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * wcc over every .wxml (base.wxml and comp.wxml included) and .wxs of the build, with each page's
 * and component's `usingComponents` declared the way the developer tool declares them.
 */
export function compileWxml(dist: string): CompileResult {
  const wxml = filesWithExt(dist, '.wxml');
  const wxs = filesWithExt(dist, '.wxs');
  const components: (string | number)[] = [];
  let withComponents = 0;
  for (const file of wxml) {
    const using = readJson(join(dist, file.replace(/\.wxml$/, '.json')))?.usingComponents;
    if (using && typeof using === 'object') {
      const names = Object.keys(using);
      components.push(file, names.length, ...names);
      withComponents++;
    }
  }
  const args = ['-d', '-cc', [withComponents, ...components].join(' '), ...wxml, ...wxs, '-gn', '$gwx'];
  const r = spawnSync(wechatCompiler('wcc'), args, { cwd: dist, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const ok = r.status === 0;
  return { ok, files: wxml.length + wxs.length, error: ok ? '' : r.stderr.toString().trim() || `wcc exited with ${r.status}`, output: ok ? r.stdout.toString() : '' };
}

/**
 * wcsc over every .wxss of the build: pages' and components' styles first (those with a .json beside
 * them, counted by -pc), then the shared ones they @import, as the developer tool orders them.
 */
export function compileWxss(dist: string): CompileResult {
  const all = filesWithExt(dist, '.wxss');
  const isPage = (f: string) => existsSync(join(dist, f.replace(/\.wxss$/, '.json')));
  const pages = all.filter(isPage);
  const shared = all.filter((f) => !isPage(f));
  const r = spawnSync(wechatCompiler('wcsc'), ['-db', '-pc', String(pages.length), ...pages, ...shared], {
    cwd: dist,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  const ok = r.status === 0;
  return { ok, files: all.length, error: ok ? '' : r.stderr.toString().trim() || `wcsc exited with ${r.status}`, output: '' };
}
