import { TERM_PATTERN, termOf } from '../../shared/domain/aid';
import { AidCaseBody, ApproveAidBody, DeclineAidBody, FundEntryBody } from '../../shared/schemas/aid';
import { NoBody } from '../../shared/schemas/common';
import { AidTally, type AidTallyItem } from '../entities/aidTally';
import { Fund, type FundItem } from '../entities/fund';
import { approveCase, beneficiaryFor, declineCase, openCase, payCase } from '../domain/aid/cases';
import { addEntry, BALANCE_AT, emptyFund, entriesOf, entryView } from '../domain/aid/ledger';
import '../domain/aid/scope';
import { allTerms, casesFor, caseView, maySee, termSummary } from '../domain/aid/views';
import '../domain/orgs';
import { cancellationCodes, getItem } from '../lib/db';
import { conflict, invalidInput, notFound } from '../lib/errors';
import { created, defineApi, ok } from '../lib/http';

/**
 * 互助储金 / 困难补助基金: the fund's ledger and balance (chair, treasurer), aid cases (applied
 * for, put forward, decided, paid) and the per-term counts and sums everyone may read.
 */

const balanceView = (f: FundItem) => ({ balanceFen: f.balanceFen, inFen: f.inFen ?? 0, outFen: f.outFen ?? 0, entryCount: f.entryCount, openedAt: f.openedAt });
const isKeeper = (roles: readonly string[]) => roles.includes('chair') || roles.includes('treasurer');

export const handler = defineApi({
  /** Everyone: the counts and sums per category and term; the chair and the treasurer: the balance too. */
  'GET /orgs/{orgId}/fund': [
    async ({ params, actor, loaded }) => {
      const orgId = params.orgId!;
      const terms = await allTerms(orgId);
      const fund = loaded<FundItem>(Fund.key({ orgId })) ?? emptyFund(orgId);
      return ok({ currentTerm: termOf(Date.now()), terms, ...(isKeeper(actor.roles) ? { balance: balanceView(fund) } : {}) });
    },
    { preload: (p) => [Fund.key({ orgId: p.orgId! })] },
  ],

  /** The ledger, newest first, with the balance and the recount of its entries. */
  'GET /orgs/{orgId}/fund/entries': [
    async ({ params, loaded }) => {
      const orgId = params.orgId!;
      const entries = await entriesOf(orgId);
      const fund = loaded<FundItem>(Fund.key({ orgId })) ?? emptyFund(orgId);
      const sumFen = entries.reduce((s, e) => s + (e.kind === 'aid' ? -e.amountFen : e.amountFen), 0);
      return ok({ ...balanceView(fund), sumFen, entries: entries.reverse().map(entryView) });
    },
    { preload: (p) => [Fund.key({ orgId: p.orgId! })] },
  ],

  'POST /orgs/{orgId}/fund/entries': async ({ params, actor, body, committer }) => {
    const input = body(FundEntryBody);
    try {
      const entry = await addEntry({ orgId: params.orgId!, ...input, by: actor.memberId, byName: actor.name }, committer({ kind: input.kind, amountFen: input.amountFen }));
      const fund = (await getItem<FundItem>(Fund.key({ orgId: params.orgId! }))) ?? emptyFund(params.orgId!);
      return created({ entry: entryView(entry), balance: balanceView(fund) });
    } catch (err) {
      if (cancellationCodes(err)?.[BALANCE_AT] === 'ConditionalCheckFailed') throw conflict('CONFLICT', '期初余额只能登记一次，且须是第一笔账目；之后请用“拨入”');
      throw err;
    }
  },

  /** Counts and sums per category for one term (`?term=2026-2027-1`, default: the current term). */
  'GET /orgs/{orgId}/aid/summary': async ({ params, query }) => {
    const term = query.term ?? termOf(Date.now());
    if (!TERM_PATTERN.test(term)) throw invalidInput('学期格式应为 2026-2027-1');
    return ok(termSummary(term, await getItem<AidTallyItem>(AidTally.key({ orgId: params.orgId!, term }))));
  },

  'POST /orgs/{orgId}/aid-cases': async ({ resource: org, actor, body, commit }) => {
    const input = body(AidCaseBody);
    const member = await beneficiaryFor(org.orgId, actor, input.memberId);
    // Put forward by an officer for someone else: traced, without the name (the audit log is the chair's).
    const forSomeone = member.memberId !== actor.memberId;
    const aidCase = await openCase(org, actor, member, input, (writes) => commit(writes, forSomeone ? { category: input.category, requestedFen: input.requestedFen } : undefined));
    return created(caseView(aidCase, actor));
  },

  'GET /orgs/{orgId}/aid-cases': async ({ params, actor, query }) => ok({ cases: await casesFor(params.orgId!, actor, query.status) }),

  /** A case the caller may not see is, for them, not there. */
  'GET /aid-cases/{caseId}': async ({ resource, actor }) => {
    if (!maySee(resource, actor)) throw notFound();
    return ok(caseView(resource, actor));
  },

  'POST /aid-cases/{caseId}/approve': async ({ resource, actor, body, committer }) => {
    const input = body(ApproveAidBody);
    const c = await approveCase(resource, actor, input, committer({ caseId: resource.caseId, approvedFen: input.approvedFen }));
    return ok(caseView(c, actor));
  },

  'POST /aid-cases/{caseId}/decline': async ({ resource, actor, body, committer }) => {
    const { reason } = body(DeclineAidBody);
    const c = await declineCase(resource, actor, reason, committer({ caseId: resource.caseId }));
    return ok(caseView(c, actor));
  },

  'POST /aid-cases/{caseId}/pay': async ({ resource, actor, body, committer }) => {
    body(NoBody);
    const { aidCase } = await payCase(resource, actor, committer({ caseId: resource.caseId, amountFen: resource.approvedFen }));
    return ok(caseView(aidCase, actor));
  },
});
