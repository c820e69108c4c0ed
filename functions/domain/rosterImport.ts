import { planRosterImport, type MemberFields, type RosterPlan } from '../../shared/domain/roster';
import type { ImportResult } from '../../shared/schemas/roster';
import type { MemberItem } from '../entities/member';
import type { OrgItem } from '../entities/org';
import { StaffNo } from '../entities/staffNo';
import { cancellationCodes, put, transact, type Commit } from '../lib/db';
import { conflict } from '../lib/errors';
import { newId } from '../lib/ids';
import { getMember, listMembersNow, memberItem, withDelegate, type NewMember } from './members';
import { memberChanged, memberUpdate } from './memberWrites';
import { memberCountsWrite, tallyWrite } from './tally/writes';
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

/** New members per transaction: each is its claim and its put (2 actions), with the counts' 2 and the audit entry: ≤ 100. */
const CREATES_PER_TRANSACTION = 40;

/**
 * New members go in transactions of up to 40 (each with the claim on their 工号, and the school's
 * counts moved once for them all); each update is its own transaction: a school's roster is more
 * than one transaction holds, and re-importing finishes what a crash left. The first goes through
 * `commit`, so the request's trace commits with it.
 */
async function applyPlan(org: OrgItem, plan: RosterPlan, byId: Map<string, MemberItem>, now: string, commit: Commit) {
  const jobs: ((commit: Commit) => Promise<void>)[] = [];
  for (let i = 0; i < plan.creates.length; i += CREATES_PER_TRANSACTION) {
    const some = plan.creates.slice(i, i + CREATES_PER_TRANSACTION);
    jobs.push((commit) => createMembers(org, some, now, commit));
  }
  for (const u of plan.updates) jobs.push((commit) => updateMember(byId.get(u.memberId)!, u.fields, org, now, commit));
  const [first, ...rest] = jobs;
  if (first) await first(commit);
  let next = 0;
  const worker = async () => {
    while (next < rest.length) await rest[next++]!(transact);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * New members and the claims on their 工号, together (two imports racing can never make two), and
 * what they add to the school's counts. Someone imported one of the same 工号 a moment earlier:
 * each goes again on its own, and theirs stands, nothing is duplicated.
 */
async function createMembers(org: OrgItem, creates: (MemberFields & { staffNo: string })[], now: string, commit: Commit): Promise<void> {
  const members = creates.map((c) => newMember(org, c));
  const retired = members.filter((m) => m.retired).length;
  const writes = [
    ...members.flatMap((m) => [
      put(StaffNo.item({ orgId: org.orgId, staffNo: m.staffNo!, memberId: m.memberId }), { ConditionExpression: 'attribute_not_exists(pk)' }),
      put(memberItem(m, now), { ConditionExpression: 'attribute_not_exists(pk)' }),
    ]),
    ...memberCountsWrite(org.orgId, { 'members.active': members.length, 'members.retired': retired }),
    ...tallyWrite(org.orgId, now, { 'members.new': members.length }),
  ];
  try {
    await commit(writes);
  } catch (err) {
    if (!cancellationCodes(err)?.includes('ConditionalCheckFailed')) throw err;
    if (creates.length > 1) for (const c of creates) await createMembers(org, [c], now, commit);
  }
}

function newMember(org: OrgItem, c: MemberFields & { staffNo: string }): NewMember {
  return {
    memberId: newId('m'),
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
}

/** The row's fields on the member; someone changed the member meanwhile (a retirement, a stop): again on the member as it is now. */
async function updateMember(current: MemberItem, f: Partial<MemberFields>, org: OrgItem, now: string, commit: Commit): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const { isDelegate, ...rest } = f;
    const fields: Partial<NewMember> = { ...rest };
    if (isDelegate !== undefined) {
      fields.roles = withDelegate(current.roles, isDelegate);
      fields.delegateTerm = isDelegate ? (current.delegateTerm ?? org.congressTerm) : undefined;
    }
    try {
      await commit(memberUpdate(current, fields, now).writes);
      return;
    } catch (err) {
      if (!memberChanged(err)) throw err;
      const fresh = await getMember(current.memberId);
      if (!fresh || fresh.orgId !== org.orgId) return; // gone: nothing to update
      current = fresh;
    }
  }
  throw conflict('CONFLICT', '有会员的资料正被别人同时修改，请稍后再导入一次（已导入的不会重复）');
}
