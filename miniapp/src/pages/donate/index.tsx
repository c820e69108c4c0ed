import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import CampaignCard from '../../components/CampaignCard'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { api } from '../../api'
import type { CampaignView } from '../../api/types'
import { sortCampaigns } from '../../lib/campaigns'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'

/** 捐款 tab: the school's campaigns with their progress; each opens in the `donate` sub-package. */
export default function Donate() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const orgId = me?.member.orgId ?? ''
  const list = useAsync<CampaignView[]>(async () => sortCampaigns((await api.campaigns(orgId)).campaigns), [orgId], !!orgId)
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => orgId && list.reload())

  if (!me) {
    return <Page testId="page-donate">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  return (
    <Page testId="page-donate">
      <View className="actions">
        <BigButton type="default" onClick={() => void Taro.navigateTo({ url: ROUTES.myDonations })} testId="donate-mine">
          我的捐款
        </BigButton>
      </View>
      <AsyncView
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在加载捐款活动…"
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="现在没有捐款活动" hint="工会发起一日捐等捐款后，会显示在这里。" />}
      >
        {(cs) => (
          <View data-testid="campaign-list">
            {cs.map((c) => (
              <CampaignCard key={c.campaignId} c={c} link />
            ))}
            <Text className="hint cp-tip">下拉可以刷新</Text>
          </View>
        )}
      </AsyncView>
    </Page>
  )
}
