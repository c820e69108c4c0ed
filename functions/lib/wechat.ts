import { AppError } from './errors';

/** What code2Session tells us. session_key is deliberately not part of it: we never keep it. */
export interface WechatIdentity {
  openid: string;
  unionid?: string;
}

interface Code2SessionReply {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

export interface WechatClientOptions {
  baseUrl: string;
  appId: string;
  secret: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/**
 * A client for WeChat's auth.code2Session. Errors become typed AppErrors:
 * 40029 (bad code) → 401, 45011 (too frequent) → 429, -1 (busy, retried once) → 503.
 */
export function wechatClient(opts: WechatClientOptions) {
  const doFetch = opts.fetchImpl ?? fetch;
  async function call(code: string): Promise<Code2SessionReply> {
    const url = new URL('/sns/jscode2session', opts.baseUrl);
    url.search = new URLSearchParams({ appid: opts.appId, secret: opts.secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let res: Response;
    try {
      res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 5000) });
    } catch {
      throw new AppError(503, 'WECHAT_ERROR', '连接微信服务失败，请稍后再试');
    }
    if (!res.ok) throw new AppError(503, 'WECHAT_ERROR', '微信服务暂时不可用，请稍后再试');
    try {
      return (await res.json()) as Code2SessionReply;
    } catch {
      throw new AppError(503, 'WECHAT_ERROR', '微信服务返回了无法识别的内容');
    }
  }

  return {
    async code2Session(code: string): Promise<WechatIdentity> {
      let reply = await call(code);
      if (reply.errcode === -1) {
        await new Promise((r) => setTimeout(r, 200));
        reply = await call(code);
      }
      const err = reply.errcode ?? 0;
      if (err === 0 && reply.openid) return { openid: reply.openid, unionid: reply.unionid };
      if (err === 40029 || err === 40163) throw new AppError(401, 'UNAUTHENTICATED', '微信登录凭证无效或已使用，请重新进入小程序');
      if (err === 45011) throw new AppError(429, 'RATE_LIMITED', '登录太频繁，请稍后再试');
      if (err === -1) throw new AppError(503, 'WECHAT_ERROR', '微信系统繁忙，请稍后再试');
      throw new AppError(503, 'WECHAT_ERROR', `微信登录失败（错误码 ${err}）`);
    },
  };
}
