import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, careDateProblem, inRangeMs, parseDate, parseRange, rate } from './care';
import { chinaInstant } from './chinaTime';

describe('dates of care visits and report ranges (China time)', () => {
  it('reads only zero-padded real dates', () => {
    expect(parseDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseDate('2028-02-29')).toBeDefined();
    for (const bad of ['2026-02-29', '2026-2-01', '2026-13-01', '2026-00-10', '20260101', '2026-01-01T00:00', '', 20260101, undefined]) expect(parseDate(bad), String(bad)).toBeUndefined();
  });

  it('a visit may be dated up to 90 days ahead of today in China, not 91', () => {
    // 2026-12-01 23:30 in China is still 15:30 UTC the same day; at 00:30 in China it is the next day.
    const lateEvening = chinaInstant(2026, 12, 1, 23, 30);
    expect(careDateProblem('2027-03-01', lateEvening)).toBeUndefined(); // 2026-12-01 + 90 days
    expect(careDateProblem('2027-03-02', lateEvening)).toMatch(/90 天/);
    expect(careDateProblem('2027-03-02', chinaInstant(2026, 12, 2, 0, 30))).toBeUndefined();
    expect(careDateProblem('1999-01-01', lateEvening)).toBeUndefined(); // past visits are fine
  });

  it('a range covers from 00:00 of `from` to the last millisecond of `to`, China time', () => {
    const r = parseRange('2026-09-01', '2027-01-31');
    if (typeof r === 'string') throw new Error(r);
    expect(inRangeMs(r, '2026-08-31T23:59:59.999+08:00')).toBe(false);
    expect(inRangeMs(r, '2026-09-01T00:00:00+08:00')).toBe(true);
    expect(inRangeMs(r, '2026-08-31T16:00:00Z')).toBe(true);
    expect(inRangeMs(r, '2027-01-31T23:59:59.999+08:00')).toBe(true);
    expect(inRangeMs(r, '2027-02-01T00:00:00+08:00')).toBe(false);
    expect(inRangeMs(r, undefined)).toBe(false);
    expect(typeof parseRange('2026-02-01', '2026-01-31')).toBe('string');
    expect(typeof parseRange('2026-01-31', '2026-01-31')).toBe('object');
    expect(typeof parseRange(undefined, '2026-01-31')).toBe('string');
    expect(typeof parseRange('2026-01-31', '')).toBe('string');
  });

  it('addDays walks the calendar (months, leap years) and back', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: -400, max: 400 }), (d, n) => {
        const date = d.toISOString().slice(0, 10);
        expect(addDays(addDays(date, n), -n)).toBe(date);
        expect(parseDate(addDays(date, n))).toBeDefined();
      }),
    );
  });

  it('rates are in 0..1, or null with a zero denominator', () => {
    expect(rate(0, 0)).toBeNull();
    fc.assert(fc.property(fc.nat(1000), fc.nat(1000), (a, extra) => {
      const r = rate(a, a + extra + 1)!;
      expect(r >= 0 && r <= 1).toBe(true);
    }));
  });
});
