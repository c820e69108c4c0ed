import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildH5, H5_DIST, h5BuildIsStale } from '../../local/h5Build';
import { startWebServer } from '../../local/webServer';
import { startApi } from '../support/apiProcess';
import { CHROMIUM_PATH } from './browser';

/** Debian's chromium and a CJK font: installed here when running as root, else a clear stop. */
function ensureChromium() {
  const hasFont = () => {
    try {
      return /wqy|noto.*cjk/i.test(execSync('fc-list', { encoding: 'utf8' }));
    } catch {
      return false;
    }
  };
  if (existsSync(CHROMIUM_PATH) && hasFont()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Browser tests need Debian's chromium and a CJK font. Run: sudo apt-get install -y chromium fonts-wqy-zenhei`);
  }
  console.log('installing chromium and a CJK font with apt…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei', { stdio: 'inherit' });
}

/** The H5 app (built when stale) served with /api forwarded to a fresh local API. */
export default async function setup(project: TestProject) {
  ensureChromium();
  if (h5BuildIsStale()) await buildH5();
  const api = await startApi();
  const web = await startWebServer({ port: 0, root: H5_DIST, apiUrl: api.url });
  project.provide('apiUrl', api.url);
  project.provide('webUrl', web.url);
  return async () => {
    web.close();
    await api.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
  }
}
