import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  contribution,
  EDGES,
  OUTCOMES,
  PROPOSAL_CATEGORIES,
  PROPOSAL_STATUSES,
  proposalNumber,
  RATINGS,
  statsDelta,
  statsOf,
  step,
  type ActorKind,
  type ProposalAction,
  type ProposalState,
  type ProposalStatus,
  type StatsCounter,
  type StatsInput,
} from './proposals';

const ACTORS: ActorKind[] = ['proposer', 'delegate', 'committee', 'member'];
const actionArb: fc.Arbitrary<ProposalAction> = fc.oneof(
  fc.constant({ type: 'edit' as const }),
  fc.constant({ type: 'submit' as const }),
  fc.constant({ type: 'cosign' as const }),
  fc.constantFrom(...OUTCOMES).map((outcome) => ({ type: 'decide' as const, outcome })),
  fc.constant({ type: 'answer' as const }),
  fc.boolean().map((done) => ({ type: 'progress' as const, done })),
  fc.constantFrom(...RATINGS).map((rating) => ({ type: 'rate' as const, rating })),
  fc.constant({ type: 'withdraw' as const }),
);
const stateArb: fc.Arbitrary<ProposalState> = fc.record({
  status: fc.constantFrom(...PROPOSAL_STATUSES),
  cosigners: fc.integer({ min: 0, max: 12 }),
  cosignersNeeded: fc.integer({ min: 0, max: 10 }),
  reopened: fc.boolean(),
});

/**
 * The contract's lifecycle (api.md v1.1), written out move by move, independently of the machine's
 * table: which (status, action, actor) is legal and where it leads. undefined: refused.
 */
function reference(s: ProposalState, a: ProposalAction, who: ActorKind): ProposalStatus | undefined {
  const st = s.status;
  if (a.type === 'edit') return who === 'proposer' && st === 'draft' ? 'draft' : undefined;
  if (a.type === 'submit') return who === 'proposer' && st === 'draft' ? (s.cosignersNeeded === 0 ? 'review' : 'cosigning') : undefined;
  if (a.type === 'cosign') {
    if (who !== 'delegate') return undefined;
    if (st === 'cosigning') return s.cosigners + 1 >= s.cosignersNeeded ? 'review' : 'cosigning';
    return st === 'review' ? 'review' : undefined;
  }
  if (a.type === 'decide') return who === 'committee' && st === 'review' ? a.outcome : undefined;
  if (a.type === 'answer') return who === 'committee' && st === 'accepted' ? 'answered' : undefined;
  if (a.type === 'progress') {
    if (who !== 'committee') return undefined;
    if (a.done) return st === 'answered' ? 'done' : undefined;
    return st === 'accepted' || st === 'answered' ? st : undefined;
  }
  if (a.type === 'withdraw') return who === 'proposer' && (st === 'draft' || st === 'cosigning' || st === 'review') ? 'withdrawn' : undefined;
  // rate
  if (who !== 'proposer' || (st !== 'answered' && st !== 'done')) return undefined;
  return a.rating === 'unsatisfied' && !s.reopened ? 'accepted' : st;
}

const isEdge = (from: ProposalStatus, to: ProposalStatus) => from === to || EDGES.some(([f, t]) => f === from && t === to);

describe('the proposal state machine', () => {
  it('accepts exactly the contract’s moves, by the right actor, and refuses every other', () => {
    fc.assert(
      fc.property(stateArb, actionArb, fc.constantFrom(...ACTORS), (s, a, who) => {
        const got = step(s, a, who);
        const want = reference(s, a, who);
        if (want === undefined) {
          expect(got.ok).toBe(false);
        } else {
          expect(got).toMatchObject({ ok: true, status: want });
          expect(isEdge(s.status, want)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('along any sequence of requests, no illegal transition is ever taken', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.array(fc.tuple(actionArb, fc.constantFrom(...ACTORS)), { maxLength: 60 }), (needed, requests) => {
        let s: ProposalState = { status: 'draft', cosigners: 0, cosignersNeeded: needed, reopened: false };
        let unsatisfiedReopens = 0;
        for (const [a, who] of requests) {
          const r = step(s, a, who);
          if (!r.ok) {
            expect(reference(s, a, who)).toBeUndefined();
            continue;
          }
          expect(isEdge(s.status, r.status), `${s.status} → ${r.status} by ${a.type}`).toBe(true);
          if (r.status !== s.status && r.status === 'accepted' && s.status !== 'review') unsatisfiedReopens++;
          // Committee decisions and answers wait for publication; the rest is public at once.
          expect(r.gated).toBe(a.type === 'decide' || a.type === 'answer');
          s = { status: r.status, cosigners: r.cosigners, cosignersNeeded: s.cosignersNeeded, reopened: r.reopened };
        }
        expect(unsatisfiedReopens).toBeLessThanOrEqual(1); // only the first 不满意 reopens
      }),
      { numRuns: 2000 },
    );
  });

  it('names the refusal: the wrong actor is FORBIDDEN, the proposer co-signing is OWN_PROPOSAL, a wrong status BAD_TRANSITION', () => {
    const s = (status: ProposalStatus): ProposalState => ({ status, cosigners: 0, cosignersNeeded: 2, reopened: false });
    expect(step(s('cosigning'), { type: 'cosign' }, 'proposer')).toEqual({ ok: false, refusal: 'OWN_PROPOSAL' });
    expect(step(s('draft'), { type: 'cosign' }, 'delegate')).toEqual({ ok: false, refusal: 'BAD_TRANSITION' });
    expect(step(s('draft'), { type: 'submit' }, 'delegate')).toEqual({ ok: false, refusal: 'FORBIDDEN' });
    expect(step(s('cosigning'), { type: 'submit' }, 'proposer')).toEqual({ ok: false, refusal: 'BAD_TRANSITION' });
    expect(step(s('review'), { type: 'decide', outcome: 'accepted' }, 'delegate')).toEqual({ ok: false, refusal: 'FORBIDDEN' });
    expect(step(s('accepted'), { type: 'progress', done: true }, 'committee')).toEqual({ ok: false, refusal: 'BAD_TRANSITION' });
    expect(allowedActions(s('answered'), 'proposer')).toEqual(['rate']);
    expect(allowedActions(s('review'), 'committee')).toEqual(['decide']);
  });
});

describe('numbers', () => {
  it('are 提案<year>-<3 digits>', () => {
    expect(proposalNumber(2027, 1)).toBe('提案2027-001');
    expect(proposalNumber(2027, 42)).toBe('提案2027-042');
    expect(proposalNumber(2027, 120)).toBe('提案2027-120');
  });
});

describe('statistics', () => {
  const inputArb: fc.Arbitrary<StatsInput | undefined> = fc.option(
    fc.record({ status: fc.constantFrom(...PROPOSAL_STATUSES), category: fc.constantFrom(...PROPOSAL_CATEGORIES), rating: fc.option(fc.constantFrom(...RATINGS), { nil: undefined }), numbered: fc.boolean() }),
    { nil: undefined },
  );

  it('counters moved by every change’s delta always equal a recount by the contract’s definitions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), inputArb), { maxLength: 80 }), (changes) => {
        const proposals = new Map<number, StatsInput | undefined>();
        const counters: Partial<Record<StatsCounter, number>> = {};
        for (const [i, after] of changes) {
          for (const [k, v] of Object.entries(statsDelta(proposals.get(i), after))) counters[k as StatsCounter] = (counters[k as StatsCounter] ?? 0) + v;
          proposals.set(i, after);
        }
        const all = [...proposals.values()].filter((p): p is StatsInput => p !== undefined && p.status !== 'draft' && !(p.status === 'withdrawn' && !p.numbered));
        const count = (...s: ProposalStatus[]) => all.filter((p) => s.includes(p.status)).length;
        const rated = all.filter((p) => p.rating);
        const stats = statsOf(counters);
        expect(stats).toMatchObject({
          received: all.length,
          accepted: count('accepted', 'answered', 'done'),
          converted: count('converted'),
          rejected: count('rejected'),
          merged: count('merged'),
          answered: count('answered', 'done'),
          done: count('done'),
          withdrawn: count('withdrawn'),
        });
        const accepted = count('accepted', 'answered', 'done');
        expect(stats.answerRate).toBe(accepted === 0 ? null : count('answered', 'done') / accepted);
        expect(stats.satisfactionRate).toBe(rated.length === 0 ? null : rated.filter((p) => p.rating !== 'unsatisfied').length / rated.length);
        for (const c of PROPOSAL_CATEGORIES) expect(stats.byCategory[c] ?? 0).toBe(all.filter((p) => p.category === c).length);
      }),
      { numRuns: 1000 },
    );
  });

  it('a draft contributes nothing', () => {
    expect(Object.values(contribution({ status: 'draft', category: 'welfare' })).every((v) => v === 0)).toBe(true);
  });
});
