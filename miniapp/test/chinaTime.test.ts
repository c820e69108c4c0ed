// Times show in China time whatever the phone's time zone: messages, exports and pages agree.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chinaTime } from '@shared/domain/events'
import { fmtDateTime, fmtTime } from '../src/lib/events'
import { isoWithOffset, localDate, prettyTimes, splitLocal } from '../src/lib/eventsMore'
import { defaultForm } from '../src/manage/shared/eventForm'
import { fmtAuditTime } from '../src/admin/shared/auditText'

const zones = ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']
let saved: string | undefined
beforeEach(() => (saved = process.env.TZ))
afterEach(() => {
  if (saved === undefined) delete process.env.TZ
  else process.env.TZ = saved
})

describe.each(zones)('on a phone set to %s', (zone) => {
  beforeEach(() => (process.env.TZ = zone))

  it('shows an event at 08:00 China time as 08:00, as the message about it does', () => {
    const startsAt = '2027-04-12T08:00:00+08:00'
    expect(fmtTime(startsAt)).toBe('08:00')
    expect(fmtDateTime(startsAt, new Date('2027-01-01T00:00:00Z'))).toBe('4月12日 周一 08:00')
    expect(chinaTime(startsAt)).toBe('4月12日 周一 08:00')
  })

  it('reads and writes picked dates as China time', () => {
    const picked = localDate('2027-04-12', '08:00')!
    expect(isoWithOffset(picked)).toBe('2027-04-12T08:00:00+08:00')
    expect(splitLocal(picked)).toEqual({ date: '2027-04-12', time: '08:00' })
    const form = defaultForm(new Date('2027-04-01T20:00:00Z')) // 2 April in China already
    expect([form.startDate, form.startTime]).toEqual(['2027-04-09', '08:00'])
    expect(prettyTimes('时间 2027-04-12 08:00', new Date('2027-01-01T00:00:00Z'))).toBe('时间 4月12日 周一 08:00')
  })

  it('says 今天 for today in China', () => {
    expect(fmtAuditTime('2027-04-12T01:30:00Z', new Date('2027-04-12T10:00:00Z'))).toBe('今天 09:30')
    expect(fmtAuditTime('2027-04-11T17:00:00Z', new Date('2027-04-12T10:00:00Z'))).toBe('今天 01:00')
  })
})
