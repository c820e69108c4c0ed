import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateBallotBody } from '../schemas/ballots';
import { MOTION_CHOICES, RATING_CHOICES, answerProblem, choicesOf, electionOutcome, goodPermille, motionPassed, permille, quorumMet, tally, type Answers, type QuestionShape } from './ballots';

/** A random ballot: a few questions of every kind, elections with 1..6 candidates and 1..n seats. */
const question = (id: string): fc.Arbitrary<QuestionShape> =>
  fc.oneof(
    fc.constant<QuestionShape>({ id, text: '事项', kind: 'motion' }),
    fc.constant<QuestionShape>({ id, text: '测评', kind: 'rating' }),
    fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.integer({ min: 1, max: n }).map<QuestionShape>((seats) => ({ id, text: '选举', kind: 'election', seats, candidates: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `候选人${i}` })) })),
    ),
  );
const questions = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => question(`q${i}`))));
/** A valid answer sheet for those questions. */
const answersFor = (qs: QuestionShape[]): fc.Arbitrary<Answers> =>
  fc.tuple(...qs.map((q) => (q.kind === 'election' ? fc.subarray(choicesOf(q) as string[], { maxLength: q.seats }) : fc.constantFrom(...choicesOf(q))))).map((as) => Object.fromEntries(qs.map((q, i) => [q.id, as[i]!])));
const ballotsOf = (qs: QuestionShape[]) => fc.array(answersFor(qs), { maxLength: 60 });

describe('answers', () => {
  it('every answer sheet made from the choices fits; one missing, extra, foreign or over the seats does not', () => {
    fc.assert(
      fc.property(questions.chain((qs) => fc.tuple(fc.constant(qs), answersFor(qs))), ([qs, answers]) => {
        expect(answerProblem(qs, answers)).toBeNull();
        const { [qs[0]!.id]: _, ...missing } = answers;
        expect(answerProblem(qs, missing)).toMatch(/第 1 题还没有作答/);
        expect(answerProblem(qs, { ...answers, extra: 'for' })).toMatch(/没有这道题/);
        expect(answerProblem(qs, { ...answers, [qs[0]!.id]: 'toString' })).not.toBeNull();
        const election = qs.find((q) => q.kind === 'election');
        if (election) {
          expect(answerProblem(qs, { ...answers, [election.id]: [...choicesOf(election), 'nobody'] })).not.toBeNull();
          if (choicesOf(election).length > election.seats!) expect(answerProblem(qs, { ...answers, [election.id]: [...choicesOf(election)] })).toMatch(/最多选/);
          expect(answerProblem(qs, { ...answers, [election.id]: [choicesOf(election)[0]!, choicesOf(election)[0]!] })).not.toBeNull();
        }
      }),
    );
  });
});

describe('tally', () => {
  it('equals the ballots: each count is the number of papers with that choice, every choice present', () => {
    fc.assert(
      fc.property(questions.chain((qs) => fc.tuple(fc.constant(qs), ballotsOf(qs))), ([qs, ballots]) => {
        const counts = tally(qs, ballots);
        for (const q of qs) {
          expect(Object.keys(counts[q.id]!).sort()).toEqual([...choicesOf(q)].sort());
          for (const c of choicesOf(q)) expect(counts[q.id]![c]).toBe(ballots.filter((b) => [b[q.id]].flat().includes(c)).length);
          const total = Object.values(counts[q.id]!).reduce((a, b) => a + b, 0);
          if (q.kind === 'election') expect(total).toBe(ballots.reduce((n, b) => n + (b[q.id] as string[]).length, 0));
          else expect(total).toBe(ballots.length);
        }
      }),
    );
  });

  it('does not depend on the order of the papers', () => {
    fc.assert(
      fc.property(questions.chain((qs) => fc.tuple(fc.constant(qs), ballotsOf(qs))), ([qs, ballots]) => {
        expect(tally(qs, [...ballots].reverse())).toEqual(tally(qs, ballots));
      }),
    );
  });

  it('counts no inherited property as a choice', () => {
    const qs: QuestionShape[] = [{ id: 'q', text: '', kind: 'motion' }];
    expect(tally(qs, [{ q: 'toString' }, { q: 'constructor' }, { q: 'for' }]).q).toEqual({ for: 1, against: 0, abstain: 0 });
  });
});

describe('quorum and the pass rule', () => {
  const table: [cast: number, forCount: number, eligible: number, quorum: boolean, passed: boolean][] = [
    [19, 19, 30, false, false], // 19 of 30 cast: no quorum, even all for
    [20, 15, 30, true, false], // 20 of 30: quorum; 15 for is exactly half, not more
    [20, 16, 30, true, true], // 16 for of 30 with quorum: passed
    [30, 16, 30, true, true],
    [30, 15, 30, true, false],
    [2, 2, 3, true, true], // 2 of 3 is exactly two thirds
    [1, 1, 3, false, false],
    [6, 5, 9, true, true], // 5 > 4.5
    [5, 5, 9, false, false], // 15 < 18
    [0, 0, 0, false, false], // no electorate: nothing sits
    [200, 101, 200, true, true],
    [200, 100, 200, true, false],
  ];
  it.each(table)('%i cast, %i for, of %i: quorum %s, passed %s', (cast, forCount, eligible, quorum, passed) => {
    expect(quorumMet(cast, eligible)).toBe(quorum);
    expect(motionPassed(forCount, cast, eligible)).toBe(passed);
  });

  it('quorum is cast ≥ ⅔ of the electorate; passing needs quorum and for > ½ of the whole electorate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }).chain((e) => fc.tuple(fc.constant(e), fc.integer({ min: 0, max: e })).chain(([e, cast]) => fc.tuple(fc.constant(e), fc.constant(cast), fc.integer({ min: 0, max: cast })))), ([eligible, cast, forCount]) => {
        expect(quorumMet(cast, eligible)).toBe(cast >= Math.ceil((2 * eligible) / 3)); // the smallest whole number of ballots that is ⅔
        expect(motionPassed(forCount, cast, eligible)).toBe(quorumMet(cast, eligible) && forCount > eligible / 2);
        // Abstentions and absences count against: the same `for` never passes with fewer eligible counted.
        if (motionPassed(forCount, cast, eligible)) expect(motionPassed(forCount, Math.min(cast + 1, eligible), eligible)).toBe(true);
      }),
    );
  });
});

describe('ratings and shares', () => {
  it('goodPermille is (优秀+称职) ÷ cast in ‰, rounded half up, exactly', () => {
    expect(goodPermille({ excellent: 2, competent: 2, basic: 1, incompetent: 1 }, 6)).toBe(667);
    expect(goodPermille({ excellent: 1 }, 8)).toBe(125);
    expect(goodPermille({}, 0)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }).chain((cast) => fc.tuple(fc.constant(cast), fc.integer({ min: 0, max: cast }), fc.integer({ min: 0, max: cast }))), ([cast, a, b]) => {
        const excellent = Math.min(a, cast);
        const competent = Math.min(b, cast - excellent);
        const pm = goodPermille({ excellent, competent, basic: cast - excellent - competent }, cast);
        // |pm/1000 − share| ≤ ½‰, and a tie goes up.
        const twice = 2000 * (excellent + competent) - 2 * pm * cast; // = 2·cast·(share·1000 − pm)
        expect(twice).toBeLessThan(cast);
        expect(twice).toBeGreaterThanOrEqual(-cast);
        expect(pm).toBe(permille(excellent + competent, cast));
      }),
    );
  });
});

describe('elections', () => {
  it('elects only candidates with more than half of the ballots, at most the seats, most votes first; a tie at the last seat elects none of the tied', () => {
    expect(electionOutcome({ a: 5, b: 2, c: 2 }, 2, 6)).toEqual({ elected: ['a'], tied: [] });
    expect(electionOutcome({ a: 5, b: 4, c: 4 }, 2, 6)).toEqual({ elected: ['a'], tied: ['b', 'c'] });
    expect(electionOutcome({ a: 5, b: 5, c: 4 }, 2, 6)).toEqual({ elected: ['a', 'b'], tied: [] });
    expect(electionOutcome({ a: 3, b: 3 }, 1, 6)).toEqual({ elected: [], tied: [] }); // exactly half is not more
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((cast) => fc.tuple(fc.constant(cast), fc.array(fc.integer({ min: 0, max: cast }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 8 }))),
        ([cast, votes, seats]) => {
          const counts = Object.fromEntries(votes.map((v, i) => [`c${i}`, v]));
          const { elected, tied } = electionOutcome(counts, seats, cast);
          expect(elected.length).toBeLessThanOrEqual(seats);
          expect(elected.filter((id) => tied.includes(id))).toEqual([]);
          for (const id of [...elected, ...tied]) expect(2 * counts[id]!).toBeGreaterThan(cast);
          // Nobody left out beats anyone elected; everyone elected beats everyone tied.
          const out = Object.keys(counts).filter((id) => !elected.includes(id));
          for (const e of elected) for (const o of out) expect(counts[e]!).toBeGreaterThanOrEqual(counts[o]!);
          for (const e of elected) for (const t of tied) expect(counts[e]!).toBeGreaterThan(counts[t]!);
          if (tied.length) expect(elected.length + tied.length).toBeGreaterThan(seats);
          // Every qualified candidate is elected when there are seats for all.
          const qualified = Object.keys(counts).filter((id) => 2 * counts[id]! > cast);
          if (qualified.length <= seats) expect([...elected].sort()).toEqual([...qualified].sort());
        },
      ),
    );
  });
});

describe('the create body', () => {
  const body = (q: Record<string, unknown>) => ({ title: '表决', electorate: 'delegates', questions: [q] });
  it('an election needs candidates and seats; any other question has neither', () => {
    const candidates = [{ id: 'a', name: '张' }, { id: 'b', name: '李' }];
    expect(CreateBallotBody.safeParse(body({ id: 'e', text: '选举', kind: 'election', candidates, seats: 1 })).success).toBe(true);
    expect(CreateBallotBody.safeParse(body({ id: 'e', text: '选举', kind: 'election', candidates })).success).toBe(false);
    expect(CreateBallotBody.safeParse(body({ id: 'e', text: '选举', kind: 'election', candidates, seats: 3 })).success).toBe(false);
    expect(CreateBallotBody.safeParse(body({ id: 'q', text: '事项', kind: 'motion', seats: 1 })).success).toBe(false);
    expect(CreateBallotBody.safeParse(body({ id: 'q', text: '事项', kind: 'rating', candidates })).success).toBe(false);
    expect(CreateBallotBody.safeParse(body({ id: 'q', text: '事项', kind: 'motion' })).success).toBe(true);
  });
  it('refuses "__proto__" as a question or candidate id: it would vanish from the answers', () => {
    expect(CreateBallotBody.safeParse(body({ id: '__proto__', text: '事项', kind: 'motion' })).success).toBe(false);
    expect(CreateBallotBody.safeParse(body({ id: 'e', text: '选举', kind: 'election', seats: 1, candidates: [{ id: '__proto__', name: '张' }] })).success).toBe(false);
    expect(CreateBallotBody.safeParse(body({ id: 'constructor', text: '事项', kind: 'motion' })).success).toBe(true);
  });
  it('knows the fixed choices', () => {
    expect(choicesOf({ id: 'q', text: '', kind: 'motion' })).toEqual(MOTION_CHOICES);
    expect(choicesOf({ id: 'q', text: '', kind: 'rating' })).toEqual(RATING_CHOICES);
  });
});
