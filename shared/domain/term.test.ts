import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaInstant } from './chinaTime';
import { isTerm, previousTerm, termLabel, termOf, termRange } from './term';

describe('the school term', () => {
  it('puts the summer with the coming year and January with the autumn term', () => {
    expect(termOf(chinaInstant(2026, 8, 1))).toBe('2026-2027-1');
    expect(termOf(chinaInstant(2026, 7, 31, 23, 59))).toBe('2025-2026-2');
    expect(termOf(chinaInstant(2027, 1, 31, 23, 59))).toBe('2026-2027-1');
    expect(termOf(chinaInstant(2027, 2, 1))).toBe('2026-2027-2');
    expect(termOf('2026-07-31T16:00:00Z')).toBe('2026-2027-1'); // 8/1 00:00 in China
    expect(termRange('2026-2027-1')).toEqual({ from: '2026-08-01', to: '2027-01-31' });
    expect(termRange('2026-2027-2')).toEqual({ from: '2027-02-01', to: '2027-07-31' });
    expect(termLabel('2026-2027-2')).toBe('2026–2027学年第二学期');
    expect(isTerm('2026-2028-1')).toBe(false);
  });

  it('every instant lies within the range of its term, and terms follow each other day after day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const term = termOf(ms);
        const { from, to } = termRange(term);
        const day = new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
        expect(isTerm(term)).toBe(true);
        expect(from <= day && day <= to).toBe(true);
        const before = termRange(previousTerm(term));
        expect(new Date(Date.parse(before.to) + 86_400_000).toISOString().slice(0, 10)).toBe(from);
      }),
    );
  });
});
