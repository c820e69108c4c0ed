import { readConfig } from '../functions/lib/config';
import { buildH5, H5_DIST, h5BuildIsStale } from './h5Build';
import { stackOptionsFromEnv, startStack } from './stack';
import { startWebServer } from './webServer';

// `npm start`: the whole product on this machine — API + local DynamoDB, the H5 app, a demo school.
// The local stack is the `local` stage unless told otherwise: any other stage must bring its secrets.
process.env.STAGE ??= 'local';
try {
  readConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const opts = stackOptionsFromEnv();
console.log('教工之家 正在启动 / starting…');
const stack = await startStack(opts);

const demo = (await (await fetch(`${stack.url}/dev/demo`)).json()) as { orgName: string; people: unknown[] };

if (h5BuildIsStale()) {
  console.log('正在构建 H5 小程序（约 30 秒）/ building the H5 app (about 30 s)…');
  await buildH5();
}
const web = await startWebServer({ port: Number(process.env.WEB_PORT ?? 8080), root: H5_DIST, apiUrl: stack.url });

console.log(`
  教工之家 is running.
  App (H5, open on a phone-sized window):  ${web.url}/
  API:                                      ${stack.url}   (also at ${web.url}/api)
  Local DynamoDB:                           ${stack.dynamoEndpoint}   (data in ${opts.dataDir})
  Demo school:                              ${demo.orgName}, ${demo.people.length} members — pick anyone on the 开发登录 page
  Stop with Ctrl+C; data stays in ${opts.dataDir}.
`);

const stop = async () => {
  web.close();
  await stack.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
