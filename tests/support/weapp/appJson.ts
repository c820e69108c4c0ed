/** The pages of a weapp build, read from its app.json (never a list of our own: pages move). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AppPage {
  /** As WeChat names it: 'pages/mine/index', 'admin/roster/index'. */
  route: string;
  /** The sub-package's root ('admin'), or undefined for the main package. */
  subPackage?: string;
}

export interface AppJson {
  pages: AppPage[];
  tabPages: Set<string>;
  /** app.json itself, for __wxConfig. */
  raw: Record<string, unknown>;
}

interface RawSubPackage {
  root: string;
  pages: string[];
}

export function readAppJson(dist: string): AppJson {
  const raw = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: RawSubPackage[];
    subpackages?: RawSubPackage[];
    tabBar?: { list?: { pagePath: string }[] };
  };
  const pages: AppPage[] = raw.pages.map((route) => ({ route }));
  for (const sub of [...(raw.subPackages ?? []), ...(raw.subpackages ?? [])]) {
    const root = sub.root.replace(/\/+$/, '');
    for (const p of sub.pages) pages.push({ route: `${root}/${p}`, subPackage: root });
  }
  const tabPages = new Set((raw.tabBar?.list ?? []).map((t) => t.pagePath));
  return { pages, tabPages, raw: raw as Record<string, unknown> };
}

/**
 * Splits '/pages/event/index?id=ev-1' into WeChat's route and query. Values stay URL-encoded, as
 * WeChat hands them to onLoad (the pages decode them themselves).
 */
export function parsePageUrl(url: string): { route: string; query: Record<string, string> } {
  const [path = '', search = ''] = url.split('?');
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    query[eq < 0 ? pair : pair.slice(0, eq)] = eq < 0 ? '' : pair.slice(eq + 1);
  }
  return { route: path.replace(/^\/+/, ''), query };
}
