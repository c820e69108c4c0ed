import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Rule } from '../../shared/domain/policy';
import type { AuditEntry } from '../../shared/schemas/member';
import type { Actor } from './access';
import { db, queryPage, table } from './db';
import { newId } from './ids';
import { K } from './keys';

const PRIVILEGED = ['committee', 'treasurer', 'chair'] as const;

/**
 * Every write made by the committee, treasurer or chair in that capacity is recorded:
 * routes only they may use, and any write a handler marks with `audit` (e.g. acting for someone else).
 * A member's own acts (voting above all) are not logged with who did them.
 */
export function shouldAudit(method: string, rule: Rule, actor: Actor, reply: { status: number; audit?: object }): boolean {
  if (method === 'GET' || reply.status >= 400) return false;
  if (!actor.roles.some((r) => (PRIVILEGED as readonly string[]).includes(r))) return false;
  return reply.audit !== undefined || !rule.roles.includes('member');
}

export async function recordAudit(actor: Actor, action: string, target: Record<string, string>, detail?: Record<string, unknown>) {
  const at = new Date().toISOString();
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: {
        pk: K.audit(actor.orgId),
        sk: `${at}#${newId('a')}`,
        type: 'audit',
        at,
        actorId: actor.memberId,
        actorName: actor.name,
        action,
        target,
        detail,
      },
    }),
  );
}

export async function listAudit(orgId: string, limit = 200): Promise<AuditEntry[]> {
  const items = await queryPage<AuditEntry>({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': K.audit(orgId) },
    ScanIndexForward: false,
    Limit: limit,
  });
  return items.map(({ at, actorId, actorName, action, target, detail }) => ({ at, actorId, actorName, action, target, detail }));
}
