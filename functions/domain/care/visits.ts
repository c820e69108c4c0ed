import { careDateProblem, parseRange } from '../../../shared/domain/care';
import type { CareKind, CareVisitView, CreateCareVisitBody, EditCareVisitBody } from '../../../shared/schemas/care';
import { CARE_KINDS } from '../../../shared/domain/care';
import { CareVisit, type CareVisitItem } from '../../entities/careVisit';
import { keyId } from '../../entities/key';
import { Member, type MemberItem } from '../../entities/member';
import type { OrgItem } from '../../entities/org';
import { batchGet, cancellationCodes, isConditionFailed, put, queryAll, transact, type Commit } from '../../lib/db';
import { conflict, invalidInput } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { negated, type TallyChange } from '../../../shared/domain/tally';
import { tallyWrite, tallyWrites } from '../tally/writes';

/**
 * 送温暖 visits: the committee records, lists, filters and edits them; nobody else reads them
 * (who was visited, and why, is private). Every write commits with its audit entry.
 */

/** The visited member and the visitors, all of the school (read in one batch). */
async function peopleOf(orgId: string, memberId: string, visitors: string[]) {
  const ids = [...new Set([memberId, ...visitors])];
  const found = await batchGet(ids.map((id) => Member.key({ memberId: id })));
  const of = (id: string) => {
    const m = found.get(keyId(Member.key({ memberId: id }))) as MemberItem | undefined;
    return m && m.orgId === orgId ? m : undefined;
  };
  const member = of(memberId);
  if (!member) throw invalidInput('被走访的人不是本校会员');
  const missing = visitors.filter((id) => !of(id));
  if (missing.length) throw invalidInput('走访人须是本校会员');
  return { member, visitorNames: visitors.map((id) => of(id)!.name) };
}

function checkDate(date: string, now: number) {
  const problem = careDateProblem(date, now);
  if (problem) throw invalidInput(problem);
}

/** What a visit adds to its term's tally (at its date): one visit and its 慰问金, in all and by kind. */
export const visitShare = (v: Pick<CareVisitItem, 'kind' | 'giftFen'>): TallyChange => ({
  'care.visits': 1,
  'care.giftFen': v.giftFen,
  [`care.byKind.${v.kind}.visits`]: 1,
  [`care.byKind.${v.kind}.giftFen`]: v.giftFen,
});

export async function createCareVisit(org: Pick<OrgItem, 'orgId' | 'districtId'>, body: CreateCareVisitBody, createdBy: string, commit: Commit = transact, now = Date.now()) {
  checkDate(body.date, now);
  const visitors = body.visitors ?? [];
  const { member, visitorNames } = await peopleOf(org.orgId, body.memberId, visitors);
  const visit = CareVisit.item({
    visitId: newId('v'),
    orgId: org.orgId,
    districtId: org.districtId,
    memberId: member.memberId,
    memberName: member.name,
    kind: body.kind,
    date: body.date,
    giftFen: body.giftFen,
    ...(body.note ? { note: body.note } : {}),
    visitors,
    visitorNames,
    ...(body.gifts ? { gifts: body.gifts } : {}),
    createdBy,
    createdAt: new Date(now).toISOString(),
  });
  await commit([put(visit, { ConditionExpression: 'attribute_not_exists(pk)' }), ...tallyWrite(org.orgId, visit.date, visitShare(visit))]);
  return visit;
}

/** An edit: the whole item is put again (its index key follows the date) under the condition that it did not change meanwhile. */
export async function editCareVisit(
  visit: CareVisitItem,
  body: EditCareVisitBody,
  updatedBy: string,
  commitFor: (changes: Record<string, unknown>) => Commit = () => transact,
  now = Date.now(),
) {
  if (body.date !== undefined && body.date !== visit.date) checkDate(body.date, now);
  const memberId = body.memberId ?? visit.memberId;
  const visitors = body.visitors ?? visit.visitors;
  const { member, visitorNames } = await peopleOf(visit.orgId, memberId, visitors);
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, type: _t, ...old } = visit;
  const next = CareVisit.item({
    ...old,
    memberId,
    memberName: member.name,
    kind: body.kind ?? visit.kind,
    date: body.date ?? visit.date,
    giftFen: body.giftFen ?? visit.giftFen,
    visitors,
    visitorNames,
    updatedBy,
    updatedAt: new Date(now).toISOString(),
  });
  if (body.note !== undefined) {
    if (body.note) next.note = body.note;
    else delete next.note;
  }
  if (body.gifts !== undefined) {
    if (body.gifts) next.gifts = body.gifts;
    else delete next.gifts;
  }
  // What changed, for the audit entry: old and new values, except the free texts (only that they changed).
  const changes: Record<string, unknown> = {};
  for (const f of ['memberId', 'kind', 'date', 'giftFen'] as const) if (visit[f] !== next[f]) changes[f] = [visit[f], next[f]];
  for (const f of ['note', 'gifts'] as const) if (visit[f] !== next[f]) changes[f] = '已修改';
  if (visit.visitors.join(',') !== next.visitors.join(',')) changes.visitors = [visit.visitors, next.visitors];
  const commit = commitFor(changes);
  // The tally moves from the visit as read (its share leaves its old date's term, the new joins
  // its new date's): the put holds only while the visit is still that one.
  const pinned = '#kind = :kind AND #date = :date AND giftFen = :gift';
  const names = { '#kind': 'kind', '#date': 'date' };
  const was = { ':kind': visit.kind, ':date': visit.date, ':gift': visit.giftFen };
  const unchanged = visit.updatedAt
    ? { ConditionExpression: `updatedAt = :was AND ${pinned}`, ExpressionAttributeNames: names, ExpressionAttributeValues: { ':was': visit.updatedAt, ...was } }
    : { ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(updatedAt) AND ${pinned}`, ExpressionAttributeNames: names, ExpressionAttributeValues: was };
  const tally = tallyWrites(visit.orgId, [
    { at: visit.date, change: negated(visitShare(visit)) },
    { at: next.date, change: visitShare(next) },
  ]);
  try {
    await commit([put(next, unchanged), ...tally]);
  } catch (err) {
    if (isConditionFailed(err) || cancellationCodes(err)?.[0] === 'ConditionalCheckFailed') throw conflict('CONFLICT', '这条走访记录刚被别人修改过，请刷新后再改');
    throw err;
  }
  return { visit: next, changes };
}

export function careVisitView(v: CareVisitItem): CareVisitView {
  return {
    visitId: v.visitId,
    orgId: v.orgId,
    memberId: v.memberId,
    memberName: v.memberName,
    kind: v.kind,
    date: v.date,
    giftFen: v.giftFen,
    ...(v.note ? { note: v.note } : {}),
    visitors: v.visitors.map((memberId, i) => ({ memberId, name: v.visitorNames[i] ?? '' })),
    ...(v.gifts ? { gifts: v.gifts } : {}),
    createdBy: v.createdBy,
    createdAt: v.createdAt,
    ...(v.updatedAt ? { updatedAt: v.updatedAt } : {}),
  };
}

/** The list's filter from the query string: `kind`, `from`, `to` (each optional; from ≤ to). */
export function careFilter(query: Record<string, string>): { kind?: CareKind; from: string; to: string } {
  const kind = query.kind;
  if (kind !== undefined && !(CARE_KINDS as readonly string[]).includes(kind)) throw invalidInput('走访类型不正确');
  const range = parseRange(query.from ?? '1900-01-01', query.to ?? '9999-12-31');
  if (typeof range === 'string') throw invalidInput(range);
  return { ...(kind ? { kind: kind as CareKind } : {}), from: range.from, to: range.to };
}

/** A school's visits dated in [from, to], newest first, optionally of one kind. */
export async function listCareVisits(orgId: string, filter: { kind?: CareKind; from: string; to: string }): Promise<CareVisitItem[]> {
  const items = await queryAll<CareVisitItem>({ ...CareVisit.queryOfDates(orgId, filter.from, filter.to), ScanIndexForward: false });
  return filter.kind ? items.filter((v) => v.kind === filter.kind) : items;
}
