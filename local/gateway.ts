import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ROOT, routes, type RouteDef } from './serverlessConfig';

/**
 * A thin local stand-in for API Gateway's HTTP API: matches routes from serverless.yml,
 * builds a payload-format-2.0 event, calls the real handler in-process, writes its result.
 */
type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2 | string | object>;
interface Compiled extends RouteDef {
  regex: RegExp;
  params: string[];
  literalSegments: number;
}

const API_GATEWAY_MAX_BODY = 10 * 1024 * 1024;
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization,content-type',
  'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
};

function compile(r: RouteDef): Compiled {
  const params: string[] = [];
  const segments = r.path === '*' ? [] : r.path.split('/').slice(1);
  const pattern = segments
    .map((s) => {
      const m = /^\{(\w+)\}$/.exec(s);
      if (!m) return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(m[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { ...r, regex: new RegExp(`^/${pattern}$`), params, literalSegments: segments.length - params.length };
}

export async function loadRoutes(): Promise<{ table: Compiled[]; handlers: Map<string, Handler> }> {
  // More literal segments win over path parameters, as in API Gateway.
  const table = routes().map(compile).sort((a, b) => Number(a.method === '*') - Number(b.method === '*') || b.literalSegments - a.literalSegments);
  const handlers = new Map<string, Handler>();
  for (const r of table) {
    if (handlers.has(r.handler)) continue;
    const [file, exportName] = [r.handler.slice(0, r.handler.lastIndexOf('.')), r.handler.slice(r.handler.lastIndexOf('.') + 1)];
    const mod = (await import(`${ROOT}/${file}.ts`)) as Record<string, Handler>;
    handlers.set(r.handler, mod[exportName]!);
  }
  return { table, handlers };
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= API_GATEWAY_MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > API_GATEWAY_MAX_BODY ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const isText = (contentType: string) => contentType === '' || /json|text|xml|urlencoded|javascript/i.test(contentType);

function toEvent(req: IncomingMessage, url: URL, route: Compiled, match: RegExpExecArray, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const pathParameters = Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(match[i + 1]!)]));
  const text = isText(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: headers.cookie?.split(/;\s*/),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: route.params.length ? pathParameters : undefined,
    requestContext: {
      accountId: 'offline',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: { method: req.method!, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length ? (text ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !text,
  };
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string | number | boolean>, body: Buffer | string) {
  res.writeHead(status, { ...CORS, ...headers });
  res.end(body);
}

export async function startGateway(port: number, host = '127.0.0.1'): Promise<Server & { url: string }> {
  const { table, handlers } = await loadRoutes();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
      if (req.method === 'OPTIONS') return send(res, 204, {}, '');
      // A broken percent-escape (/events/%, /events/%ZZ) names no resource: refused as bad input, as API Gateway refuses it.
      if (!decodes(url.pathname)) return send(res, 400, { 'content-type': 'application/json' }, JSON.stringify({ error: { code: 'INVALID_INPUT', message: '请求路径不正确' } }));
      let route: Compiled | undefined;
      let match: RegExpExecArray | null = null;
      for (const r of table) {
        if (r.method !== '*' && r.method !== req.method) continue;
        match = r.method === '*' ? /^/.exec('') : r.regex.exec(url.pathname);
        if (match) {
          route = r;
          break;
        }
      }
      const body = await readBody(req);
      if (body === 'too-large') return send(res, 413, { 'content-type': 'application/json' }, JSON.stringify({ error: { code: 'TOO_LARGE', message: '提交的内容过大' } }));
      if (!route || !match) return send(res, 404, { 'content-type': 'application/json' }, JSON.stringify({ error: { code: 'NOT_FOUND', message: '没有这个接口' } }));
      const result = await handlers.get(route.handler)!(toEvent(req, url, route, match, body));
      if (typeof result === 'string' || !('statusCode' in result)) {
        return send(res, 200, { 'content-type': 'application/json' }, typeof result === 'string' ? result : JSON.stringify(result));
      }
      const r = result as APIGatewayProxyStructuredResultV2;
      const payload = r.body === undefined ? '' : r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body;
      send(res, r.statusCode ?? 200, (r.headers ?? {}) as Record<string, string>, payload);
    } catch (err) {
      console.error('gateway: handler crashed', err);
      if (!res.headersSent) send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return Object.assign(server, { url: `http://${host}:${actualPort}` });
}
