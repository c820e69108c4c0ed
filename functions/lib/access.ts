import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { withMemberRole } from '../../shared/domain/roles';
import type { Role } from '../../shared/schemas/common';
import { isAllowed, type Rule } from '../../shared/domain/policy';
import type { MemberItem } from '../entities/member';
import { forbidden, notFound, unauthenticated } from './errors';
import { resolverOf } from './scopes';
import type { Item } from './db';
import { verifySession } from './tokens';

/** The signed-in member making the request. */
export interface Actor {
  memberId: string;
  orgId: string;
  districtId: string;
  name: string;
  groupId: string;
  roles: Role[];
  record: MemberItem;
}

/** The member id of the request's session token (no read yet: the member is read with the resource). */
export async function sessionMemberId(event: APIGatewayProxyEventV2): Promise<string> {
  const header = event.headers?.authorization ?? event.headers?.Authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated();
  const memberId = await verifySession(match[1]!);
  if (!memberId) throw unauthenticated('登录已过期，请重新登录');
  return memberId;
}

/** The actor, from the member item read for the session: a deactivated member is out at once. */
export function actorOf(record: MemberItem | undefined): Actor {
  if (!record || !record.active) throw unauthenticated('账号不可用，请联系工会');
  return {
    memberId: record.memberId,
    orgId: record.orgId,
    districtId: record.districtId,
    name: record.name,
    groupId: record.groupId,
    roles: withMemberRole(record.roles),
    record,
  };
}

/** Applies the policy table: 403 for a wrong role or another school, 404 for a missing resource. */
export function authorize(rule: Rule, actor: Actor, item: Item | undefined): unknown {
  if (rule.scope === 'public' || rule.scope === 'self') {
    if (!isAllowed(rule, actor)) throw forbidden();
    return undefined;
  }
  const target = item && resolverOf(rule.scope)!.resolve(item);
  if (!target) throw notFound();
  if (!isAllowed(rule, actor, target)) throw forbidden();
  return target.resource;
}
