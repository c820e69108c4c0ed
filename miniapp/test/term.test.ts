import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { barPercent, currentTerm, giftFenOf, monthName, periodRange, rangeText, rateText, shiftMonth, termName, thisMonth, withFrom, withTo } from '../src/report/shared/term'

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
  it('上学期 is the term before this one, across the school year; 自定义 is the range picked, else this term', () => {
    expect(periodRange('lastTerm', china('2026-12-02'))).toEqual({ from: '2026-02-01', to: '2026-07-31' })
    expect(periodRange('lastTerm', china('2027-01-31', '23:59'))).toEqual({ from: '2026-02-01', to: '2026-07-31' })
    expect(periodRange('lastTerm', china('2027-03-01'))).toEqual({ from: '2026-08-01', to: '2027-01-31' })
    expect(periodRange('lastTerm', Date.parse('2026-07-31T20:00:00Z'))).toEqual({ from: '2026-02-01', to: '2026-07-31' }) // already August in China
    expect(periodRange('custom', china('2026-12-02'), { from: '2026-09-01', to: '2026-12-31' })).toEqual({ from: '2026-09-01', to: '2026-12-31' })
    expect(periodRange('custom', china('2026-12-02'))).toEqual({ from: '2026-08-01', to: '2027-01-31' })
  })
  it('上学期 ends the day before 本学期 starts, whatever the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2040-01-01') }), (now) => {
        const [last, cur] = [periodRange('lastTerm', now), periodRange('term', now)]
        expect(new Date(Date.parse(`${last.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)).toBe(cur.from)
        expect(last.from! < last.to! && cur.from! <= chinaDay(now) && chinaDay(now) <= cur.to!).toBe(true)
      }),
    )
  })
})

const chinaDay = (now: number) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)

describe('rangeText (the list’s dates in words)', () => {
  it('names a term, writes any other range in days, and says 全部时间 for none', () => {
    expect(rangeText({})).toBe('全部时间')
    expect(rangeText({ from: '2026-09-01', to: '2026-12-31' })).toBe('2026年9月1日至2026年12月31日')
    expect(rangeText({ from: '2026-02-01', to: '2026-07-31' })).toBe('2026年春季学期（2026年2月1日至2026年7月31日）')
    expect(rangeText({ from: '2026-08-01', to: '2027-01-31' })).toBe('2026—2027学年秋季学期（2026年8月1日至2027年1月31日）')
  })
})

describe('withFrom / withTo (自定义: from ≤ to)', () => {
  it('moves the other end when a pick would cross it', () => {
    const r = { from: '2026-09-01', to: '2026-12-31' }
    expect(withFrom(r, '2026-10-01')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(withFrom(r, '2027-01-05')).toEqual({ from: '2027-01-05', to: '2027-01-05' })
    expect(withTo(r, '2026-11-30')).toEqual({ from: '2026-09-01', to: '2026-11-30' })
    expect(withTo(r, '2026-08-15')).toEqual({ from: '2026-08-15', to: '2026-08-15' })
  })
  it('keeps from ≤ to and the picked day, for any picks', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, day, fc.array(fc.tuple(fc.boolean(), day), { maxLength: 8 }), (a, b, picks) => {
        let r = a <= b ? { from: a, to: b } : { from: b, to: a }
        for (const [start, d] of picks) {
          r = start ? withFrom(r, d) : withTo(r, d)
          expect(start ? r.from : r.to).toBe(d)
          expect(r.from <= r.to).toBe(true)
        }
      }),
    )
  })
})

describe('months (生日)', () => {
  it('steps across years, names the month, and takes this month in China time', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2027-01', -1)).toBe('2026-12')
    expect(shiftMonth('2026-06', 0)).toBe('2026-06')
    expect(shiftMonth('2026-03', -15)).toBe('2024-12')
    expect(monthName('2027-01')).toBe('2027年1月')
    expect(thisMonth(Date.parse('2026-12-31T16:30:00Z'))).toBe('2027-01') // already New Year's Day in China
    expect(thisMonth(china('2026-12-02'))).toBe('2026-12')
  })
  it('a step and its reverse come back; every step is a real YYYY-MM', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -240, max: 240 }), (y, m, by) => {
        const month = `${y}-${String(m).padStart(2, '0')}`
        const there = shiftMonth(month, by)
        expect(there).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/)
        expect(shiftMonth(there, -by)).toBe(month)
        expect((Number(there.slice(0, 4)) - y) * 12 + Number(there.slice(5, 7)) - m).toBe(by)
      }),
    )
  })
})
