import { chinaDateTime, chinaParts } from '../../../shared/domain/chinaTime';
import { proposalNumber, RULES, statsDelta, step, type ActorKind, type ProposalAction, type StatsInput } from '../../../shared/domain/proposals';
import type { DecisionBody, DraftBody, EditDraftBody, RatingBody } from '../../../shared/schemas/proposals';
import { Member, type MemberItem } from '../../entities/member';
import { Proposal, type ProposalItem, type Shown } from '../../entities/proposal';
import { ProposalCounter, type ProposalCounterItem } from '../../entities/proposalCounter';
import { ProposalAssignment } from '../../entities/proposalAssignment';
import { ProposalDue } from '../../entities/proposalDue';
import { ProposalNote } from '../../entities/proposalNote';
import { Session, type SessionItem } from '../../entities/session';
import { counterName, SessionTotals, type CounterSet } from '../../entities/sessionTotals';
import { keyId } from '../../entities/key';
import type { Actor } from '../../lib/access';
import { batchGet, cancellationCodes, getItem, put, remove, transact, update, type Commit, type TransactItem } from '../../lib/db';
import { conflict, forbidden, invalidInput, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { noticeWrites, type Notice } from '../../lib/notifier';
import { backoffMs } from '../../lib/retry';
import { fanoutWrites } from '../fanout';
import { tallyWrite } from '../tally/writes';
import { answerNotice, assignedNotice, chaseNotice, decisionNotice, publishedNotice } from './notices';

/**
 * The proposal commands. Each decides with the state machine (shared/domain/proposals.ts) on the
 * proposal as read, and commits in one transaction: the proposal (a Put under `version = :seen`),
 * its session's statistics moved by the difference it makes, and whatever else the step causes
 * (the number counter, a deadline, a note, notices). Refused because someone else changed the
 * proposal or the counter meanwhile, it reads again and decides again.
 */

const FAILED = 'ConditionalCheckFailed';
const MAX_ATTEMPTS = 80;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, backoffMs(Math.min(attempt, 6) + 1, { baseDelayMs: 5, maxDelayMs: 250 })));

const COMMITTEE_ROLES = ['committee', 'chair'] as const;
export const isCommittee = (actor: Pick<Actor, 'roles'>) => actor.roles.some((r) => (COMMITTEE_ROLES as readonly string[]).includes(r));

/** Who the actor is to this proposal, for this action. */
export function actorKind(p: Pick<ProposalItem, 'proposerId'>, actor: Pick<Actor, 'memberId' | 'roles'>, action: ProposalAction['type']): ActorKind {
  if (RULES[action].by.includes('committee') && isCommittee(actor)) return 'committee';
  if (actor.memberId === p.proposerId) return 'proposer';
  if (actor.roles.includes('delegate')) return 'delegate';
  return isCommittee(actor) ? 'committee' : 'member';
}

function refuse(refusal: 'BAD_TRANSITION' | 'FORBIDDEN' | 'OWN_PROPOSAL', p: ProposalItem): never {
  if (refusal === 'FORBIDDEN') throw forbidden('只有提案人、教代会代表或工会委员会可以进行此操作');
  if (refusal === 'OWN_PROPOSAL') throw conflict('OWN_PROPOSAL', '不能附议自己的提案');
  throw conflict('BAD_TRANSITION', `提案当前状态（${p.status}）不能进行此操作`);
}

const realStats = (p: ProposalItem | undefined): StatsInput | undefined => (p ? { status: p.status, category: p.category, rating: p.rating?.rating, numbered: p.number !== undefined } : undefined);
const shownStats = (p: ProposalItem | undefined): StatsInput | undefined => (p?.shown ? { status: p.shown.status, category: p.category, rating: p.shown.rating?.rating, numbered: p.number !== undefined } : undefined);

export function snapshot(p: ProposalItem, at: string): Shown {
  return {
    status: p.status,
    decision: p.decision,
    answer: p.answer,
    rating: p.rating ? { rating: p.rating.rating, ...(p.rating.comment ? { comment: p.rating.comment } : {}) } : undefined,
    historyCount: p.history.length,
    at,
  };
}

/** The session's counters moved by what a change of the proposal makes (nothing when it makes none). */
export function totalsWrite(before: ProposalItem | undefined, after: ProposalItem, publishing = false): TransactItem | undefined {
  const adds: string[] = [];
  const values: Record<string, unknown> = {};
  const add = (set: CounterSet, delta: ReturnType<typeof statsDelta>) => {
    for (const [k, v] of Object.entries(delta)) {
      const name = counterName(set, k as keyof typeof delta);
      adds.push(`${name} :${name}`);
      values[`:${name}`] = v;
    }
  };
  add('r', statsDelta(realStats(before), realStats(after)));
  add('p', statsDelta(shownStats(before), shownStats(after)));
  const nowPending = after.pending && !before?.pending;
  if (nowPending) {
    adds.push('unpublished :id');
    values[':id'] = new Set([after.proposalId]);
  }
  const parts = [adds.length ? `ADD ${adds.join(', ')}` : ''];
  if (publishing) {
    parts.push('DELETE unpublished :id');
    values[':id'] = new Set([after.proposalId]);
  }
  const expression = parts.filter(Boolean).join(' ');
  if (!expression) return undefined;
  return update(SessionTotals.key(after), { UpdateExpression: `${expression} SET #type = :type`, ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ...values, ':type': 'sessionTotals' } });
}

/**
 * The school's term tally moved by the same difference as the session's real counters (`r_…`:
 * what the term report reads, not what was last published), in the term of the session's opening.
 * No condition of its own: the proposal's Put under `version = :seen` beside it guards the change.
 */
export function termTallyWrites(before: ProposalItem | undefined, after: ProposalItem, opensAt: string): TransactItem[] {
  const delta = statsDelta(realStats(before), realStats(after));
  return tallyWrite(after.orgId, opensAt, Object.fromEntries(Object.entries(delta).map(([k, by]) => [`proposals.${k}`, by])));
}

/** Whether a change of the proposal moves its session's real counters (and so the term tally). */
const movesStats = (before: ProposalItem, after: ProposalItem) => Object.keys(statsDelta(realStats(before), realStats(after))).length > 0;

/** The session's opening, by key. It never changes (no route edits a session): were one added, it would move the session's share with `movedTally`. */
async function opensAtOf(p: Pick<ProposalItem, 'sessionId'>): Promise<string> {
  const session = await getItem<SessionItem>(Session.key(p));
  if (!session) throw notFound('找不到该提案征集');
  return session.opensAt;
}

/** The proposal as it will be, under the condition that nobody changed it since it was read. */
function putProposal(before: ProposalItem | undefined, after: ProposalItem): TransactItem {
  return before
    ? put(after, { ConditionExpression: '#version = :seen', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':seen': before.version } })
    : put(after, { ConditionExpression: 'attribute_not_exists(pk)' });
}

interface Decided<R> {
  /** The proposal after the step; undefined: nothing changes. */
  next?: ProposalItem;
  writes?: TransactItem[];
  result: R;
  /** The session's opening, when the step read the session anyway (submit): the term tally needs no read of its own. */
  opensAt?: string;
}

/**
 * Reads (after the first attempt), decides, commits; again while someone else's change refuses
 * the transaction. `decide` throws an AppError to refuse the request.
 */
async function change<R>(first: ProposalItem, decide: (p: ProposalItem, attempt: number) => Promise<Decided<R>>, commit: Commit): Promise<R> {
  let p: ProposalItem | undefined = first;
  let opensAt: string | undefined; // the session's, read at most once (it never changes)
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) p = await getItem<ProposalItem>(Proposal.key(first));
    if (!p) throw notFound('找不到该提案');
    const decided = await decide(p, attempt);
    const { next, writes = [], result } = decided;
    if (!next) {
      await commit(writes); // nothing changes; a committee member's attempt is still recorded
      return result;
    }
    opensAt ??= decided.opensAt;
    const totals = totalsWrite(p, next);
    if (movesStats(p, next)) opensAt ??= await opensAtOf(p);
    const termTally = opensAt === undefined ? [] : termTallyWrites(p, next, opensAt);
    try {
      await commit([putProposal(p, next), ...(totals ? [totals] : []), ...writes, ...termTally], { retryConflicts: false });
      return result;
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes?.some((c) => c === FAILED || c === 'TransactionConflict')) throw err;
      await pause(attempt);
    }
  }
  throw conflict('CONFLICT', '提案刚刚被改动，请刷新后再试');
}

/** The step, applied: status, history, co-signers, reopening, and what members see. */
function advance(p: ProposalItem, action: ProposalAction, actor: ActorKind, now: string, fields: Partial<ProposalItem> = {}): ProposalItem {
  const s = step({ status: p.status, cosigners: p.cosignerIds.length, cosignersNeeded: p.cosignersNeeded, reopened: p.reopened }, action, actor);
  if (!s.ok) refuse(s.refusal, p);
  const history = s.status === p.status ? p.history : [...p.history, { status: s.status, at: now }];
  const next: ProposalItem = { ...p, ...fields, status: s.status, reopened: s.reopened, history, version: p.version + 1, updatedAt: now };
  // Decidim's distinction: a committee decision or answer, and anything after it until publication, waits.
  if (s.gated || p.pending) return { ...next, pending: true };
  return { ...next, pending: false, shown: snapshot(next, now) };
}

// ---- sessions ---------------------------------------------------------------------------------

export async function createSession(org: { orgId: string; districtId: string }, body: { title: string; opensAt: string; closesAt: string; cosignersNeeded?: number }, createdBy: string, commit: Commit = transact) {
  const sessionId = newId('s');
  const session = Session.item({ sessionId, orgId: org.orgId, districtId: org.districtId, title: body.title, opensAt: body.opensAt, closesAt: body.closesAt, cosignersNeeded: body.cosignersNeeded ?? 2, createdBy, createdAt: new Date().toISOString() });
  await commit([
    put(session, { ConditionExpression: 'attribute_not_exists(pk)' }),
    put(ProposalCounter.item({ sessionId, last: 0 }), { ConditionExpression: 'attribute_not_exists(pk)' }),
    put(SessionTotals.item({ sessionId }), { ConditionExpression: 'attribute_not_exists(pk)' }),
  ]);
  return session;
}

const isOpen = (s: Pick<SessionItem, 'opensAt' | 'closesAt'>, now = Date.now()) => Date.parse(s.opensAt) <= now && now < Date.parse(s.closesAt);
const closed = () => conflict('SESSION_CLOSED', '不在本次提案征集的时间内');

// ---- the proposer -----------------------------------------------------------------------------

export async function createDraft(session: SessionItem, proposer: MemberItem, body: DraftBody, commit: Commit = transact): Promise<ProposalItem> {
  if (!isOpen(session)) throw closed();
  const now = new Date().toISOString();
  const p = Proposal.item({
    proposalId: newId('p'),
    sessionId: session.sessionId,
    orgId: session.orgId,
    districtId: session.districtId,
    proposerId: proposer.memberId,
    proposerName: proposer.name,
    ...body,
    status: 'draft',
    cosignerIds: [],
    cosignersNeeded: session.cosignersNeeded,
    reopened: false,
    history: [{ status: 'draft', at: now }],
    pending: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  await commit([
    putProposal(undefined, p),
    update(SessionTotals.key(session), { UpdateExpression: 'ADD proposals :id SET #type = :type', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':id': new Set([p.proposalId]), ':type': 'sessionTotals' } }),
  ]);
  return p;
}

/** Extension: the proposer edits their draft. */
export async function editDraft(first: ProposalItem, actor: Actor, body: EditDraftBody, commit: Commit = transact): Promise<ProposalItem> {
  return change(
    first,
    async (p) => {
      const now = new Date().toISOString();
      const next = advance(p, { type: 'edit' }, actorKind(p, actor, 'edit'), now, Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)));
      return { next, result: next };
    },
    commit,
  );
}

/** Submit: the next number of the session, taken under a condition in the same transaction. */
export async function submit(first: ProposalItem, actor: Actor, commit: Commit = transact): Promise<ProposalItem> {
  return change(
    first,
    async (p) => {
      const kind = actorKind(p, actor, 'submit');
      if (kind !== 'proposer') refuse('FORBIDDEN', p);
      if (p.status !== 'draft') refuse('BAD_TRANSITION', p);
      const counterKey = ProposalCounter.key(p);
      const read = await batchGet([Session.key(p), counterKey]);
      const session = read.get(keyId(Session.key(p))) as SessionItem | undefined;
      if (!session || !isOpen(session)) throw closed();
      const last = (read.get(keyId(counterKey)) as ProposalCounterItem | undefined)?.last ?? 0;
      const now = new Date().toISOString();
      const seq = last + 1;
      const next = advance(p, { type: 'submit' }, kind, now, { seq, number: proposalNumber(chinaParts(now).year, seq) });
      const counter = update(counterKey, { UpdateExpression: 'SET #last = :seq', ConditionExpression: '#last = :last', ExpressionAttributeNames: { '#last': 'last' }, ExpressionAttributeValues: { ':seq': seq, ':last': last } });
      return { next, writes: [counter], result: next, opensAt: session.opensAt };
    },
    commit,
  );
}

/** 附议: once per delegate (again: no change); reaching the session's number moves it to review. */
export async function cosign(first: ProposalItem, actor: Actor, commit: Commit = transact): Promise<ProposalItem> {
  return change(
    first,
    async (p) => {
      if (p.cosignerIds.includes(actor.memberId)) return { result: p };
      const next = advance(p, { type: 'cosign' }, actorKind(p, actor, 'cosign'), new Date().toISOString(), { cosignerIds: [...p.cosignerIds, actor.memberId] });
      return { next, result: next };
    },
    commit,
  );
}

export async function rate(first: ProposalItem, actor: Actor, body: RatingBody, commit: Commit = transact): Promise<ProposalItem> {
  return change(
    first,
    async (p) => {
      const now = new Date().toISOString();
      const rating = { rating: body.rating, ...(body.comment ? { comment: body.comment } : {}), at: now };
      const next = advance(p, { type: 'rate', rating: body.rating }, actorKind(p, actor, 'rate'), now, { rating });
      // 重新办理: the proposal waits for a new answer, its deadline listed again.
      const reopened = next.status === 'accepted' && p.status !== 'accepted';
      return { next, writes: reopened ? dueWrites(next) : [], result: next };
    },
    commit,
  );
}

/** Extension: the proposer takes their proposal back before the committee decides; its number stays with it. */
export async function withdraw(first: ProposalItem, actor: Actor, commit: Commit = transact): Promise<ProposalItem> {
  return change(
    first,
    async (p) => {
      const next = advance(p, { type: 'withdraw' }, actorKind(p, actor, 'withdraw'), new Date().toISOString());
      return { next, result: next };
    },
    commit,
  );
}

// ---- the committee ----------------------------------------------------------------------------

function dueWrites(p: ProposalItem): TransactItem[] {
  const d = p.decision;
  if (!d?.dueAt || !d.office) return [];
  return [put(ProposalDue.item({ orgId: p.orgId, proposalId: p.proposalId, sessionId: p.sessionId, dueAt: d.dueAt, dueDay: chinaDateTime(d.dueAt).date, number: p.number, title: p.title, office: d.office, contactId: d.officeContactId ?? d.decidedBy }))];
}

const notice = (n: Notice, at: string) => noticeWrites(n, at);

export async function decide(first: ProposalItem, actor: Actor, body: DecisionBody, commit: Commit = transact): Promise<ProposalItem> {
  let target: ProposalItem | undefined;
  if (body.outcome === 'merged') {
    if (body.mergedInto === first.proposalId) throw invalidInput('不能并入提案自身');
    target = await getItem<ProposalItem>(Proposal.key({ proposalId: body.mergedInto! }));
    if (!target || target.sessionId !== first.sessionId || target.status === 'draft') throw invalidInput('并入的提案须是本次征集中已提交的提案');
  }
  if (body.officeContactId) {
    const contact = await getItem<MemberItem>(Member.key({ memberId: body.officeContactId }));
    if (!contact || contact.orgId !== first.orgId || !contact.active) throw invalidInput('承办部门联系人须是本校在册会员');
  }
  return change(
    first,
    async (p) => {
      const now = new Date().toISOString();
      const decision = {
        outcome: body.outcome,
        reason: body.reason,
        ...(body.outcome === 'accepted' ? { office: body.office, dueAt: body.dueAt, ...(body.officeContactId ? { officeContactId: body.officeContactId } : {}), ...(body.coOffices?.length ? { coOffices: body.coOffices } : {}) } : {}),
        ...(body.outcome === 'merged' ? { mergedInto: body.mergedInto } : {}),
        decidedBy: actor.memberId,
        at: now,
      };
      const next = advance(p, { type: 'decide', outcome: body.outcome }, actorKind(p, actor, 'decide'), now, { decision });
      const writes = [...dueWrites(next), ...notice(decisionNotice(p, body.outcome, body.reason, decision.office, decision.dueAt), now)];
      // The office's contact finds it in their list of what they are assigned.
      if (body.outcome === 'accepted' && body.officeContactId) {
        writes.push(put(ProposalAssignment.item({ memberId: body.officeContactId, proposalId: p.proposalId, orgId: p.orgId, office: body.office!, at: now })));
        if (body.officeContactId !== p.proposerId) writes.push(...notice(assignedNotice(next, body.officeContactId, body.office!, body.dueAt!), now));
      }
      if (target) {
        // 并案 shown both ways: the proposal it joins lists it (and moves its version).
        writes.push(
          update(Proposal.key(target), {
            UpdateExpression: 'SET mergedFrom = list_append(if_not_exists(mergedFrom, :none), :me), #version = #version + :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':none': [], ':me': [p.proposalId], ':one': 1 },
          }),
        );
      }
      return { next, writes, result: next };
    },
    commit,
  );
}

export async function answer(first: ProposalItem, actor: Actor, text: string, commit: Commit = transact): Promise<ProposalItem> {
  return change(
    first,
    async (p) => {
      const now = new Date().toISOString();
      const next = advance(p, { type: 'answer' }, actorKind(p, actor, 'answer'), now, { answer: { text, at: now } });
      const d = p.decision;
      const writes = [...(d?.dueAt ? [remove(ProposalDue.key({ orgId: p.orgId, dueAt: d.dueAt, proposalId: p.proposalId }))] : []), ...notice(answerNotice(next), now)];
      return { next, writes, result: next };
    },
    commit,
  );
}

/** 落实: a note on the timeline; `done` ends it (answered → done). */
export async function progress(first: ProposalItem, actor: Actor, body: { note: string; done: boolean }, commit: Commit = transact): Promise<ProposalItem> {
  return change(
    first,
    async (p) => {
      const now = new Date().toISOString();
      const next = advance(p, { type: 'progress', done: body.done }, actorKind(p, actor, 'progress'), now);
      const note = ProposalNote.item({ proposalId: p.proposalId, noteId: newId('g'), kind: 'progress', note: body.note, done: body.done, at: now, byId: actor.memberId, byName: actor.name });
      return { next, writes: [put(note)], result: next };
    },
    commit,
  );
}

/** 督办: the committee chases an accepted proposal's answer; the entry is listed on the proposal. */
export async function chase(p: ProposalItem, actor: Actor, note: string, commit: Commit = transact) {
  if (p.status !== 'accepted') throw conflict('BAD_TRANSITION', '只有已立案、尚未答复的提案可以督办');
  const at = new Date().toISOString();
  const entry = ProposalNote.item({ proposalId: p.proposalId, noteId: newId('h'), kind: 'chase', note, at, byId: actor.memberId, byName: actor.name });
  // The office's contact is told they were chased (when the decision named one).
  const contact = p.decision?.officeContactId;
  await commit([put(entry), ...(contact ? notice(chaseNotice(p, contact, note), at) : [])]);
  return entry;
}

/**
 * Publishes what the committee decided since the last publication: every proposal the session's
 * `unpublished` set names, each in its own transaction (its snapshot, the published counters, its
 * leaving the set, and a notice to each co-signer).
 */
export async function publish(session: SessionItem, commit: Commit = transact): Promise<{ published: string[] }> {
  const totals = await getItem<{ unpublished?: Set<string> }>(SessionTotals.key(session));
  const ids = [...(totals?.unpublished ?? [])];
  const published: string[] = [];
  for (const proposalId of ids) {
    for (let attempt = 0; ; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw conflict('CONFLICT', '提案刚刚被改动，请稍后再发布');
      const p = await getItem<ProposalItem>(Proposal.key({ proposalId }));
      if (!p) break;
      const now = new Date().toISOString();
      const next: ProposalItem = p.pending ? { ...p, pending: false, shown: snapshot(p, now), version: p.version + 1, updatedAt: now } : p;
      const writes = [totalsWrite(p, next, true)!];
      if (p.pending) {
        const { memberId: _, ...shared } = publishedNotice(next, '');
        const told = p.cosignerIds.length <= 20 ? p.cosignerIds.flatMap((m) => noticeWrites(publishedNotice(next, m), now)) : fanoutWrites(shared, p.cosignerIds, now).writes;
        writes.unshift(putProposal(p, next));
        writes.push(...told);
      }
      try {
        await commit(writes, { retryConflicts: false });
        if (p.pending) published.push(proposalId);
        break;
      } catch (err) {
        const codes = cancellationCodes(err);
        if (!codes?.some((c) => c === FAILED || c === 'TransactionConflict')) throw err;
        await pause(attempt);
      }
    }
  }
  await commit([]); // the publication is recorded even when nothing waited
  return { published };
}

