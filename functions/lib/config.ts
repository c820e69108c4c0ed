/** Settings from the environment, read once. In prod a default secret refuses to start. */
export const DEV_TOKEN_SECRET = 'dev-only-secret-not-for-production-0000';

export interface Config {
  stage: string;
  isProd: boolean;
  tableName: string;
  tokenSecret: string;
  wechatAppId: string;
  wechatSecret: string;
  wechatApiBase: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const stage = env.STAGE ?? 'dev';
  const isProd = stage === 'prod';
  const tokenSecret = env.TOKEN_SECRET || DEV_TOKEN_SECRET;
  if (isProd) {
    if (tokenSecret === DEV_TOKEN_SECRET || tokenSecret.length < 32) {
      throw new Error('Refusing to start in prod: TOKEN_SECRET is the default or shorter than 32 characters');
    }
    if (!env.WECHAT_APP_ID || !env.WECHAT_APP_SECRET) {
      throw new Error('Refusing to start in prod: WECHAT_APP_ID and WECHAT_APP_SECRET are required');
    }
  }
  return {
    stage,
    isProd,
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
