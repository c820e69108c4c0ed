import { beforeEach, describe, expect, it, vi } from 'vitest'
import Taro from '@tarojs/taro'
import { fmtDate, fmtDateTime, myStatusText, seatsText, splitEvents } from '../src/lib/events'
import { choicesText, isoWithOffset, localDate, memberCode, parseChoiceList, parseMemberCode, prettyTimes } from '../src/lib/eventsMore'
import { createBody, defaultForm, formFromEvent, optionsOf, updateBody, validate, type EventForm } from '../src/manage/shared/eventForm'
import {
  __resetCheckins,
  getCheckinState,
  makeNonce,
  queueCheckin,
  readCachedRoster,
  saveCachedRoster,
  syncCheckins,
} from '../src/lib/checkinQueue'
import { qrRuns } from '../src/lib/qr'
import { ApiError, setToken } from '../src/api/client'
import type { CheckinResult, EventView, RegistrationList } from '../src/api/types'

// The app shows times in the phone's zone; the phones are in China.
process.env.TZ = 'Asia/Shanghai'

const mock = Taro as unknown as { __store: Map<string, unknown> }

const event = (over: Partial<EventView> = {}): EventView => ({
  eventId: 'ev-1',
  orgId: 'org-1',
  title: '春游',
  place: '东门',
  startsAt: '2027-04-12T08:00:00+08:00',
  signupClosesAt: '2027-04-10T18:00:00+08:00',
  capacity: 30,
  maxFamily: 1,
  options: [{ key: 'o1', label: '乘车点', choices: ['东门', '西门'] }],
  cancelled: false,
  state: 'open',
  confirmedSeats: 0,
  seatsLeft: 30,
  waitlistLength: 0,
  me: null,
  ...over,
})

describe('event wording', () => {
  it('says times the Chinese way, with the year only when it is not this one', () => {
    const now = new Date(2027, 0, 1)
    expect(fmtDateTime('2027-04-12T08:00:00+08:00', now)).toBe('4月12日 周一 08:00')
    expect(fmtDate('2026-12-31T09:00:00+08:00', now)).toBe('2026年12月31日 周四')
    expect(fmtDateTime('nonsense')).toBe('')
  })

  it('says how many seats are left, or that one would wait, or why not', () => {
    expect(seatsText(event()).text).toBe('剩余 30 个名额')
    expect(seatsText(event({ confirmedSeats: 30, seatsLeft: 0 }))).toEqual({ text: '已满，可候补', tone: 'wait' })
    // a seat is free but someone already waits: a newcomer waits too
    expect(seatsText(event({ confirmedSeats: 29, seatsLeft: 1, waitlistLength: 2 })).text).toBe('已满，可候补')
    expect(seatsText(event({ state: 'closed' })).text).toBe('报名已截止')
    expect(seatsText(event({ state: 'cancelled' })).text).toBe('已取消')
    expect(seatsText(event({ state: 'past' })).text).toBe('已结束')
  })

  it('tags my registration', () => {
    expect(myStatusText(null)).toBeNull()
    expect(myStatusText({ status: 'confirmed', checkedIn: false })?.text).toBe('已报名')
    expect(myStatusText({ status: 'confirmed', checkedIn: true })?.text).toBe('已签到')
    expect(myStatusText({ status: 'waitlisted', checkedIn: false })?.text).toBe('候补中')
    expect(myStatusText({ status: 'waitlisted', checkedIn: false, position: 3 })?.text).toBe('候补第 3 位')
  })

  it('splits events into upcoming (soonest first) and ended (latest first)', () => {
    const now = Date.parse('2027-04-01T00:00:00+08:00')
    const e = (id: string, startsAt: string, state: EventView['state'] = 'open') => event({ eventId: id, startsAt, state })
    const { upcoming, past } = splitEvents(
      [e('c', '2027-05-01T08:00:00+08:00'), e('a', '2027-04-02T08:00:00+08:00', 'cancelled'), e('x', '2027-03-01T08:00:00+08:00', 'past'), e('y', '2027-03-20T08:00:00+08:00', 'cancelled')],
      now,
    )
    expect(upcoming.map((x) => x.eventId)).toEqual(['a', 'c'])
    expect(past.map((x) => x.eventId)).toEqual(['y', 'x'])
  })

  it('reads choices typed with any comma, and names them in order', () => {
    expect(parseChoiceList(' 东门，西门,地铁站、东门 ;; ')).toEqual(['东门', '西门', '地铁站'])
    expect(choicesText(event().options, { o1: '西门' })).toBe('乘车点：西门')
  })

  it('encodes and reads a member 签到码', () => {
    expect(parseMemberCode(memberCode('m_abc-123'))).toBe('m_abc-123')
    expect(parseMemberCode('https://example.com')).toBeNull()
    expect(parseMemberCode('staff-home:member:a b')).toBeNull()
  })

  it('rewrites server times in message bodies', () => {
    expect(prettyTimes('请查看最新安排：2027-04-12 08:00，东门。', new Date(2027, 0, 1))).toBe('请查看最新安排：4月12日 周一 08:00，东门。')
  })

  it('makes ISO times with the phone offset from picked date and time', () => {
    const d = localDate('2027-04-12', '08:30')!
    const iso = isoWithOffset(d)
    expect(iso).toMatch(/^2027-04-12T08:30:00[+-]\d{2}:\d{2}$/)
    expect(Date.parse(iso)).toBe(d.getTime())
    expect(localDate('2027-4-12', '08:30')).toBeNull()
  })
})

describe('event form', () => {
  const now = new Date(2027, 3, 1, 9, 0)
  const filled = (over: Partial<EventForm> = {}): EventForm => ({ ...defaultForm(now), title: '春游', place: '东门', capacity: '45', ...over })

  it('starts a week ahead at 08:00, closing two days before at 18:00, and is valid once named', () => {
    const f = defaultForm(now)
    expect([f.startDate, f.startTime, f.closeDate, f.closeTime]).toEqual(['2027-04-08', '08:00', '2027-04-06', '18:00'])
    expect(Object.keys(validate(f, now)).sort()).toEqual(['capacity', 'place', 'title'])
    expect(validate(filled(), now)).toEqual({})
  })

  it('says in Chinese what is wrong', () => {
    expect(validate(filled({ capacity: '0' }), now).capacity).toContain('至少 1 个')
    expect(validate(filled({ closeDate: '2027-04-09' }), now).close).toBe('报名截止时间应早于活动开始时间')
    expect(validate(filled({ startDate: '2027-03-30', closeDate: '2027-03-29' }), now).start).toBe('活动时间应晚于现在')
    expect(validate(filled({ options: [{ label: '乘车点', choices: '' }] }), now).option0).toContain('用逗号隔开')
    expect(validate(filled({ options: [{ label: '', choices: '东门' }] }), now).option0).toContain('选项名称')
    expect(validate(filled({ options: [{ label: '', choices: '' }] }), now)).toEqual({})
  })

  it('builds the create body with keys for the options, leaving blank ones out', () => {
    const body = createBody(filled({ maxFamily: 2, options: [{ label: '', choices: '' }, { label: '乘车点', choices: '东门，西门' }], costNote: ' 自费 50 元 ' }))
    expect(body).toMatchObject({ title: '春游', capacity: 45, maxFamily: 2, options: [{ key: 'o1', label: '乘车点', choices: ['东门', '西门'] }], costNote: '自费 50 元' })
    expect(body.description).toBeUndefined()
    expect(Date.parse(body.startsAt)).toBe(new Date(2027, 3, 8, 8, 0).getTime())
  })

  it('sends only what changed when editing, and keeps capacity above the seats taken', () => {
    const e = event({ confirmedSeats: 10 })
    const f = formFromEvent(e)
    expect(updateBody(e, f)).toEqual({})
    expect(updateBody(e, { ...f, place: '西门', capacity: '40' })).toEqual({ place: '西门', capacity: 40 })
    expect(validate({ ...f, capacity: '5' }, new Date(2027, 3, 1), e).capacity).toContain('10')
    // an unchanged sign-up deadline in the past is no reason to refuse other edits
    expect(validate({ ...f, place: '西门' }, new Date(2027, 3, 11), e)).toEqual({})
  })

  it('keeps the keys of published options when their label and choices change, and leaves options out when unchanged', () => {
    const e = event({ options: [{ key: 'o1', label: '乘车点', choices: ['东门', '西门'] }, { key: 'o3', label: '午餐', choices: ['要', '不要'] }] })
    const f = formFromEvent(e)
    expect(f.options.map((o) => o.key)).toEqual(['o1', 'o3'])
    // unchanged, or changed only in spacing / the kind of comma: no options in the body
    expect(updateBody(e, f).options).toBeUndefined()
    expect(updateBody(e, { ...f, options: [{ ...f.options[0], choices: ' 东门 , 西门 ' }, f.options[1]] })).toEqual({})
    const changed: EventForm = {
      ...f,
      options: [
        { key: 'o1', label: '集合地点', choices: '东门，西门，地铁站' },
        { key: 'o3', label: '午餐', choices: '要，不要' },
      ],
    }
    expect(validate(changed, new Date(2027, 3, 1), e)).toEqual({})
    expect(updateBody(e, changed)).toEqual({
      options: [
        { key: 'o1', label: '集合地点', choices: ['东门', '西门', '地铁站'] },
        { key: 'o3', label: '午餐', choices: ['要', '不要'] },
      ],
    })
    // maxFamily changes travel alone
    expect(updateBody(e, { ...f, maxFamily: 3 })).toEqual({ maxFamily: 3 })
  })

  it('gives added options new keys no published option uses, and leaves blank new ones out', () => {
    const e = event({ options: [{ key: 'o2', label: '乘车点', choices: ['东门'] }] })
    const f = formFromEvent(e)
    const added: EventForm = {
      ...f,
      options: [...f.options, { label: '午餐', choices: '要，不要' }, { label: '', choices: '' }, { label: '衣服尺码', choices: 'M，L' }],
    }
    expect(validate(added, new Date(2027, 3, 1), e)).toEqual({})
    const body = updateBody(e, added)
    expect(body.options?.map((o) => o.key)).toEqual(['o2', 'o1', 'o3'])
    expect(body.options?.[1]).toEqual({ key: 'o1', label: '午餐', choices: ['要', '不要'] })
    expect(new Set(body.options?.map((o) => o.key)).size).toBe(3)
    // reordering in the form never renames a key
    expect(optionsOf({ ...added, options: [added.options[1], added.options[0]] }).map((o) => o.key)).toEqual(['o1', 'o2'])
  })

  it('refuses to blank a published option, and checks new options in edit mode too', () => {
    const e = event()
    const f = formFromEvent(e)
    const now = new Date(2027, 3, 1)
    expect(validate({ ...f, options: [{ key: 'o1', label: '', choices: '' }] }, now, e).option0).toContain('不能清空')
    expect(validate({ ...f, options: [{ key: 'o1', label: '乘车点', choices: '' }] }, now, e).option0).toContain('用逗号隔开')
    expect(validate({ ...f, options: [...f.options, { label: '乘车点', choices: '南门' }] }, now, e).option1).toBe('两个选项的名称重复了')
    expect(validate({ ...f, options: [...f.options, { label: '', choices: '' }] }, now, e)).toEqual({})
  })
})

describe('offline check-in queue', () => {
  beforeEach(() => {
    mock.__store.clear()
    __resetCheckins()
    setToken('t')
  })

  const ok = (memberId: string, at: string): CheckinResult => ({ memberId, name: 'x', checkedInAt: at, alreadyCheckedIn: false })

  it('makes nonces the API accepts', () => {
    for (let i = 0; i < 20; i++) expect(makeNonce()).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('keeps a check-in on the phone while offline, then sends it once with the time it happened', async () => {
    const when = new Date(2027, 3, 12, 7, 55)
    expect(queueCheckin('ev-1', 'm1', '张三', when)).not.toBeNull()
    expect(queueCheckin('ev-1', 'm1', '张三')).toBeNull() // the same person twice: queued once
    expect(mock.__store.get('staffhome.checkins.pending')).toHaveLength(1)

    const offline = vi.fn(async () => {
      throw new ApiError(0, 'NETWORK', '网络不给力，请稍后再试')
    })
    const r1 = await syncCheckins(offline)
    expect(r1.stopped).toBe(true)
    expect(getCheckinState().pending).toHaveLength(1)

    // the app restarts: the queue is read back from storage
    __resetCheckins()
    expect(getCheckinState().pending).toHaveLength(1)

    const send = vi.fn(async (_e: string, body: { memberId: string; nonce?: string; at?: string }) => ok(body.memberId, body.at!))
    const r2 = await syncCheckins(send)
    expect(send).toHaveBeenCalledTimes(1)
    const body = send.mock.calls[0]![1]
    expect(Date.parse(body.at!)).toBe(when.getTime())
    expect(body.nonce).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(r2.sent).toHaveLength(1)
    expect(getCheckinState().pending).toHaveLength(0)
    expect(getCheckinState().synced['ev-1|m1']).toBe(body.at)

    await syncCheckins(send)
    expect(send).toHaveBeenCalledTimes(1) // nothing left: nothing sent again
  })

  it('drops a refused check-in with its reason, and goes on with the others', async () => {
    queueCheckin('ev-1', 'm1', '张三')
    queueCheckin('ev-1', 'm2', '李四')
    const send = vi.fn(async (_e: string, body: { memberId: string; at?: string }) => {
      if (body.memberId === 'm1') throw new ApiError(409, 'NOT_REGISTERED', '此人没有报名成功，不能签到')
      return ok(body.memberId, body.at!)
    })
    const r = await syncCheckins(send)
    expect(r.failed).toEqual([{ eventId: 'ev-1', memberId: 'm1', name: '张三', message: '此人没有报名成功，不能签到' }])
    expect(r.sent.map((s) => s.memberId)).toEqual(['m2'])
    expect(getCheckinState().pending).toHaveLength(0)
    expect(getCheckinState().failed).toHaveLength(1)
  })

  it('stops at a busy server and keeps the rest for later', async () => {
    queueCheckin('ev-1', 'm1', '张三')
    queueCheckin('ev-1', 'm2', '李四')
    const send = vi.fn(async () => {
      throw new ApiError(503, 'INTERNAL', '服务器开小差了，请稍后再试')
    })
    const r = await syncCheckins(send)
    expect(r.stopped).toBe(true)
    expect(send).toHaveBeenCalledTimes(1)
    expect(getCheckinState().pending).toHaveLength(2)
  })

  it('runs one sync at a time', async () => {
    queueCheckin('ev-1', 'm1', '张三')
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const send = vi.fn(async (_e: string, body: { memberId: string; at?: string }) => {
      await gate
      return ok(body.memberId, body.at!)
    })
    const a = syncCheckins(send)
    const b = syncCheckins(send)
    expect(a).toBe(b)
    release()
    await a
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('keeps the list for offline use and marks who was checked in', async () => {
    const list: RegistrationList = {
      confirmed: [{ memberId: 'm1', name: '张三', groupId: 'g1', family: 0, seats: 1, choices: {}, registeredAt: '2027-04-01T08:00:00+08:00' }],
      waitlist: [],
      byGroup: [],
      participationRate: 10,
      checkedInCount: 0,
    }
    saveCachedRoster('ev-1', event(), list)
    queueCheckin('ev-1', 'm1', '张三')
    await syncCheckins(async (_e, body) => ok(body.memberId, '2027-04-12T07:55:00.000Z'))
    expect(readCachedRoster('ev-1')!.list.confirmed[0]!.checkedInAt).toBe('2027-04-12T07:55:00.000Z')
  })
})

describe('签到码 QR', () => {
  it('draws a square code with finder patterns in three corners', () => {
    const { count, rows } = qrRuns(memberCode('m_0123456789abcdef'))
    expect(count).toBeGreaterThanOrEqual(21)
    expect(rows).toHaveLength(count)
    // the top-left finder: a run of 7 dark modules at the start of row 0, and another at its end
    expect(rows[0]![0]).toEqual([0, 7])
    expect(rows[0]![rows[0]!.length - 1]).toEqual([count - 7, 7])
    expect(rows[count - 1]![0]).toEqual([0, 7])
  })
})
