import { createServer } from 'node:http';

/**
 * A local stand-in for WeChat's auth.code2Session. Codes decide the answer:
 *   ok-<openid>          → {openid, session_key}
 *   bad-*                → errcode 40029 (invalid code)
 *   slow-down-*          → errcode 45011 (too frequent)
 *   busy-once-<openid>   → errcode -1 the first time, then ok
 *   busy-*               → errcode -1 always
 * It also records the requests, to check what the client sends.
 */
export async function startFakeWechat() {
  const requests: URL[] = [];
  const busySeen = new Set<string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(url);
    const reply = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
      return;
    }
    const code = url.searchParams.get('js_code') ?? '';
    if (!url.searchParams.get('appid') || !url.searchParams.get('secret') || url.searchParams.get('grant_type') !== 'authorization_code') {
      return reply({ errcode: 40013, errmsg: 'invalid appid' });
    }
    if (code.startsWith('ok-')) return reply({ openid: code.slice(3), session_key: 'SECRET-SESSION-KEY' });
    if (code.startsWith('bad-')) return reply({ errcode: 40029, errmsg: 'invalid code' });
    if (code.startsWith('slow-down-')) return reply({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
    if (code.startsWith('busy-once-')) {
      if (busySeen.has(code)) return reply({ openid: code.slice(10), session_key: 'SECRET-SESSION-KEY' });
      busySeen.add(code);
      return reply({ errcode: -1, errmsg: 'system error' });
    }
    if (code.startsWith('busy-')) return reply({ errcode: -1, errmsg: 'system error' });
    return reply({ errcode: 40029, errmsg: 'invalid code' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
