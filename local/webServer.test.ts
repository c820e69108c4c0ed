import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from './webServer';

/** `npm start` serves the H5 build compressed, hashed files cached for a year, the page itself never stale. */
let web: Awaited<ReturnType<typeof startWebServer>>;
const script = `console.log(${JSON.stringify('教工之家'.repeat(2000))});`;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'h5-'));
  mkdirSync(join(root, 'js'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>教工之家</title>');
  writeFileSync(join(root, 'js', 'app.1a2b3c4d.js'), script);
  web = await startWebServer({ port: 0, root, apiUrl: 'http://127.0.0.1:9' });
});
afterAll(() => web.close());

const get = (path: string, encoding?: string) => fetch(web.url + path, { headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the H5 static server', () => {
  it('sends JavaScript brotli- or gzip-compressed as the browser accepts, and plain otherwise', async () => {
    const br = await get('/js/app.1a2b3c4d.js', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBytes = Buffer.from(await br.arrayBuffer());
    // fetch may decode the body itself: compare the text either way; the header says what was sent.
    const text = brBytes.toString('utf8') === script ? script : brotliDecompressSync(brBytes).toString('utf8');
    expect(text).toBe(script);
    expect(Number(br.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(script) / 5);

    const gz = await fetch(web.url + '/js/app.1a2b3c4d.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const gzBytes = Buffer.from(await gz.arrayBuffer());
    expect(gzBytes.toString('utf8') === script ? script : gunzipSync(gzBytes).toString('utf8')).toBe(script);

    const plain = await get('/js/app.1a2b3c4d.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('caches hashed files for a year, and revalidates the page', async () => {
    expect((await get('/js/app.1a2b3c4d.js')).headers.get('cache-control')).toContain('immutable');
    expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/%ZZ')).status).toBe(400);
  });
});
