import { planRosterImport, type MemberFields, type RosterPlan } from '../../shared/domain/roster';
import type { ImportResult } from '../../shared/schemas/roster';
import { cancellationCodes, table, transact } from '../lib/db';
import { newId } from '../lib/ids';
import { K } from '../lib/keys';
import { listMembers, memberRecord, updateMember, withDelegate, type MemberRecord, type NewMember } from './members';
import { listGroups, type OrgRecord } from './orgs';
import { parseRosterXlsx } from './rosterXlsx';

/** Validates a roster workbook against the school and, unless dry-run and only if every row is valid, applies it. */
export async function importRoster(org: OrgRecord, bytes: Buffer, dryRun: boolean): Promise<ImportResult> {
  const parsed = await parseRosterXlsx(bytes);
  const empty = { rows: [], created: 0, updated: 0, unchanged: 0, errorCount: 0 };
  if (parsed.fileErrors.length) return { applied: false, report: { ...empty, errorCount: 1, fileErrors: parsed.fileErrors } };

  const [members, groups] = await Promise.all([listMembers(org.orgId), listGroups(org.orgId)]);
  const now = new Date().toISOString();
  const plan = planRosterImport(
    parsed.rows,
    members.map((m) => ({ ...m, isDelegate: m.roles.includes('delegate') })),
    groups,
    now.slice(0, 10),
  );
  if (dryRun || plan.report.errorCount > 0) return { applied: false, report: plan.report };
  await applyPlan(org, plan, new Map(members.map((m) => [m.memberId, m])), now);
  return { applied: true, report: plan.report };
}

async function applyPlan(org: OrgRecord, plan: RosterPlan, byId: Map<string, MemberRecord>, now: string) {
  const jobs: (() => Promise<void>)[] = [
    ...plan.creates.map((c) => () => createMember(org, c, now)),
    ...plan.updates.map((u) => () => applyUpdate(byId.get(u.memberId)!, u.fields, org, now)),
  ];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** A new member and the claim on their 工号, together: two imports racing can never make two. */
async function createMember(org: OrgRecord, c: MemberFields & { staffNo: string }, now: string) {
  const memberId = newId('m');
  const m: NewMember = {
    memberId,
    orgId: org.orgId,
    districtId: org.districtId,
    name: c.name,
    staffNo: c.staffNo,
    groupId: c.groupId,
    roles: c.isDelegate ? ['delegate'] : [],
    delegateTerm: c.isDelegate ? org.congressTerm : undefined,
    retired: c.retired,
    active: true,
    phone: c.phone,
    birthDate: c.birthDate,
  };
  try {
    await transact([
      { Put: { TableName: table(), Item: { ...K.staffNo(org.orgId, c.staffNo), type: 'staffNo', memberId }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table(), Item: memberRecord(m, now), ConditionExpression: 'attribute_not_exists(pk)' } },
    ]);
  } catch (err) {
    // Someone imported the same 工号 a moment earlier: theirs stands, nothing is duplicated.
    if (cancellationCodes(err)?.[0] !== 'ConditionalCheckFailed') throw err;
  }
}

async function applyUpdate(current: MemberRecord, f: Partial<MemberFields>, org: OrgRecord, now: string) {
  const { isDelegate, ...rest } = f;
  const fields: Partial<NewMember> = { ...rest };
  if (isDelegate !== undefined) {
    fields.roles = withDelegate(current.roles, isDelegate);
    fields.delegateTerm = isDelegate ? (current.delegateTerm ?? org.congressTerm) : undefined;
  }
  await updateMember(current.memberId, fields, now);
}

