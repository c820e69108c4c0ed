import { describe, expect, it } from 'vitest'
import { CreateSessionBody } from '@shared/schemas/proposals'
import { checkSession, defaultSessionForm, windowWords, type SessionForm } from '../src/proposal/sessionForm'
import { cosignWords } from '../src/proposal/labels'

// 2026-12-02 12:25:40 in China (04:25:40 UTC), a Wednesday
const NOW = new Date('2026-12-02T04:25:40Z')
const form = (over: Partial<SessionForm> = {}): SessionForm => ({ ...defaultSessionForm(NOW), title: '第九届教代会第三次会议提案征集', ...over })

describe('发起提案征集: defaults', () => {
  it('starts now to the minute and closes in 14 days at 17:00, China time, with the server default of 2 co-signers', () => {
    expect(defaultSessionForm(NOW)).toEqual({ title: '', openDate: '2026-12-02', openTime: '12:25', closeDate: '2026-12-16', closeTime: '17:00', cosigners: 2 })
    // just before midnight in China (16:30 UTC on the 1st): the China date counts
    expect(defaultSessionForm(new Date('2026-12-01T16:30:00Z'))).toMatchObject({ openDate: '2026-12-02', openTime: '00:30', closeDate: '2026-12-16' })
  })
})

describe('发起提案征集: the check is the server schema', () => {
  it('gives the body the server accepts, in China time with its offset', () => {
    const r = checkSession(form({ title: '  第九届教代会第三次会议提案征集 ' }), NOW)
    expect(r.errors).toBeUndefined()
    expect(r.body).toEqual({ title: '第九届教代会第三次会议提案征集', opensAt: '2026-12-02T12:25:00+08:00', closesAt: '2026-12-16T17:00:00+08:00', cosignersNeeded: 2 })
    expect(CreateSessionBody.safeParse(r.body).success).toBe(true)
  })

  it('says what is wrong in Chinese, per field', () => {
    expect(checkSession(form({ title: '   ' }), NOW).errors).toEqual({ title: '请填写征集名称' })
    expect(checkSession(form({ title: '题'.repeat(61) }), NOW).errors).toEqual({ title: '名称最多 60 个字' })
    // the schema's own rule: the end after the start
    expect(checkSession(form({ openDate: '2026-12-20' }), NOW).errors).toEqual({ closes: '截止时间应晚于开始时间' })
    expect(checkSession(form({ closeDate: '2026-12-02', closeTime: '12:25' }), NOW).errors).toEqual({ closes: '截止时间应晚于开始时间' })
    // a window already over collects nothing
    expect(checkSession(form({ openDate: '2026-11-01', closeDate: '2026-11-30' }), NOW).errors).toEqual({ closes: '截止时间已经过了，请选以后的时间' })
    expect(checkSession(form({ cosigners: 11 }), NOW).errors).toEqual({ cosigners: '附议人数应在 0 到 10 之间' })
    expect(checkSession(form({ closeTime: '' }), NOW).errors).toEqual({ closes: '请选择截止时间' })
  })

  it('agrees with the server schema on any title and window', async () => {
    const fc = await import('fast-check')
    const date = fc.integer({ min: 1, max: 40 }).map((d) => `2026-12-${String(d > 31 ? 31 : d).padStart(2, '0')}`)
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), date, time, date, time, fc.integer({ min: 0, max: 12 }), (title, openDate, openTime, closeDate, closeTime, cosigners) => {
        const past = new Date('2026-01-01T00:00:00Z') // nothing is over yet: only the schema decides
        const r = checkSession({ title, openDate, openTime, closeDate, closeTime, cosigners }, past)
        const raw = { title, opensAt: `${openDate}T${openTime}:00+08:00`, closesAt: `${closeDate}T${closeTime}:00+08:00`, cosignersNeeded: cosigners }
        expect(!!r.body).toBe(CreateSessionBody.safeParse(raw).success)
      }),
    )
  })
})

describe('发起提案征集: the confirmation in words', () => {
  it('says when, how long, and whether it starts at once', () => {
    const body = { opensAt: '2026-12-02T12:25:00+08:00', closesAt: '2026-12-16T17:00:00+08:00' }
    expect(windowWords(body, NOW)).toEqual({ from: '12月2日 周三 12:25', to: '12月16日 周三 17:00', span: '共 14 天', startsNow: true })
    expect(windowWords({ opensAt: '2026-12-07T08:00:00+08:00', closesAt: '2026-12-21T08:00:00+08:00' }, NOW)).toMatchObject({ span: '共 14 天', startsNow: false })
    expect(windowWords({ opensAt: '2026-12-03T08:00:00+08:00', closesAt: '2026-12-03T17:00:00+08:00' }, NOW).span).toBe('共 9 小时')
    // by the calendar: opened at 20:00, closing 14 days later at 17:00 is still 共 14 天
    expect(windowWords({ opensAt: '2026-12-02T20:00:00+08:00', closesAt: '2026-12-16T17:00:00+08:00' }, NOW).span).toBe('共 14 天')
    expect(windowWords({ opensAt: '2027-01-04T08:00:00+08:00', closesAt: '2027-01-08T17:00:00+08:00' }, NOW).to).toBe('2027年1月8日 周五 17:00')
    expect(cosignWords(0)).toBe('提交后直接进入审查，不需附议')
    expect(cosignWords(3)).toBe('每件提案需 3 位代表附议')
  })
})
