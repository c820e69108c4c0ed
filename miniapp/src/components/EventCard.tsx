import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { EventSummary } from '../api/types'
import { fmtDateTime, myStatusText, seatsText, type Tone } from '../lib/events'
import { ROUTES } from '../lib/routes'
import StatusTag from './StatusTag'
import NoOrphan from './NoOrphan'

type CardEvent = Pick<EventSummary, 'eventId' | 'title' | 'place' | 'startsAt' | 'state' | 'capacity' | 'confirmedSeats' | 'seatsLeft' | 'waitlistLength'> & {
  me?: { status: 'confirmed' | 'waitlisted'; checkedIn: boolean; position?: number } | null
}

/**
 * One event in a list: title, my status, time, place and the seats line (or `foot` instead of it).
 * Tapping opens the event.
 */
export default function EventCard({ e, extra, foot }: { e: CardEvent; extra?: string; foot?: { text: string; tone: Tone } }) {
  const seats = foot ?? seatsText(e)
  const mine = myStatusText(e.me)
  return (
    <View role="button" className={`ev-card${e.state === 'cancelled' ? ' ev-card--cancelled' : ''}`} data-testid={`event-card-${e.eventId}`} onClick={() => void Taro.navigateTo({ url: ROUTES.event(e.eventId) })}>
      <View className="ev-card__head">
        <Text className="ev-card__title">
          <NoOrphan text={e.title} />
        </Text>
        {mine && <StatusTag text={mine.text} tone={mine.tone} testId={`event-mine-${e.eventId}`} className="ev-card__mine" />}
      </View>
      <View className="ev-card__line">
        <Text className="ev-card__label">时间</Text>
        <Text className="ev-card__value">{fmtDateTime(e.startsAt)}</Text>
      </View>
      <View className="ev-card__line">
        <Text className="ev-card__label">地点</Text>
        <Text className="ev-card__value">{e.place}</Text>
      </View>
      <View className="ev-card__foot">
        <Text className={`ev-card__seats ev-card__seats--${seats.tone}`} data-testid={`event-seats-${e.eventId}`}>
          {seats.text}
        </Text>
        {extra && <Text className="ev-card__extra">{extra}</Text>}
        <Text className="ev-card__go">查看 ›</Text>
      </View>
    </View>
  )
}
