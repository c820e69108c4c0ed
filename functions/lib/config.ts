/**
 * Settings from the environment, read once. Only the `local` stage (npm start, npm run api, the
 * tests) runs with the public development secret and the /dev fixtures; every other stage, whatever
 * it is called, refuses to start without a strong TOKEN_SECRET and the WeChat settings.
 */
export const DEV_TOKEN_SECRET = 'dev-only-secret-not-for-production-0000';
export const LOCAL_STAGE = 'local';

export interface Config {
  stage: string;
  /** The local stack: dev secret, /dev fixtures, notices kept in the outbox. */
  isLocal: boolean;
  tableName: string;
  tokenSecret: string;
  wechatAppId: string;
  wechatSecret: string;
  wechatApiBase: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const stage = env.STAGE ?? '';
  const isLocal = stage === LOCAL_STAGE;
  const tokenSecret = env.TOKEN_SECRET || (isLocal ? DEV_TOKEN_SECRET : '');
  if (!isLocal) {
    const named = `stage "${stage || '(STAGE unset)'}"`;
    if (tokenSecret === DEV_TOKEN_SECRET || tokenSecret.length < 32) {
      throw new Error(`Refusing to start on ${named}: TOKEN_SECRET must be set, at least 32 characters and not the development secret (only STAGE=local runs without one)`);
    }
    if (!env.WECHAT_APP_ID || !env.WECHAT_APP_SECRET) {
      throw new Error(`Refusing to start on ${named}: WECHAT_APP_ID and WECHAT_APP_SECRET are required`);
    }
  }
  return {
    stage,
    isLocal,
    tableName: env.TABLE_NAME || 'staff-home',
    tokenSecret,
    wechatAppId: env.WECHAT_APP_ID || 'wx-dev-appid',
    wechatSecret: env.WECHAT_APP_SECRET || 'wx-dev-secret',
    wechatApiBase: env.WECHAT_API_BASE || 'https://api.weixin.qq.com',
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
/** For tests that change the environment. */
export function resetConfig(): void {
  cached = undefined;
}
