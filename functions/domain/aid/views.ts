import { AID_CATEGORIES, AID_CATEGORY_LABELS, termLabel } from '../../../shared/domain/aid';
import { AidCase, type AidCaseItem } from '../../entities/aidCase';
import { AidCaseLink, type AidCaseLinkItem } from '../../entities/aidCaseLink';
import { AidTally, type AidTallyItem } from '../../entities/aidTally';
import type { Actor } from '../../lib/access';
import { batchGet, queryAll } from '../../lib/db';

/**
 * Who sees an aid case. Who received aid is private (domain.md): the chair and the treasurer see
 * every case; the member sees their own; whoever put a case forward (a group leader, a committee
 * member) keeps seeing that case, since they already know who it is for and tell them the outcome;
 * committee members see the cases still waiting for their decision (they cannot decide a case
 * without reading it) and nothing once it is decided. Everyone else sees counts and sums per
 * category and term (aidSummary), never a case.
 */
export function maySee(c: AidCaseItem, viewer: Actor): boolean {
  if (viewer.orgId !== c.orgId) return false;
  if (viewer.roles.includes('chair') || viewer.roles.includes('treasurer')) return true;
  if (c.memberId === viewer.memberId || c.proposedBy === viewer.memberId) return true;
  return c.status === 'pending' && viewer.roles.includes('committee');
}

export function caseView(c: AidCaseItem, viewer: Actor) {
  return {
    caseId: c.caseId,
    orgId: c.orgId,
    memberId: c.memberId,
    name: c.memberName,
    category: c.category,
    requestedFen: c.requestedFen,
    reason: c.reason,
    proposedByName: c.proposedByName,
    selfApplied: c.proposedBy === c.memberId,
    status: c.status,
    createdAt: c.createdAt,
    approvedFen: c.approvedFen,
    decidedByName: c.decidedByName,
    decidedAt: c.decidedAt,
    decisionNote: c.decisionNote,
    declineReason: c.declineReason,
    paidAt: c.paidAt,
    /** What this caller may do with it now (the mini-program shows only these buttons). */
    canDecide: c.status === 'pending' && (viewer.roles.includes('committee') || viewer.roles.includes('chair')) && c.memberId !== viewer.memberId && c.proposedBy !== viewer.memberId,
    canPay: c.status === 'approved' && viewer.roles.includes('treasurer'),
  };
}
export type AidCaseView = ReturnType<typeof caseView>;

/**
 * The cases a caller may see, newest first. The chair and treasurer (and committee members, for
 * the cases awaiting decision) list the school's cases through gsi1; everyone also gets the cases
 * tied to them (AidCaseLink, their own partition), read by key.
 */
export async function casesFor(orgId: string, viewer: Actor, status?: string): Promise<AidCaseView[]> {
  const wide = ['chair', 'treasurer', 'committee'].some((r) => viewer.roles.includes(r as never));
  const links = await queryAll<AidCaseLinkItem>(AidCaseLink.queryOfMember(viewer.memberId));
  // The index says which cases exist; who may see one is decided on the case read by key (an
  // index copy may still show a case as pending a moment after it was decided).
  const listed = wide ? await queryAll<AidCaseItem>({ ...AidCase.queryOfOrg(orgId), ProjectionExpression: 'caseId' }) : [];
  const read = await batchGet([...links, ...listed].map((c) => AidCase.key(c)));
  return [...read.values()]
    .map((item) => item as unknown as AidCaseItem)
    .filter((c) => maySee(c, viewer) && (status === undefined || c.status === status))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.caseId.localeCompare(a.caseId))
    .map((c) => caseView(c, viewer));
}

/** One term's aid paid, per category: counts and sums only, read from the term's tally item. */
export function termSummary(term: string, tally: AidTallyItem | undefined) {
  const categories = AID_CATEGORIES.map((category) => ({
    category,
    label: AID_CATEGORY_LABELS[category],
    count: tally?.[`${category}Count`] ?? 0,
    totalFen: tally?.[`${category}Fen`] ?? 0,
  }));
  return { term, label: termLabel(term), categories, count: categories.reduce((s, c) => s + c.count, 0), totalFen: categories.reduce((s, c) => s + c.totalFen, 0) };
}

/** Every term with aid paid, newest first: one query of the fund's few tally items. */
export async function allTerms(orgId: string) {
  const tallies = await queryAll<AidTallyItem>({ ...AidTally.queryOfFund(orgId), ScanIndexForward: false });
  return tallies.map((t) => termSummary(t.term, t));
}

