import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import Page from '../../components/Page'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { useMe } from '../../lib/session'
import { ROUTES } from '../../lib/routes'
import { isDistrictAdmin } from '../../lib/roles'
import iconEvents from '../../assets/tab/events-active.png'
import iconDonate from '../../assets/tab/donate-active.png'
import iconProposals from '../../assets/tab/proposals-active.png'
import iconMine from '../../assets/tab/mine-active.png'
import './index.css'
import { chinaParts } from '@shared/domain/chinaTime'

function greeting(d = new Date()): string {
  const h = chinaParts(d).hour
  if (h < 5) return '夜深了'
  if (h < 11) return '早上好'
  if (h < 13) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}

const SHORTCUTS = [
  { key: 'events', title: '活动报名', sub: '春游、体检', icon: iconEvents, url: ROUTES.events },
  { key: 'donate', title: '爱心捐款', sub: '一日捐、助学', icon: iconDonate, url: ROUTES.donate },
  { key: 'proposals', title: '提案建议', sub: '提案、金点子', icon: iconProposals, url: ROUTES.proposals },
  { key: 'mine', title: '我的', sub: '资料、大字模式', icon: iconMine, url: ROUTES.mine },
]

export default function Home() {
  const { me, error, reload } = useMe()
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!me) {
    return <Page>{error ? <ErrorState error={error} onRetry={reload} /> : <LoadingState />}</Page>
  }
  const m = me.member
  return (
    <Page className="home" testId="page-home">
      <View className="home__hello">
        <Text className="home__greet" data-testid="home-greeting">
          {m.name}，{greeting()}
        </Text>
        <Text className="home__org" data-testid="home-org">
          {m.orgName}
          {m.groupName ? ` · ${m.groupName}` : ''}
        </Text>
      </View>
      {isDistrictAdmin(m.roles) && (
        <View className="home__wide" data-testid="shortcut-district" onClick={() => void Taro.navigateTo({ url: ROUTES.district })}>
          <View className="home__wide-main">
            <Text className="home__tile-title">全区学校</Text>
            <Text className="home__tile-sub">区教育工会：查看本区各学校</Text>
          </View>
          <Text className="row__chevron">›</Text>
        </View>
      )}
      <View className="home__grid">
        {SHORTCUTS.map((s) => (
          <View
            key={s.key}
            className="home__tile"
            data-testid={`shortcut-${s.key}`}
            onClick={() => void Taro.switchTab({ url: s.url })}
          >
            <Image className="home__icon" src={s.icon} mode="aspectFit" />
            <Text className="home__tile-title">{s.title}</Text>
            <Text className="home__tile-sub">{s.sub}</Text>
          </View>
        ))}
      </View>
    </Page>
  )
}
