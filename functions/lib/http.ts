import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { hasAnyRole, POLICY, type RouteKey, type Rule } from '../../shared/domain/policy';
import { Member, type MemberItem } from '../entities/member';
import { keyId, type TableKey } from '../entities/key';
import { actorOf, authorize, sessionMemberId, type Actor } from './access';
import { auditWrite, shouldAudit } from './audit';
import { LONE_SURROGATE, parseBody } from './body';
import { config } from './config';
import { batchGet, transact, type Commit, type Item, type TransactItem } from './db';
import { AppError, forbidden, notFound, tooLarge, unsupportedMediaType } from './errors';
import { logger } from './log';
import { resolverOf, type ResourceOf } from './scopes';

export const MAX_BODY_BYTES = 64 * 1024;

type ScopeOf<R extends RouteKey> = (typeof POLICY)[R]['scope'];

export interface Ctx<R extends RouteKey = RouteKey> {
  event: APIGatewayProxyEventV2;
  route: R;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The signed-in member; absent only on public routes. */
  actor: Actor;
  /** The path's resource as read for authorisation, typed by the route's scope. */
  resource: ResourceOf<ScopeOf<R>>;
  /** An item the route asked to read with the member and the resource (`preload`), or undefined. */
  loaded<T>(key: TableKey): T | undefined;
  /** Parses and strictly validates the JSON body; 400 on any problem. */
  body<S extends z.ZodMiniType>(schema: S): z.infer<S>;
  /**
   * Commits a command's writes in one TransactWriteItems together with this request's trace: its
   * audit entry, when the write must be recorded (`detail` marks a member route's write as one).
   * The entry goes with the first commit that succeeds; nothing is recorded "after".
   */
  commit(writes: TransactItem[], detail?: Record<string, unknown>): Promise<void>;
  /** `commit` with its detail fixed, for a command that commits (and may retry) by itself. */
  committer(detail?: Record<string, unknown>): Commit;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Binary content (e.g. an .xlsx); sent base64 as API Gateway expects. */
  file?: { bytes: Uint8Array; contentType: string; filename: string };
}

export type RouteHandler<R extends RouteKey = RouteKey> = (ctx: Ctx<R>) => Promise<Reply>;
export interface RouteOptions {
  maxBodyBytes?: number;
  /** Items to read in the same request as the session's member and the resource. */
  preload?: (params: Record<string, string>, memberId: string) => TableKey[];
}
export type Routes = { [R in RouteKey]?: RouteHandler<R> | [RouteHandler<R>, RouteOptions] };

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });

const json = (status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});
const errorReply = (e: AppError) => json(e.status, { error: { code: e.code, message: e.message } }, e.headers);

function rawBody(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** A body is JSON, said so by its Content-Type (a charset may follow). */
function isJson(event: APIGatewayProxyEventV2): boolean {
  const type = event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '';
  return /^application\/json\s*(;|$)/i.test(type);
}

/** Every route this handler serves must have its scope's resolver registered: checked at cold start. */
function checkScopes(routes: Routes) {
  for (const route of Object.keys(routes) as RouteKey[]) {
    const scope = POLICY[route]?.scope;
    if (!scope) throw new Error(`${route}: not in the policy table`);
    if (scope !== 'public' && scope !== 'self' && !resolverOf(scope)) throw new Error(`${route}: no resolver registered for scope "${scope}"`);
  }
}

interface Loaded {
  actor: Actor;
  resource: unknown;
  items: Map<string, Item>;
}

/** One read for the whole request: the session's member, the path's resource and the route's preloads. */
async function load(event: APIGatewayProxyEventV2, rule: Rule, params: Record<string, string>, options: RouteOptions): Promise<Loaded> {
  const memberId = await sessionMemberId(event);
  const resolver = rule.scope === 'public' || rule.scope === 'self' ? undefined : resolverOf(rule.scope)!;
  const memberKey = Member.key({ memberId });
  const first = resolver?.inCallersSchool ? await batchGet([memberKey]) : undefined;
  const caller = first && actorOf(first.get(keyId(memberKey)) as MemberItem | undefined);
  if (caller && !rule.district && !hasAnyRole(caller, rule.roles)) throw forbidden(); // a wrong role is told so before any lookup
  const school = caller?.orgId;
  const resourceKey = resolver?.key(params, school);
  if (resolver && !resourceKey) throw notFound();
  const items = await batchGet([...(first ? [] : [memberKey]), ...(resourceKey ? [resourceKey] : []), ...(options.preload?.(params, memberId) ?? [])]);
  for (const [id, item] of first ?? []) items.set(id, item);
  const actor = actorOf(items.get(keyId(memberKey)) as MemberItem | undefined);
  const resource = authorize(rule, actor, resourceKey && items.get(keyId(resourceKey)));
  return { actor, resource, items };
}

/**
 * One Lambda handler for a domain area: routes by `routeKey`, then for every request
 * size check → one read (member, resource, preloads) → authorise (policy table) → handler,
 * whose writes commit with their audit entry → HTTP reply. Errors map to HTTP here only.
 */
export function defineApi(routes: Routes) {
  config(); // a stage without its settings fails here, at cold start
  checkScopes(routes);
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = Date.now();
    const route = event.routeKey as RouteKey;
    let status = 500;
    try {
      const entry = routes[route] as RouteHandler | [RouteHandler, RouteOptions] | undefined;
      const rule: Rule | undefined = POLICY[route];
      if (!entry || !rule) throw notFound('没有这个接口');
      const [handler, options] = Array.isArray(entry) ? entry : [entry, {}];
      const raw = rawBody(event);
      if (raw !== undefined && Buffer.byteLength(raw) > (options.maxBodyBytes ?? MAX_BODY_BYTES)) throw tooLarge();
      if (raw !== undefined && raw.trim() !== '' && !isJson(event)) throw unsupportedMediaType();

      const params = (event.pathParameters ?? {}) as Record<string, string>;
      // Ids are short and URL-safe: anything else names nothing (and must never reach a key).
      if (Object.values(params).some((v) => !/^[A-Za-z0-9_-]{1,64}$/.test(v))) throw notFound();
      const method = event.requestContext.http.method;
      const { actor, resource, items } = rule.scope === 'public' ? { actor: undefined as unknown as Actor, resource: undefined, items: new Map<string, Item>() } : await load(event, rule, params, options);

      let traced = false;
      const commit = async (writes: TransactItem[], detail?: Record<string, unknown>) => {
        const trace = !traced && actor && shouldAudit(method, rule, actor, detail) ? [auditWrite(actor, route, params, detail)] : [];
        await transact([...writes, ...trace]);
        if (trace.length) traced = true;
      };
      const reply = await handler({
        event,
        route,
        params,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        actor,
        resource: resource as never,
        loaded: <T>(key: TableKey) => items.get(keyId(key)) as T | undefined,
        body: (schema) => parseBody(raw, schema),
        commit,
        committer: (detail) => (writes) => commit(writes, detail),
      });
      if (!traced && actor && reply.status < 400 && shouldAudit(method, rule, actor, undefined)) {
        // A committee write that recorded no audit entry is a bug in its handler: loud where tests run.
        logger.error('write without its audit entry', { route });
        if (config().isLocal) throw new AppError(500, 'INTERNAL', `${route} 没有记录操作日志`);
      }
      status = reply.status;
      if (reply.file) {
        return {
          statusCode: reply.status,
          isBase64Encoded: true,
          headers: {
            'content-type': reply.file.contentType,
            'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(reply.file.filename.replace(LONE_SURROGATE, '\uFFFD'))}`,
            'cache-control': 'no-store',
          },
          body: Buffer.from(reply.file.bytes).toString('base64'),
        };
      }
      return json(reply.status, reply.body ?? {});
    } catch (err) {
      if (err instanceof AppError) {
        status = err.status;
        return errorReply(err);
      }
      logger.error('unhandled error', { route, error: err as Error });
      return errorReply(new AppError(500, 'INTERNAL', '服务器开小差了，请稍后再试'));
    } finally {
      logger.info('request', { route, status, ms: Date.now() - started, requestId: event.requestContext?.requestId });
    }
  };
}
