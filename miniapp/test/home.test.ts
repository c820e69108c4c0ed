import { describe, expect, it } from 'vitest'
import { messagesCard } from '../src/pages/index/messageCard'
import { myEventsCard, openEventsCard } from '../src/pages/index/eventCards'
import { loadHome, type SourceResult } from '../src/pages/index/sources'
import type { MyEventRow } from '../src/lib/myEvents'
import type { EventSummary, Me, MessageList } from '../src/api/types'

const NOW = Date.parse('2026-04-01T02:00:00Z')
const inDays = (d: number) => new Date(NOW + d * 86400_000).toISOString()

const event = (id: string, over: Partial<EventSummary> = {}): EventSummary => ({
  eventId: id,
  orgId: 'o-1',
  title: `活动${id}`,
  place: '学校东门',
  startsAt: inDays(7),
  signupClosesAt: inDays(5),
  capacity: 10,
  maxFamily: 0,
  options: [],
  cancelled: false,
  state: 'open',
  confirmedSeats: 3,
  seatsLeft: 7,
  waitlistLength: 0,
  me: null,
  ...over,
})

const row = (id: string, status: 'confirmed' | 'waitlisted', over: Partial<EventSummary> = {}, position?: number): MyEventRow => ({
  ...event(id, over),
  reg: { eventId: id, status, family: 0, choices: {}, checkedIn: false, registeredAt: inDays(-1) },
  position,
})

describe('首页 cards', () => {
  it('我的活动: my next events, soonest first, with 已报名 / 候补第 N 位; past ones left out', () => {
    const card = myEventsCard(
      [
        row('late', 'confirmed', { startsAt: inDays(20) }),
        row('wait', 'waitlisted', { startsAt: inDays(3) }, 2),
        row('gone', 'confirmed', { startsAt: inDays(-3), state: 'past' }),
        row('off', 'confirmed', { startsAt: inDays(9), state: 'cancelled' }),
      ],
      NOW,
    )
    expect(card.items.map((i) => [i.id, i.tag?.text])).toEqual([
      ['wait', '候补第 2 位'],
      ['off', '活动已取消'],
      ['late', '已报名'],
    ])
    expect(card.more.url).toBe('/event/my-registrations/index')
  })

  it('我的活动: a member promoted from the waitlist sees 已报名', () => {
    expect(myEventsCard([row('a', 'confirmed')], NOW).items[0]!.tag).toEqual({ text: '已报名', tone: 'ok' })
  })

  it('可以报名: open events I have not signed up for, at most three, with the seats', () => {
    const events = [
      event('mine', { me: { status: 'confirmed', family: 0, choices: {}, checkedIn: false } }),
      event('closed', { state: 'closed' }),
      event('full', { startsAt: inDays(2), seatsLeft: 0, confirmedSeats: 10, waitlistLength: 1 }),
      event('b', { startsAt: inDays(4) }),
      event('c', { startsAt: inDays(6) }),
      event('d', { startsAt: inDays(8) }),
    ]
    const card = openEventsCard(events, NOW)
    expect(card.items.map((i) => [i.id, i.tag?.text])).toEqual([
      ['full', '已满，可候补'],
      ['b', '剩余 7 个名额'],
      ['c', '剩余 7 个名额'],
    ])
    expect(card.more).toMatchObject({ text: '全部活动（4 个可以报名）', tab: true })
  })

  it('新消息: the unread ones only', () => {
    const list: MessageList = {
      messages: [
        { messageId: 'm2', at: inDays(-1), title: '候补成功：春游', body: '…', read: false },
        { messageId: 'm1', at: inDays(-2), title: '活动变更：春游', body: '…', read: true },
      ],
      unread: 1,
    }
    const card = messagesCard(list)
    expect(card.title).toBe('新消息（1）')
    expect(card.items.map((i) => i.title)).toEqual(['候补成功：春游'])
    expect(messagesCard({ messages: [], unread: 0 }).items).toEqual([])
  })

  it('one source failing leaves the others; empty cards are dropped', async () => {
    const me = { memberId: 'm-1', orgId: 'o-1' } as Me
    const card = (key: string, n: number) => ({ key, title: key, items: Array.from({ length: n }, (_, i) => ({ id: `${i}`, title: 't', url: '/' })), more: { text: '', url: '/' } })
    const results: SourceResult[] = await loadHome(me, [
      { key: 'a', load: async () => [card('full', 1), card('empty', 0)] },
      { key: 'b', load: async () => Promise.reject(new Error('网络不给力')) },
    ])
    expect(results[0]).toEqual({ key: 'a', cards: [card('full', 1)] })
    expect(results[1]).toMatchObject({ key: 'b', error: expect.any(Error) })
  })
})

describe('新通知 card', () => {
  it('lists the unread notices only (at most 3), pinned tagged, each opening its notice', async () => {
    const { noticesCard } = await import('../src/pages/index/noticeCard')
    const n = (id: string, read: boolean, pinned = false) => ({ noticeId: id, title: `通知${id}`, pinned, createdAt: '2026-12-01T09:00:00+08:00', read })
    const card = noticesCard([n('a', false, true), n('b', true), n('c', false), n('d', false), n('e', false)])
    expect(card.title).toBe('新通知（4）')
    expect(card.items.map((i) => i.id)).toEqual(['a', 'c', 'd'])
    expect(card.items[0]!.tag).toEqual({ text: '置顶', tone: 'done' })
    expect(card.items[1]!.tag).toBeUndefined()
    expect(card.items[0]!.url).toBe('/notice/detail/index?id=a')
    expect(card.more.url).toBe('/notice/list/index')
    expect(noticesCard([n('b', true)]).items).toHaveLength(0) // nothing unread: the card is not shown
  })
})
