import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { POLICY, type RouteKey, type Rule } from '../../shared/domain/policy';
import { authenticate, authorize, type Actor } from './access';
import { recordAudit, shouldAudit } from './audit';
import { config } from './config';
import { parseBody } from './body';
import { AppError, notFound, tooLarge } from './errors';
import { logger } from './log';

export const MAX_BODY_BYTES = 64 * 1024;

export interface Ctx {
  event: APIGatewayProxyEventV2;
  route: RouteKey;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The signed-in member; absent only on public routes. */
  actor: Actor;
  /** The path's resource as loaded during authorisation (org, member, event ...). */
  resource: unknown;
  /** Parses and strictly validates the JSON body; 400 on any problem. */
  body<S extends z.ZodMiniType>(schema: S): z.infer<S>;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Binary content (e.g. an .xlsx); sent base64 as API Gateway expects. */
  file?: { bytes: Uint8Array; contentType: string; filename: string };
  /** Extra facts for the audit log. */
  audit?: Record<string, unknown>;
}

export type RouteHandler = (ctx: Ctx) => Promise<Reply>;
export interface RouteOptions {
  maxBodyBytes?: number;
}
export type Routes = Partial<Record<RouteKey, RouteHandler | [RouteHandler, RouteOptions]>>;

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });

const json = (status: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});
const errorReply = (e: AppError) => json(e.status, { error: { code: e.code, message: e.message } });

function rawBody(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * One Lambda handler for a domain area: routes by `routeKey`, then for every request
 * size check → authenticate → authorise (policy table) → handler → audit → HTTP reply.
 */
export function defineApi(routes: Routes) {
  config(); // a prod stage with a default secret fails here, at cold start
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = Date.now();
    const route = event.routeKey as RouteKey;
    let status = 500;
    try {
      const entry = routes[route];
      const rule: Rule | undefined = POLICY[route];
      if (!entry || !rule) throw notFound('没有这个接口');
      const [handler, options] = Array.isArray(entry) ? entry : [entry, {}];
      const raw = rawBody(event);
      if (raw !== undefined && Buffer.byteLength(raw) > (options.maxBodyBytes ?? MAX_BODY_BYTES)) throw tooLarge();

      const params = (event.pathParameters ?? {}) as Record<string, string>;
      // Ids are short and URL-safe: anything else names nothing (and must never reach a key).
      if (Object.values(params).some((v) => !/^[A-Za-z0-9_-]{1,64}$/.test(v))) throw notFound();
      const actor = rule.scope === 'public' ? (undefined as unknown as Actor) : await authenticate(event);
      const resource = rule.scope === 'public' ? undefined : await authorize(rule, actor, params);
      const reply = await handler({
        event,
        route,
        params,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        actor,
        resource,
        body: (schema) => parseBody(raw, schema),
      });
      if (actor && shouldAudit(event.requestContext.http.method, rule, actor, reply)) {
        await recordAudit(actor, route, params, reply.audit);
      }
      status = reply.status;
      if (reply.file) {
        return {
          statusCode: reply.status,
          isBase64Encoded: true,
          headers: {
            'content-type': reply.file.contentType,
            'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(reply.file.filename)}`,
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
