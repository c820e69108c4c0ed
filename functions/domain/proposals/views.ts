import { isReceived, statsOf, STATS_COUNTERS, type SessionStats } from '../../../shared/domain/proposals';
import type { ProposalView } from '../../../shared/schemas/proposals';
import { keyId } from '../../entities/key';
import { Proposal, type DecisionRecord, type ProposalItem } from '../../entities/proposal';
import { ProposalAssignment, type ProposalAssignmentItem } from '../../entities/proposalAssignment';
import { ProposalDue, type ProposalDueItem } from '../../entities/proposalDue';
import { queryNotes, type ProposalNoteItem } from '../../entities/proposalNote';
import { Session, type SessionItem } from '../../entities/session';
import { counterName, SessionTotals, type CounterSet, type SessionTotalsItem } from '../../entities/sessionTotals';
import type { Actor } from '../../lib/access';
import { batchGet, queryAll } from '../../lib/db';
import { isCommittee } from './lifecycle';

/**
 * What each caller sees. The proposer and the committee see a proposal as it is; every other
 * member sees it as last published (公示), and never someone else's draft.
 */

export type Viewer = Pick<Actor, 'memberId' | 'roles'>;
export const seesReal = (p: Pick<ProposalItem, 'proposerId'>, viewer: Viewer) => viewer.memberId === p.proposerId || isCommittee(viewer);
export const mayRead = (p: Pick<ProposalItem, 'proposerId' | 'status' | 'number'>, viewer: Viewer) => isReceived(p.status, p.number !== undefined) || viewer.memberId === p.proposerId;

const decisionView = (d: DecisionRecord | undefined) =>
  d && { outcome: d.outcome, reason: d.reason, ...(d.office ? { office: d.office } : {}), ...(d.dueAt ? { dueAt: d.dueAt } : {}), ...(d.mergedInto ? { mergedInto: d.mergedInto } : {}), ...(d.coOffices?.length ? { coOffices: d.coOffices } : {}) };

/** `asItIs`: show the real state whoever the viewer is (an office's contact, who answers for it). */
export function proposalView(p: ProposalItem, viewer: Viewer, notes?: ProposalNoteItem[], asItIs = false): ProposalView {
  const real = asItIs || seesReal(p, viewer) || !p.shown;
  const s = real
    ? { status: p.status, decision: p.decision, answer: p.answer, rating: p.rating, history: p.history, at: undefined as string | undefined }
    : { status: p.shown!.status, decision: p.shown!.decision, answer: p.shown!.answer, rating: p.shown!.rating, history: p.history.slice(0, p.shown!.historyCount), at: p.shown!.at };
  const visible = (n: ProposalNoteItem) => s.at === undefined || n.at <= s.at;
  const decision = decisionView(s.decision);
  return {
    proposalId: p.proposalId,
    sessionId: p.sessionId,
    ...(p.number ? { number: p.number } : {}),
    title: p.title,
    category: p.category,
    reason: p.reason,
    suggestion: p.suggestion,
    proposer: { memberId: p.proposerId, name: p.proposerName },
    status: s.status,
    cosigners: p.cosignerIds.length,
    ...(decision ? { decision } : {}),
    ...(s.answer ? { answer: { text: s.answer.text, at: s.answer.at } } : {}),
    ...(s.rating ? { rating: { rating: s.rating.rating, ...(s.rating.comment ? { comment: s.rating.comment } : {}) } } : {}),
    history: s.history.map(({ status, at }) => ({ status, at })),
    ...(decision?.dueAt ? { dueAt: decision.dueAt } : {}),
    ...(p.mergedFrom?.length ? { mergedFrom: p.mergedFrom } : {}),
    ...(real && p.pending ? { unpublished: true } : {}),
    ...(notes
      ? {
          progress: notes.filter((n) => n.kind === 'progress' && visible(n)).map((n) => ({ note: n.note, done: Boolean(n.done), at: n.at })),
          chases: notes.filter((n) => n.kind === 'chase').map((n) => ({ note: n.note, at: n.at, by: { memberId: n.byId, name: n.byName } })),
        }
      : {}),
  };
}

/** The proposal's page: the proposal and its partition (notes, chases) in one query. */
export async function proposalPage(p: ProposalItem, viewer: Viewer): Promise<ProposalView> {
  const notes = (await queryAll<ProposalNoteItem>(Proposal.queryWhole(p.proposalId))).filter((i) => i.type === 'proposalNote');
  const chases = isCommittee(viewer) || viewer.memberId === p.proposerId ? notes : notes.filter((n) => n.kind !== 'chase');
  return proposalView(p, viewer, chases);
}

/**
 * Every proposal of the session that left draft, and the caller's own drafts; by number, drafts
 * last. Read by key from the ids the session's totals item names (consistent at once).
 */
export async function sessionProposals(totals: SessionTotalsItem | undefined, viewer: Viewer): Promise<ProposalView[]> {
  const found = await batchGet([...(totals?.proposals ?? [])].map((proposalId) => Proposal.key({ proposalId })));
  return ([...found.values()] as unknown as ProposalItem[])
    .filter((p) => mayRead(p, viewer))
    .sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity) || a.createdAt.localeCompare(b.createdAt))
    .map((p) => proposalView(p, viewer));
}

export function sessionView(s: SessionItem, now = Date.now()) {
  return {
    sessionId: s.sessionId,
    orgId: s.orgId,
    title: s.title,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    cosignersNeeded: s.cosignersNeeded,
    state: now < Date.parse(s.opensAt) ? 'upcoming' : now < Date.parse(s.closesAt) ? 'open' : 'closed',
    createdAt: s.createdAt,
  };
}

export async function listSessions(orgId: string) {
  const sessions = await queryAll<SessionItem>({ ...Session.queryOfOrg(orgId), ScanIndexForward: false });
  return sessions.map((s) => sessionView(s));
}

/** The session's figures from its counters: as they are for the committee, as published for everyone else. */
export function sessionStats(totals: SessionTotalsItem | undefined, viewer: Viewer): SessionStats {
  const set: CounterSet = isCommittee(viewer) ? 'r' : 'p';
  const counters = Object.fromEntries(STATS_COUNTERS.map((k) => [k, Number((totals as Record<string, unknown> | undefined)?.[counterName(set, k)] ?? 0)]));
  return statsOf(counters);
}

/** 督办: accepted proposals of the school still unanswered past their deadline, with their chases. */
export async function overdue(orgId: string, viewer: Viewer, now = Date.now()) {
  const due = await queryAll<ProposalDueItem>(ProposalDue.queryPassed(orgId, now));
  const found = await batchGet(due.map((d) => Proposal.key(d)));
  const late = due.map((d) => found.get(keyId(Proposal.key(d))) as ProposalItem | undefined).filter((p): p is ProposalItem => p?.status === 'accepted');
  return Promise.all(
    late.map(async (p) => {
      const chases = await queryAll<ProposalNoteItem>(queryNotes(p.proposalId, 'chase'));
      return { ...proposalView(p, viewer, chases), overdueDays: Math.floor((now - Date.parse(p.decision!.dueAt!)) / 86_400_000) };
    }),
  );
}

/** How long after its window closes a session's proposals may still wait for 附议 on the home page. */
const COSIGN_GRACE_MS = 60 * 86_400_000;

/**
 * 我的提案: the caller's own proposals (newest first), the proposals assigned to them as an
 * office's contact (they see them as they are: they answer for them), and, for a delegate, the
 * proposals of the school's recent sessions waiting for their 附议 (the home page's card).
 */
export async function myProposals(actor: Pick<Actor, 'memberId' | 'roles' | 'orgId'>, now = Date.now()) {
  const [mine, assignments] = await Promise.all([
    queryAll<ProposalItem>({ ...Proposal.queryOfProposer(actor.memberId), ScanIndexForward: false }),
    queryAll<ProposalAssignmentItem>(ProposalAssignment.queryOfMember(actor.memberId)),
  ]);
  const assignedRead = await batchGet(assignments.map((a) => Proposal.key(a)));
  const assigned = ([...assignedRead.values()] as unknown as ProposalItem[]).map((p) => ({ ...proposalView(p, actor, undefined, true), office: p.decision?.office }));
  let toCosign: ProposalView[] = [];
  if (actor.roles.includes('delegate')) {
    const sessions = (await queryAll<SessionItem>(Session.queryOfOrg(actor.orgId))).filter((s) => Date.parse(s.closesAt) + COSIGN_GRACE_MS > now);
    const totals = await batchGet(sessions.map((s) => SessionTotals.key(s)));
    const ids = [...totals.values()].flatMap((t) => [...((t as unknown as SessionTotalsItem).proposals ?? [])]);
    const read = await batchGet(ids.map((proposalId) => Proposal.key({ proposalId })));
    toCosign = ([...read.values()] as unknown as ProposalItem[])
      .filter((p) => p.status === 'cosigning' && p.proposerId !== actor.memberId && !p.cosignerIds.includes(actor.memberId))
      .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
      .map((p) => proposalView(p, actor));
  }
  return { proposals: mine.map((p) => proposalView(p, actor)), assigned, toCosign };
}
