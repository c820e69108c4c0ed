import type { Rule } from '../../shared/domain/policy';
import type { AuditEntry as AuditEntryView } from '../../shared/schemas/member';
import { AuditEntry } from '../entities/auditEntry';
import type { Actor } from './access';
import { put, queryPage, type TransactItem } from './db';
import { newId } from './ids';

const PRIVILEGED = ['committee', 'treasurer', 'chair', 'districtAdmin'] as const;

/**
 * Every write made by the committee, treasurer, chair or district admin in that capacity is recorded: routes
 * only they may use, and any write a handler marks with a detail (e.g. acting for someone else).
 * A member's own acts (voting above all) are not logged with who did them.
 */
export function shouldAudit(method: string, rule: Rule, actor: Actor, detail: object | undefined): boolean {
  if (method === 'GET') return false;
  if (!actor.roles.some((r) => (PRIVILEGED as readonly string[]).includes(r))) return false;
  return detail !== undefined || !rule.roles.includes('member');
}

/** The audit entry of a write, as one more action of the write's own transaction. */
export function auditWrite(actor: Actor, action: string, target: Record<string, string>, detail?: Record<string, unknown>): TransactItem {
  return put(AuditEntry.item({ orgId: actor.orgId, entryId: newId('a'), at: new Date().toISOString(), actorId: actor.memberId, actorName: actor.name, action, target, detail }));
}

export async function listAudit(orgId: string, limit = 200): Promise<AuditEntryView[]> {
  const items = await queryPage<AuditEntryView>({ ...AuditEntry.queryOfOrg(orgId), ScanIndexForward: false, Limit: limit });
  return items.map(({ at, actorId, actorName, action, target, detail }) => ({ at, actorId, actorName, action, target, detail }));
}

/** A phone number as the audit log shows it: 139****5678. */
export const maskPhone = (phone: unknown) => (typeof phone === 'string' && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone);

/** What an edit changed, field by field: { field: [old, new] } for the fields whose value differs. */
export function changesOf<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const f of fields) {
    const [was, now] = f === 'phone' ? [maskPhone(before[f]), maskPhone(after[f])] : [before[f] as unknown, after[f] as unknown];
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[f] = [was ?? null, now ?? null];
  }
  return changes;
}
