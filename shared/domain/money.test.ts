import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, MAX_GIFT_FEN, parseYuan } from './money';

const fenOf = (text: string) => {
  const r = parseYuan(text);
  return r.ok ? r.fen : r.error;
};

describe('yuan typed by a member → integer fen', () => {
  it('reads the amounts members type', () => {
    expect(fenOf('50')).toBe(5000);
    expect(fenOf('50.5')).toBe(5050);
    expect(fenOf('50.05')).toBe(5005);
    expect(fenOf(' 0.01 ')).toBe(1);
    expect(fenOf('¥100')).toBe(10000);
    expect(fenOf('５０．５')).toBe(5050);
    expect(fenOf('007.10')).toBe(710);
    expect(fenOf('1000000')).toBe(MAX_GIFT_FEN);
  });

  it('refuses, in Chinese, what is not an amount one can give', () => {
    expect(fenOf('50.055')).toBe('金额最多两位小数（精确到分）');
    expect(fenOf('0')).toBe('金额必须大于 0');
    expect(fenOf('0.00')).toBe('金额必须大于 0');
    expect(fenOf('-5')).toBe('金额必须大于 0');
    expect(fenOf('')).toBe('请输入金额');
    for (const bad of ['abc', '5e3', '50.', '.5', '1,000', '0x10', 'Infinity', '5 0']) expect(fenOf(bad)).toBe('金额只能是数字，例如 50 或 50.5');
    expect(fenOf('1000000.01')).toBe('单笔金额不能超过 100 万元');
    expect(fenOf('99999999999999999999')).toBe('单笔金额不能超过 100 万元');
  });

  it('gives back exactly the fen of every amount shown with two decimals, one decimal or none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_GIFT_FEN }), (fen) => {
        expect(fenOf(formatFen(fen))).toBe(fen);
        if (fen % 10 === 0) expect(fenOf(formatFen(fen).slice(0, -1))).toBe(fen);
        if (fen % 100 === 0) expect(fenOf(String(fen / 100))).toBe(fen);
      }),
    );
  });

  it('refuses any amount with more than two decimals, and anything at or below zero', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.stringMatching(/^\d{3,8}$/), (yuan, decimals) => {
        expect(parseYuan(`${yuan}.${decimals}`).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.nat(MAX_GIFT_FEN), (fen) => {
        expect(parseYuan(`-${formatFen(fen)}`).ok).toBe(false);
      }),
    );
  });

  it('sums typed amounts without a fen of drift (0.1 + 0.2 is 30 fen)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 50 }), (fens) => {
        const typed = fens.map((f) => fenOf(formatFen(f)) as number);
        expect(typed.reduce((a, b) => a + b, 0)).toBe(fens.reduce((a, b) => a + b, 0));
      }),
    );
    expect((fenOf('0.1') as number) + (fenOf('0.2') as number)).toBe(30);
  });
});
