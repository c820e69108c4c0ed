import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.ttf']);
/** Built files whose names carry a content hash (js/app.1a2b3c4d.js): they never change, so cache them for a year. */
const HASHED = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;

/** One compressed copy per file and encoding, made on first request and kept while the file is unchanged. */
const compressed = new Map<string, { mtimeMs: number; body: Buffer }>();
function body(file: string, encoding: 'br' | 'gzip' | undefined): Buffer {
  if (!encoding) return readFileSync(file);
  const mtimeMs = statSync(file).mtimeMs;
  const key = `${encoding}:${file}`;
  const hit = compressed.get(key);
  if (hit?.mtimeMs === mtimeMs) return hit.body;
  const raw = readFileSync(file);
  const out = encoding === 'br' ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }) : gzipSync(raw, { level: 9 });
  compressed.set(key, { mtimeMs, body: out });
  return out;
}

function encodingFor(req: IncomingMessage, file: string): 'br' | 'gzip' | undefined {
  if (!COMPRESSIBLE.has(extname(file))) return undefined;
  const accepted = String(req.headers['accept-encoding'] ?? '');
  return /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
}

function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

/** Serves the H5 build and forwards `/api/*` to the local API, so the app and API share one origin. */
export async function startWebServer(opts: { port: number; root: string; apiUrl: string; host?: string }): Promise<Server & { url: string }> {
  const api = new URL(opts.apiUrl);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://web');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const upstream = request(
        { host: api.hostname, port: api.port, method: req.method, path: url.pathname.slice(4) + url.search, headers: { ...req.headers, host: api.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'INTERNAL', message: '本地接口没有启动' } }));
      });
      req.pipe(upstream);
      return;
    }
    const path = decodedPath(url.pathname);
    if (path === undefined) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('路径不正确 / bad path');
      return;
    }
    const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
    let file = join(opts.root, safe);
    if (!file.startsWith(opts.root) || !existsSync(file) || statSync(file).isDirectory()) file = join(opts.root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('H5 应用还没有构建好，请稍后刷新 / the H5 app is being built, reload in a moment');
      return;
    }
    const encoding = encodingFor(req, file);
    const content = body(file, encoding);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.endsWith('index.html') ? 'no-cache' : HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'max-age=3600',
      'content-length': content.length,
      vary: 'accept-encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((r) => server.listen(opts.port, host, r));
  const port = (server.address() as { port: number }).port;
  return Object.assign(server, { url: `http://${host}:${port}` });
}
