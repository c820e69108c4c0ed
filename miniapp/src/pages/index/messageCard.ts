import { api } from '../../api'
import type { MessageList } from '../../api/types'
import { fmtDateTime } from '../../lib/events'
import { showUnread } from '../../lib/messages'
import { ROUTES } from '../../lib/routes'
import { CARD_ITEMS, type HomeCard, type HomeSource } from './card'

/** 新消息: the unread ones, newest first (候补成功, 活动变更); opening 消息 marks them read. */
export function messagesCard(list: MessageList): HomeCard {
  const unread = list.messages.filter((m) => !m.read)
  return {
    key: 'messages',
    title: `新消息（${list.unread}）`,
    items: unread.slice(0, CARD_ITEMS).map((m) => ({ id: m.messageId, title: m.title, sub: [fmtDateTime(m.at)], url: ROUTES.messages })),
    more: { text: '全部消息', url: ROUTES.messages },
  }
}

export const messageCard: HomeSource = {
  key: 'messages',
  async load() {
    const list = await api.messages()
    showUnread(list.unread)
    return [messagesCard(list)]
  },
}
