import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../components/StateViews'
import { useMe } from '../../lib/session'
import { ROUTES } from '../../lib/routes'
import { isDistrictAdmin } from '../../lib/roles'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { chinaParts } from '@shared/domain/chinaTime'
import CardView from './CardView'
import { loadHome, type SourceResult } from './sources'
import './index.css'

function greeting(d = new Date()): string {
  const h = chinaParts(d).hour
  if (h < 5) return '夜深了'
  if (h < 11) return '早上好'
  if (h < 13) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}

/** 首页: a greeting, then what waits for me (my next events, events open to me, new messages). */
export default function Home() {
  const { me, error, reload } = useMe()
  const home = useAsync<SourceResult[]>(() => loadHome(me!.member), [me?.member.memberId], !!me)
  usePullDownRefresh(() => {
    void Promise.all([reload(), home.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => me && home.reload())

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
        <View role="button" className="home__wide" data-testid="shortcut-district" onClick={() => void Taro.navigateTo({ url: ROUTES.district })}>
          <View className="home__wide-main">
            <Text className="home__wide-title">全区学校</Text>
            <Text className="home__wide-sub">区教育工会：查看本区各学校</Text>
          </View>
          <Text className="row__chevron">›</Text>
        </View>
      )}
      <Waiting results={home.data} error={home.error} retry={() => void home.reload()} />
    </Page>
  )
}

/** The cards, or why there are none: still loading, nothing could be loaded, nothing waits. */
function Waiting({ results, error, retry }: { results: SourceResult[] | undefined; error: unknown; retry: () => void }) {
  if (!results) return error ? <ErrorState error={error} onRetry={retry} /> : <LoadingState text="正在看看有什么事…" />
  const failed = results.flatMap((r) => ('error' in r ? [r.error] : []))
  if (failed.length === results.length) return <ErrorState error={failed[0]} onRetry={retry} />
  const cards = results.flatMap((r) => ('cards' in r ? r.cards : []))
  return (
    <>
      {failed.length > 0 && <InlineError error={failed[0]} onRetry={retry} />}
      {cards.map((c) => (
        <CardView key={c.key} card={c} />
      ))}
      {cards.length === 0 && !failed.length && (
        <EmptyState
          title="现在没有要办的事"
          hint="有新活动、新消息时，会显示在这里。"
          action={
            <BigButton type="default" onClick={() => void Taro.switchTab({ url: ROUTES.events })} testId="home-go-events">
              看看全部活动
            </BigButton>
          }
        />
      )}
    </>
  )
}
