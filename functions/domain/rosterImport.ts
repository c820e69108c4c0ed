import { planRosterImport, type MemberFields, type RosterPlan } from '../../shared/domain/roster';
import type { ImportResult } from '../../shared/schemas/roster';
import type { MemberItem } from '../entities/member';
import type { OrgItem } from '../entities/org';
import { StaffNo } from '../entities/staffNo';
import { cancellationCodes, put, transact, type Commit, type TransactItem } from '../lib/db';
import { newId } from '../lib/ids';
import { listMembersNow, memberItem, memberUpdate, withDelegate, type NewMember } from './members';
import { listGroups } from './orgs';
import { parseRosterXlsx } from './rosterXlsx';

/** Validates a roster workbook against the school and, unless dry-run and only if every row is valid, applies it. */
export async function importRoster(
  org: OrgItem,
  bytes: Buffer,
  dryRun: boolean,
  commit: Commit = transact,
  /** Told the plan's figures before anything is written (the request's trace carries them). */
  onPlan: (report: RosterPlan['report']) => void = () => {},
): Promise<ImportResult> {
  const parsed = await parseRosterXlsx(bytes);
  const empty = { rows: [], created: 0, updated: 0, unchanged: 0, errorCount: 0 };
  if (parsed.fileErrors.length) return { applied: false, report: { ...empty, errorCount: 1, fileErrors: parsed.fileErrors } };

  // Decides on the roster as it is now (gsi1 may lag behind an import a moment ago).
  const [members, groups] = await Promise.all([listMembersNow(org.orgId), listGroups(org.orgId)]);
  const now = new Date().toISOString();
  const plan = planRosterImport(
    parsed.rows,
    members.map((m) => ({ ...m, isDelegate: m.roles.includes('delegate') })),
    groups,
    now.slice(0, 10),
  );
  if (dryRun || plan.report.errorCount > 0) return { applied: false, report: plan.report };
  onPlan(plan.report);
  await applyPlan(org, plan, new Map(members.map((m) => [m.memberId, m])), now, commit);
  return { applied: true, report: plan.report };
}

/**
 * Each new member (with the claim on their 工号) and each update is its own transaction: a
 * school's roster is more than one transaction holds, and re-importing finishes what a crash
 * left. The first goes through `commit`, so the request's trace commits with it.
 */
async function applyPlan(org: OrgItem, plan: RosterPlan, byId: Map<string, MemberItem>, now: string, commit: Commit) {
  const jobs: TransactItem[][] = [
    ...plan.creates.map((c) => createMember(org, c, now)),
    ...plan.updates.map((u) => updateFields(byId.get(u.memberId)!, u.fields, org, now)),
  ];
  const [first, ...rest] = jobs;
  await apply(first ?? [], commit);
  let next = 0;
  const worker = async () => {
    while (next < rest.length) await apply(rest[next++]!, transact);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function apply(writes: TransactItem[], commit: Commit) {
  try {
    await commit(writes);
  } catch (err) {
    // Someone imported the same 工号 a moment earlier: theirs stands, nothing is duplicated.
    if (cancellationCodes(err)?.[0] !== 'ConditionalCheckFailed') throw err;
  }
}

/** A new member and the claim on their 工号, together: two imports racing can never make two. */
function createMember(org: OrgItem, c: MemberFields & { staffNo: string }, now: string): TransactItem[] {
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
  return [
    put(StaffNo.item({ orgId: org.orgId, staffNo: c.staffNo, memberId }), { ConditionExpression: 'attribute_not_exists(pk)' }),
    put(memberItem(m, now), { ConditionExpression: 'attribute_not_exists(pk)' }),
  ];
}

function updateFields(current: MemberItem, f: Partial<MemberFields>, org: OrgItem, now: string): TransactItem[] {
  const { isDelegate, ...rest } = f;
  const fields: Partial<NewMember> = { ...rest };
  if (isDelegate !== undefined) {
    fields.roles = withDelegate(current.roles, isDelegate);
    fields.delegateTerm = isDelegate ? (current.delegateTerm ?? org.congressTerm) : undefined;
  }
  return [memberUpdate(current, fields, now).write];
}
