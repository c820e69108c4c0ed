import { termOf, type AidCategory } from '../../../shared/domain/aid';
import type { AidCaseBody, ApproveAidBody } from '../../../shared/schemas/aid';
import { AidCase, type AidCaseItem } from '../../entities/aidCase';
import { AidCaseLink } from '../../entities/aidCaseLink';
import { AidTally } from '../../entities/aidTally';
import { Member, type MemberItem } from '../../entities/member';
import type { Actor } from '../../lib/access';
import { cancellationCodes, cancellationItems, getItem, put, transact, update, type Commit, type TransactItem } from '../../lib/db';
import { conflict, forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { backoffMs } from '../../lib/retry';
import { tallyWrite as termTallyWrite } from '../tally/writes';
import { BALANCE_AT, entryWrites } from './ledger';

/**
 * Aid cases: applied for by the member, or put forward by their group leader or the committee;
 * decided by the committee (four eyes: never by who put it forward, nor by who it is for); paid by
 * the treasurer in ONE transaction with its ledger entry, the balance (under its condition) and
 * the term's tally. Each command decides on the case read by the request; its conditions catch
 * anything that changed since.
 */

const FAILED = 'ConditionalCheckFailed';
const pause = (attempt: number) => new Promise((r) => setTimeout(r, backoffMs(attempt + 1, { baseDelayMs: 4, maxDelayMs: 200 })));
const isOfficer = (a: Actor) => a.roles.includes('committee') || a.roles.includes('chair');

/** Who the case is for: the caller, or (group leader: own group; committee, chair: anyone) a member of the school. */
export async function beneficiaryFor(orgId: string, caller: Actor, memberId: string | undefined): Promise<MemberItem> {
  if (memberId === undefined || memberId === caller.memberId) return caller.record;
  const officer = isOfficer(caller);
  if (!officer && !caller.roles.includes('groupLeader')) throw forbidden('只能为自己申请困难补助');
  const member = await getItem<MemberItem>(Member.key({ memberId }));
  if (!member || !member.active) throw notFound('找不到这位会员');
  if (member.orgId !== orgId) throw forbidden('只能为本校会员提出申请');
  if (!officer && member.groupId !== caller.groupId) throw forbidden('小组长只能为本组会员提出申请');
  return member;
}

export async function openCase(org: { orgId: string; districtId: string }, caller: Actor, member: MemberItem, body: AidCaseBody, commit: Commit = transact): Promise<AidCaseItem> {
  const createdAt = new Date().toISOString();
  const item = AidCase.item({
    caseId: newId('h'),
    orgId: org.orgId,
    districtId: org.districtId,
    memberId: member.memberId,
    memberName: member.name,
    groupId: member.groupId,
    category: body.category,
    requestedFen: body.requestedFen,
    reason: body.reason,
    proposedBy: caller.memberId,
    proposedByName: caller.name,
    status: 'pending',
    createdAt,
  });
  const links = [AidCaseLink.item({ memberId: member.memberId, caseId: item.caseId, createdAt, role: 'beneficiary' })];
  if (caller.memberId !== member.memberId) links.push(AidCaseLink.item({ memberId: caller.memberId, caseId: item.caseId, createdAt, role: 'proposer' }));
  await commit([put(item, { ConditionExpression: 'attribute_not_exists(pk)' }), ...links.map((l) => put(l))]);
  return item;
}

/** Four eyes: whoever put a case forward, and whoever it is for, do not decide it. */
function checkDecider(c: AidCaseItem, caller: Actor) {
  if (c.memberId === caller.memberId) throw conflict('OWN_CASE', '不能审批自己的补助申请，请由其他委员审批');
  if (c.proposedBy === caller.memberId) throw conflict('OWN_CASE', '不能审批自己提出的补助申请，请由其他委员审批');
}

function refusedMove(err: unknown, what: string): never {
  const codes = cancellationCodes(err);
  if (codes?.[0] === FAILED) {
    const [now] = cancellationItems(err) as [AidCaseItem?];
    throw conflict('BAD_TRANSITION', `这份申请${now ? STATE_TEXT[now.status] : '已被改动'}，不能${what}`);
  }
  throw err;
}
const STATE_TEXT: Record<AidCaseItem['status'], string> = { pending: '还在审批中', approved: '已经批准', declined: '已经不予批准', paid: '已经发放' };

function decide(c: AidCaseItem, set: string, values: Record<string, unknown>): TransactItem {
  return update(AidCase.key(c), {
    UpdateExpression: `SET #st = :to, decidedBy = :by, decidedByName = :byName, decidedAt = :now${set}`,
    ConditionExpression: '#st = :pending',
    ExpressionAttributeNames: { '#st': 'status' },
    ExpressionAttributeValues: { ':pending': 'pending', ':now': new Date().toISOString(), ...values },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
}

export async function approveCase(c: AidCaseItem, caller: Actor, body: ApproveAidBody, commit: Commit = transact): Promise<AidCaseItem> {
  checkDecider(c, caller);
  const note = body.note ? { ':note': body.note } : {};
  try {
    await commit([decide(c, `, approvedFen = :amt${body.note ? ', decisionNote = :note' : ''}`, { ':to': 'approved', ':by': caller.memberId, ':byName': caller.name, ':amt': body.approvedFen, ...note })]);
  } catch (err) {
    refusedMove(err, '再批准');
  }
  return { ...c, status: 'approved', approvedFen: body.approvedFen, decidedBy: caller.memberId, decidedByName: caller.name, ...(body.note ? { decisionNote: body.note } : {}) };
}

export async function declineCase(c: AidCaseItem, caller: Actor, reason: string, commit: Commit = transact): Promise<AidCaseItem> {
  checkDecider(c, caller);
  try {
    await commit([decide(c, ', declineReason = :reason', { ':to': 'declined', ':by': caller.memberId, ':byName': caller.name, ':reason': reason })]);
  } catch (err) {
    refusedMove(err, '不予批准');
  }
  return { ...c, status: 'declined', decidedBy: caller.memberId, decidedByName: caller.name, declineReason: reason };
}

/** The term tally's move by one paid case (counts and sums only). */
function tallyWrite(orgId: string, term: string, category: AidCategory, amountFen: number): TransactItem {
  return update(AidTally.key({ orgId, term }), {
    UpdateExpression: 'ADD #count :one, #fen :amt SET #type = :type, term = :term',
    ExpressionAttributeNames: { '#count': `${category}Count`, '#fen': `${category}Fen`, '#type': 'type' },
    ExpressionAttributeValues: { ':one': 1, ':amt': amountFen, ':type': 'aidTally', ':term': term },
  });
}

/**
 * Pays an approved case: the case marked paid (from approved, for the amount approved), the
 * ledger's aid entry, the balance down under `balanceFen >= :out`, the term's tally up: one
 * transaction. Paid already → no change (200). Not enough in the fund → 409 INSUFFICIENT_FUNDS.
 */
export async function payCase(c: AidCaseItem, caller: Actor, commit: Commit = transact): Promise<{ aidCase: AidCaseItem; changed: boolean }> {
  if (c.status === 'paid') {
    await commit([]);
    return { aidCase: c, changed: false };
  }
  if (c.status !== 'approved' || c.approvedFen === undefined) throw conflict('BAD_TRANSITION', `这份申请${STATE_TEXT[c.status]}，不能发放`);
  const amountFen = c.approvedFen;
  for (let attempt = 0; attempt < 12; attempt++) {
    const paidAt = new Date().toISOString();
    const { entry, writes } = entryWrites({ orgId: c.orgId, kind: 'aid', amountFen, by: caller.memberId, byName: caller.name, caseId: c.caseId, category: c.category, memberName: c.memberName }, paidAt);
    const mark = update(AidCase.key(c), {
      UpdateExpression: 'SET #st = :paid, paidAt = :at, paidBy = :by, entryId = :entry',
      ConditionExpression: '#st = :approved AND approvedFen = :amt',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':paid': 'paid', ':approved': 'approved', ':amt': amountFen, ':at': paidAt, ':by': caller.memberId, ':entry': entry.entryId },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    try {
      // [case, entry, balance, tally, term tally]: the balance's place is 1 + BALANCE_AT. The term
      // tally (the district's rollup) counts it at the ledger entry's time, as the report does.
      await commit([
        mark,
        ...writes,
        tallyWrite(c.orgId, termOf(paidAt), c.category, amountFen),
        ...termTallyWrite(c.orgId, entry.at, { 'aid.count': 1, 'aid.fen': amountFen, [`aid.byCategory.${c.category}.count`]: 1, [`aid.byCategory.${c.category}.fen`]: amountFen }),
      ]);
      return { aidCase: { ...c, status: 'paid', paidAt, paidBy: caller.memberId, entryId: entry.entryId }, changed: true };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      if (codes[0] === FAILED) {
        const [now] = cancellationItems(err) as [AidCaseItem?];
        if (now?.status === 'paid') {
          await commit([]); // paid by a twin request: nothing changes, the attempt is recorded
          return { aidCase: now, changed: false };
        }
        throw conflict('BAD_TRANSITION', `这份申请${now ? STATE_TEXT[now.status] : '已被改动'}，不能发放`);
      }
      if (codes[1 + BALANCE_AT] === FAILED) throw conflict('INSUFFICIENT_FUNDS', '互助金余额不足，不能发放这笔补助，请先拨入资金');
      if (codes.includes('TransactionConflict')) {
        await pause(attempt);
        continue;
      }
      throw err;
    }
  }
  throw conflict('CONFLICT', '同时发放的补助太多，请稍后再试');
}
