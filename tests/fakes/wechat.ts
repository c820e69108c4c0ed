import { createServer } from 'node:http';

/**
 * A local stand-in for WeChat's auth.code2Session. Codes decide the answer:
 *   ok-<openid>          → {openid, session_key}
 *   bad-*                → errcode 40029 (invalid code)
 *   slow-down-*          → errcode 45011 (too frequent)
 *   busy-once-<openid>   → errcode -1 the first time, then ok
 *   busy-*               → errcode -1 always
 * And /cgi-bin/token + /cgi-bin/message/subscribe/send for subscribe messages: tokens are
 * issued as tok-1, tok-2 …; `expireToken()` makes the current one answer 42001 once; openids
 * starting with `unsub-` answer 43101 (the user did not subscribe).
 * It also records the requests, to check what the clients send.
 */
export async function startFakeWechat() {
  const requests: URL[] = [];
  const sent: { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> }[] = [];
  const busySeen = new Set<string>();
  let tokens = 0;
  let expired: string | undefined;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(url);
    const reply = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('grant_type') !== 'client_credential' || !url.searchParams.get('secret')) return reply({ errcode: 40013, errmsg: 'invalid appid' });
      return reply({ access_token: `tok-${++tokens}`, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const token = url.searchParams.get('access_token') ?? '';
      if (token === expired || !token.startsWith('tok-')) {
        expired = undefined;
        return reply({ errcode: 42001, errmsg: 'access_token expired' });
      }
      const body = JSON.parse(raw);
      if (String(body.touser).startsWith('unsub-')) return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
      sent.push(body);
      return reply({ errcode: 0, errmsg: 'ok' });
    }
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
    sent,
    expireToken: () => (expired = `tok-${tokens}`),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
