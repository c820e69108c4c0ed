import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitEntry } from './waitEntry';
import { WaitSecond } from './waitSecond';

describe('composed keys', () => {
  it('wait keys sort by arrival time, then tie-breaker, and give their time back', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 45), fc.nat(2 ** 45), (a, b) => {
        fc.pre(a !== b);
        expect(WaitEntry.waitKey(a, 'z') < WaitEntry.waitKey(b, 'a')).toBe(a < b);
        expect(WaitEntry.arrivalMs(WaitEntry.waitKey(a, 'x'))).toBe(a);
      }),
    );
  });

  it('a wait entry and its arrival second live in the event partition under their own prefixes', () => {
    const waitKey = WaitEntry.waitKey(1_700_000_000_123, 'ab');
    const entry = WaitEntry.key({ eventId: 'e1', waitKey });
    expect(WaitEntry.waitKeyOf(entry.sk)).toBe(waitKey);
    expect(WaitSecond.key({ eventId: 'e1', second: WaitSecond.secondOf(waitKey) }).sk < entry.sk).toBe(false);
    expect(WaitSecond.secondOf(waitKey)).toBe('001700000000');
  });
});
