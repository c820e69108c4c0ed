import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { barPercent, currentTerm, giftFenOf, rateText, termName } from '../src/report/shared/term'

const china = (date: string, time = '12:00') => Date.parse(`${date}T${time}:00+08:00`)

describe('currentTerm (China time)', () => {
  it('spring from February to July, autumn from August to January', () => {
    expect(currentTerm(china('2026-03-15'))).toEqual({ from: '2026-02-01', to: '2026-07-31' })
    expect(currentTerm(china('2026-07-31', '23:59'))).toEqual({ from: '2026-02-01', to: '2026-07-31' })
    expect(currentTerm(china('2026-08-01', '00:00'))).toEqual({ from: '2026-08-01', to: '2027-01-31' })
    expect(currentTerm(china('2026-12-02'))).toEqual({ from: '2026-08-01', to: '2027-01-31' })
    expect(currentTerm(china('2027-01-31', '23:59'))).toEqual({ from: '2026-08-01', to: '2027-01-31' })
    expect(currentTerm(china('2027-02-01', '00:00'))).toEqual({ from: '2027-02-01', to: '2027-07-31' })
  })
  it('uses the China date, not UTC: 2026-07-31 20:00 UTC is already August in China', () => {
    expect(currentTerm(Date.parse('2026-07-31T20:00:00Z'))).toEqual({ from: '2026-08-01', to: '2027-01-31' })
  })
  it('names the semester', () => {
    expect(termName({ from: '2026-02-01', to: '2026-07-31' })).toBe('2026年春季学期')
    expect(termName({ from: '2026-08-01', to: '2027-01-31' })).toBe('2026—2027学年秋季学期')
    expect(termName({ from: '2026-09-01', to: '2026-12-31' })).toBe('2026年9月1日至2026年12月31日')
  })
})

describe('rateText', () => {
  it('prints the integers behind the rate', () => {
    expect(rateText(3, 29)).toBe('10.3%（3/29）')
    expect(rateText(1, 8)).toBe('12.5%（1/8）')
    expect(rateText(1, 2000)).toBe('0.1%（1/2000）') // 0.05% rounds half up
    expect(rateText(29, 29)).toBe('100.0%（29/29）')
    expect(rateText(0, 0)).toBe('无（0/0）')
  })
  it('agrees with exact rounding for any fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 100000 }), (den, n) => {
        const num = n % (den + 1)
        const tenths = Math.round((num * 1000) / den + 1e-9)
        const [pct] = rateText(num, den).split('%')
        expect(Math.round(Number(pct) * 10)).toBe(tenths)
      }),
    )
  })
})

describe('barPercent', () => {
  it('scales to the largest, a non-zero value stays visible', () => {
    expect(barPercent(50, 100)).toBe(50)
    expect(barPercent(100, 100)).toBe(100)
    expect(barPercent(1, 1000)).toBe(2)
    expect(barPercent(0, 100)).toBe(0)
    expect(barPercent(0, 0)).toBe(0)
  })
})

describe('giftFenOf (慰问金 in yuan)', () => {
  it('empty or zero is no money; otherwise exact fen', () => {
    expect(giftFenOf('')).toEqual({ ok: true, fen: 0 })
    expect(giftFenOf(' 0.00 ')).toEqual({ ok: true, fen: 0 })
    expect(giftFenOf('500')).toEqual({ ok: true, fen: 50000 })
    expect(giftFenOf('０.１')).toEqual({ ok: true, fen: 10 })
    expect(giftFenOf('500.005')).toEqual({ ok: false, error: '金额最多两位小数（精确到分）' })
    expect(giftFenOf('五百')).toMatchObject({ ok: false })
  })
})

describe('periodRange (送温暖 filter)', () => {
  it('this month ends on its real last day; this term; all', async () => {
    const { periodRange } = await import('../src/report/shared/term')
    expect(periodRange('month', china('2026-11-15'))).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(periodRange('month', china('2028-02-10'))).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(periodRange('month', china('2026-12-31', '23:30'))).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(periodRange('term', china('2026-12-02'))).toEqual({ from: '2026-08-01', to: '2027-01-31' })
    expect(periodRange('all')).toEqual({})
  })
})
