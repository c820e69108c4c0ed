import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Role } from '../../shared/schemas/common';
import { isAllowed, type Rule, type Scope, type Target } from '../../shared/domain/policy';
import { allRoles, getMember, type MemberRecord } from '../domain/members';
import { getOrg } from '../domain/orgs';
import { getEvent } from '../domain/events';
import { getItem } from './db';
import { forbidden, notFound, unauthenticated } from './errors';
import { K } from './keys';
import { verifySession } from './tokens';

/** The signed-in member making the request. */
export interface Actor {
  memberId: string;
  orgId: string;
  districtId: string;
  name: string;
  groupId: string;
  roles: Role[];
  record: MemberRecord;
}

export async function authenticate(event: APIGatewayProxyEventV2): Promise<Actor> {
  const header = event.headers?.authorization ?? event.headers?.Authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated();
  const memberId = await verifySession(match[1]!);
  if (!memberId) throw unauthenticated('登录已过期，请重新登录');
  const record = await getMember(memberId);
  if (!record || !record.active) throw unauthenticated('账号不可用，请联系工会');
  return {
    memberId,
    orgId: record.orgId,
    districtId: record.districtId,
    name: record.name,
    groupId: record.groupId,
    roles: allRoles(record),
    record,
  };
}

/** Finds which school a path's resource belongs to. Feature modules add their own scopes. */
export type Resolver = (params: Record<string, string>) => Promise<(Target & { resource: unknown }) | undefined>;
const resolvers: Partial<Record<Scope, Resolver>> = {
  district: async (p) => {
    const d = p.districtId ? await getItem<{ districtId: string }>(K.district(p.districtId).pk, 'META') : undefined;
    return d && { orgId: '', districtId: d.districtId, resource: d };
  },
  org: async (p) => {
    const org = p.orgId ? await getOrg(p.orgId) : undefined;
    return org && { orgId: org.orgId, districtId: org.districtId, resource: org };
  },
  member: async (p) => {
    const m = p.memberId ? await getMember(p.memberId) : undefined;
    return m && { orgId: m.orgId, districtId: m.districtId, resource: m };
  },
  event: async (p) => {
    const e = p.eventId ? await getEvent(p.eventId) : undefined;
    return e && { orgId: e.orgId, districtId: e.districtId, resource: e };
  },
};
export function registerResolver(scope: Scope, resolver: Resolver): void {
  resolvers[scope] = resolver;
}

/** Applies the policy table: 403 for a wrong role or another school, 404 for a missing resource. */
export async function authorize(rule: Rule, actor: Actor, params: Record<string, string>): Promise<unknown> {
  if (rule.scope === 'public' || rule.scope === 'self') {
    if (!isAllowed(rule, actor)) throw forbidden();
    return undefined;
  }
  const resolve = resolvers[rule.scope];
  if (!resolve) throw new Error(`no resolver for scope ${rule.scope}`);
  const target = await resolve(params);
  if (!target) throw notFound();
  if (!isAllowed(rule, actor, target)) throw forbidden();
  return target.resource;
}
