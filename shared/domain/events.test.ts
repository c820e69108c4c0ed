import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelSignups } from '../../tests/models/signups';
import { canConfirm, canPromote, chinaTime, eventPhase, participationRate, seatsFor } from './events';

describe('sign-up rules', () => {
  it('a newcomer never jumps a waiting queue, even when seats are free', () => {
    expect(canConfirm({ capacity: 10, confirmedSeats: 2, waitingCount: 1 }, 1)).toBe(false);
    expect(canConfirm({ capacity: 10, confirmedSeats: 9, waitingCount: 0 }, 1)).toBe(true);
    expect(canConfirm({ capacity: 10, confirmedSeats: 9, waitingCount: 0 }, seatsFor(1))).toBe(false);
    expect(canPromote({ capacity: 10, confirmedSeats: 8, waitingCount: 3 }, 3)).toBe(false);
  });

  it('participation rate has one decimal and survives an empty school', () => {
    expect(participationRate(57, 60)).toBe(95);
    expect(participationRate(1, 3)).toBe(33.3);
    expect(participationRate(0, 0)).toBe(0);
  });

  it('writes times as people in China read them, whatever the offset', () => {
    expect(chinaTime('2027-04-12T00:00:00Z')).toBe('4月12日 周一 08:00');
    expect(chinaTime('2027-04-12T08:00:00+08:00')).toBe('4月12日 周一 08:00');
  });

  it('knows the phases of an event', () => {
    const e = { cancelled: false, signupClosesAt: '2027-01-01T00:00:00+08:00', startsAt: '2027-01-02T00:00:00+08:00' };
    expect(eventPhase(e, Date.parse('2026-12-01T00:00:00Z'))).toBe('open');
    expect(eventPhase(e, Date.parse('2027-01-01T12:00:00+08:00'))).toBe('closed');
    expect(eventPhase(e, Date.parse('2027-01-03T00:00:00Z'))).toBe('past');
    expect(eventPhase({ ...e, cancelled: true }, 0)).toBe('cancelled');
  });
});

describe('the reference model', () => {
  const ops = fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('register' as const), member: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), seats: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ op: fc.constant('cancel' as const), member: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }),
    ),
    { maxLength: 30 },
  );
  it('never oversells, never holds a member twice, never leaves a fitting head waiting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), ops, (capacity, list) => {
        const { confirmed, waitlist } = modelSignups(capacity, list);
        const used = [...confirmed.values()].reduce((a, b) => a + b, 0);
        expect(used).toBeLessThanOrEqual(capacity);
        const everyone = [...confirmed.keys(), ...waitlist.map((w) => w.member)];
        expect(new Set(everyone).size).toBe(everyone.length);
        if (waitlist[0]) expect(used + waitlist[0].seats).toBeGreaterThan(capacity);
      }),
    );
  });
});
