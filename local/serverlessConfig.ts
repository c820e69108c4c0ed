import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Reads serverless.yml, the one description of routes and table, for the local stack. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RouteDef {
  method: string;
  path: string;
  /** e.g. functions/handlers/health.handler */
  handler: string;
  routeKey: string;
}

interface ServerlessYml {
  provider: { environment: Record<string, string> };
  /** serverless-esbuild's options: how every function is bundled. */
  custom: { esbuild: { exclude: string[]; outputFileExtension: string; [option: string]: unknown } };
  functions: Record<string, { handler: string; events?: { httpApi?: string | { method: string; path: string }; schedule?: string | { rate: string } }[] }>;
  resources: { Resources: { Table: { Properties: Record<string, unknown> } } };
}

export function readServerlessYml(): ServerlessYml {
  // CloudFormation tags (!Ref, !GetAtt, !Join) don't matter locally: read them as plain values.
  const tags = ['!Ref', '!GetAtt', '!Join', '!Sub'].map((tag) => ({
    tag,
    resolve: (v: unknown) => v,
    collection: tag === '!Join' ? ('seq' as const) : undefined,
  }));
  return parse(readFileSync(`${ROOT}/serverless.yml`, 'utf8'), { customTags: tags as never, logLevel: 'error' }) as ServerlessYml;
}

export function routes(): RouteDef[] {
  const out: RouteDef[] = [];
  for (const fn of Object.values(readServerlessYml().functions)) {
    for (const ev of fn.events ?? []) {
      if (!ev.httpApi) continue;
      const [method, path] = typeof ev.httpApi === 'string' ? (ev.httpApi === '*' ? ['*', '*'] : ev.httpApi.split(' ')) : [ev.httpApi.method, ev.httpApi.path];
      out.push({ method: method!.toUpperCase(), path: path!, handler: fn.handler, routeKey: method === '*' ? '$default' : `${method!.toUpperCase()} ${path}` });
    }
  }
  return out;
}

/** Handlers run on a schedule (e.g. functions/handlers/jobs.handler): the local stack runs them too. */
export function scheduledHandlers(): string[] {
  return Object.values(readServerlessYml().functions)
    .filter((fn) => fn.events?.some((ev) => ev.schedule))
    .map((fn) => fn.handler);
}

/** The table's key schema and indexes, as CreateTable wants them. */
export function tableDefinition(tableName: string) {
  const p = readServerlessYml().resources.Resources.Table.Properties;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: p.AttributeDefinitions,
    KeySchema: p.KeySchema,
    GlobalSecondaryIndexes: p.GlobalSecondaryIndexes,
  };
}
