import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import Page from '../../components/Page'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { api } from '../../api/more'
import type { Message, MessageList } from '../../api/types'
import { fmtDateTime } from '../../lib/events'
import { prettyTimes } from '../../lib/eventsMore'
import { clearUnread } from '../../lib/messages'
import { TAB_ROUTES, currentLink } from '../../lib/routes'
import { useAsync } from '../../lib/useAsync'
import './index.css'

/** 消息: newest first. Opening the page marks all of them read (the new ones stay marked 新 until left). */
export default function Messages() {
  const list = useAsync<MessageList>(() => api.messages(), [])
  const marked = useRef(false)
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  useEffect(() => {
    if (!list.data || marked.current || list.data.unread === 0) return
    marked.current = true
    api
      .markMessagesRead()
      .then(() => clearUnread())
      .catch(() => {
        marked.current = false
      })
  }, [list.data])

  return (
    <Page testId="page-messages">
      <AsyncView
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在加载消息…"
        isEmpty={(d) => d.messages.length === 0}
        empty={<EmptyState title="还没有消息" hint="候补成功、活动变更或取消时，会在这里通知您。" />}
      >
        {(d) => (
          <View className="list msg__list">
            {d.messages.map((m) => (
              <MessageRow key={m.messageId} m={m} />
            ))}
          </View>
        )}
      </AsyncView>
    </Page>
  )
}

/** Opens a message's link; one written before a page moved opens the page at its new place. */
function open(stored: string) {
  const link = currentLink(stored)
  const path = link.split('?')[0]!
  if (TAB_ROUTES.includes(path)) void Taro.switchTab({ url: path })
  else void Taro.navigateTo({ url: link })
}

function MessageRow({ m }: { m: Message }) {
  return (
    <View
      className={`row msg${m.link ? ' row--tap' : ''}${m.read ? '' : ' msg--new'}`}
      data-testid={`message-${m.messageId}`}
      data-read={m.read ? 'true' : 'false'}
      onClick={() => m.link && open(m.link)}
    >
      <View className="row__main">
        <View className="msg__head">
          {!m.read && <Text className="tag tag--tone-bad msg__new">新</Text>}
          <Text className="row__title msg__title">{m.title}</Text>
        </View>
        <Text className="msg__body">{prettyTimes(m.body)}</Text>
        <View className="msg__foot">
          <Text className="row__sub">{fmtDateTime(m.at)}</Text>
          {m.link && <Text className="msg__go">查看活动 ›</Text>}
        </View>
      </View>
    </View>
  )
}
