import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import NoOrphan from '../../components/NoOrphan'
import StatusTag from '../../components/StatusTag'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { api } from '../../api/more'
import type { MyDonations } from '../../api/types'
import { yuan } from '../../lib/campaigns'
import { STATUS_TEXT } from '../status'
import { fmtDateTime } from '../../lib/events'
import { ROUTES } from '../../lib/routes'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { withRecentGifts } from '../recent'
import '../campaign/index.css'

/** 我的捐款: each gift with its status (未通过 with the reason), and what I gave each year. */
export default function MyDonationsPage() {
  // A gift just given here shows at once, even before the list's index has it (recent.ts).
  const data = useAsync<MyDonations>(async () => withRecentGifts(await api.myDonations()), [])
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => data.reload())

  return (
    <Page testId="page-my-donations">
      <AsyncView
        data={data.data}
        error={data.error}
        onRetry={() => void data.reload()}
        loadingText="正在加载我的捐款…"
        isEmpty={(d) => d.donations.length === 0}
        empty={
          <EmptyState
            title="您还没有捐过款"
            action={
              <BigButton onClick={() => void Taro.switchTab({ url: ROUTES.donate })} testId="mydon-go">
                看看捐款活动
              </BigButton>
            }
          />
        }
      >
        {(d) => (
          <>
            <View className="card" data-testid="mydon-years">
              <Text className="cp-section">每年合计</Text>
              {d.years.map((y) => (
                <View key={y.year} className="cp-row" data-testid={`mydon-year-${y.year}`}>
                  <Text className="cp-row__name">{y.year} 年</Text>
                  <View className="cp-gift__right">
                    <Text className="cp-row__money">已确认 {yuan(y.confirmedFen)}</Text>
                    {y.recordedFen !== y.confirmedFen && <Text className="hint">含待确认共 {yuan(y.recordedFen)}</Text>}
                  </View>
                </View>
              ))}
            </View>
            <View className="card">
              <Text className="cp-section">每一笔</Text>
              {d.donations.map((g) => {
                const s = STATUS_TEXT[g.status]
                return (
                  <View
                    key={g.donationId}
                    className="cp-gift"
                    data-testid={`mydon-${g.donationId}`}
                    onClick={() => void Taro.navigateTo({ url: ROUTES.campaign(g.campaignId) })}
                  >
                    <View className="cp-gift__main">
                      <View className="cp-gift__text">
                        <Text className="cp-row__name">
                          <NoOrphan text={g.campaignTitle} />
                        </Text>
                        <Text className="hint">
                          {fmtDateTime(g.recordedAt)}
                          {g.anonymous ? ' · 匿名' : ''}
                          {g.recordedBy ? ` · ${g.recordedBy.name}代收` : ''}
                        </Text>
                      </View>
                      <View className="cp-gift__right">
                        <Text className="cp-row__money">{yuan(g.amountFen)}</Text>
                        <StatusTag text={s.text} tone={s.tone} testId={`mydon-status-${g.donationId}`} />
                      </View>
                    </View>
                    {g.status === 'rejected' && (
                      <Text className="field__error" data-testid={`mydon-reason-${g.donationId}`}>
                        未通过原因：{g.rejectReason ?? '未说明'}
                      </Text>
                    )}
                  </View>
                )
              })}
            </View>
          </>
        )}
      </AsyncView>
    </Page>
  )
}
