import type { TestProject } from 'vitest/node';
import { startFakeWechat } from '../fakes/wechat';
import { startApi } from './apiProcess';

/** One local API for the api project, with a fake WeChat server behind code2Session. */
export default async function setup(project: TestProject) {
  const wechat = await startFakeWechat();
  const api = await startApi({ env: { WECHAT_API_BASE: wechat.url, WECHAT_APP_ID: 'wx-test', WECHAT_APP_SECRET: 'test-secret' } });
  project.provide('apiUrl', api.url);
  project.provide('wechatUrl', wechat.url);
  return async () => {
    await api.stop();
    await wechat.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    wechatUrl: string;
  }
}
