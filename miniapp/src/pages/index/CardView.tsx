import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Fragment } from 'react'
import NoOrphan from '../../components/NoOrphan'
import StatusTag from '../../components/StatusTag'
import type { HomeCard } from './card'

/** One card of 首页: a heading, its items (a tap opens one), and a last row to the whole list. */
export default function CardView({ card }: { card: HomeCard }) {
  const go = (url: string, tab?: boolean) => void (tab ? Taro.switchTab({ url }) : Taro.navigateTo({ url }))
  return (
    <View className="home-card" data-testid={`home-card-${card.key}`}>
      <Text className="section-title">{card.title}</Text>
      <View className="list">
        {card.items.map((it) => (
          <View role="button" key={it.id} className="row row--tap home-item" data-testid={`home-${card.key}-${it.id}`} onClick={() => go(it.url)}>
            <View className="row__main">
              <Text className="home-item__title">
                <NoOrphan text={it.title} />
              </Text>
              <View className="home-item__line">
                {it.sub && (
                  <Text className="home-item__sub">
                    {it.sub.map((part, i) => (
                      <Fragment key={i}>
                        {i > 0 && ' · '}
                        <NoOrphan text={part} />
                      </Fragment>
                    ))}
                  </Text>
                )}
                {it.tag && <StatusTag text={it.tag.text} tone={it.tag.tone} className="home-item__tag" />}
              </View>
            </View>
            <Text className="row__chevron">›</Text>
          </View>
        ))}
        <View role="button" className="row row--tap home-card__more" data-testid={`home-more-${card.key}`} onClick={() => go(card.more.url, card.more.tab)}>
          <Text className="row__main">{card.more.text}</Text>
          <Text className="row__chevron">›</Text>
        </View>
      </View>
    </View>
  )
}
