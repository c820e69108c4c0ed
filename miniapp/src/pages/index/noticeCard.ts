import { request } from '../../api/client'
import { fmtDateTime } from '../../lib/events'
import { ROUTES } from '../../lib/routes'
import { CARD_ITEMS, type HomeCard, type HomeSource } from './card'

type Notice = { noticeId: string; title: string; pinned: boolean; createdAt: string; read: boolean }

/** 新通知: the notices I have not read, pinned first (the notice pages are their own sub-package). */
export function noticesCard(list: readonly Notice[]): HomeCard {
  const unread = list.filter((n) => !n.read)
  return {
    key: 'notices',
    title: `新通知（${unread.length}）`,
    items: unread.slice(0, CARD_ITEMS).map((n) => ({
      id: n.noticeId,
      title: n.title,
      sub: [fmtDateTime(n.createdAt)],
      tag: n.pinned ? { text: '置顶', tone: 'done' } : undefined,
      url: ROUTES.notice(n.noticeId),
    })),
    more: { text: '全部通知', url: ROUTES.notices },
  }
}

export const noticeCard: HomeSource = {
  key: 'notices',
  async load(me) {
    const { notices } = await request<{ notices: Notice[] }>('GET', `/orgs/${encodeURIComponent(me.orgId)}/notices`)
    return [noticesCard(notices)]
  },
}
