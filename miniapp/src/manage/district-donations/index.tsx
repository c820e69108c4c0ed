import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import Page from '../../components/Page'
import Segmented from '../../components/Segmented'
import StatusTag from '../../components/StatusTag'
import NoOrphan from '../../components/NoOrphan'
import { AsyncView, EmptyState } from '../../components/StateViews'
import type { CampaignView } from '../../api/types'
import { KIND_LABELS, yuan } from '../../lib/campaigns'
import { fmtDateTime } from '../../lib/events'
import { isDistrictAdmin } from '../../lib/roles'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import Gate from '../shared/Gate'
import { districtIdOf } from '../shared/district'
import { SCHOOL_ORDERS, districtCampaigns, districtRollup, schoolsGiving, sortSchools, type DistrictRollup, type SchoolOrder } from '../shared/districtDonations'
import '../shared/manage.css'

const PAGE = '/manage/district-donations/index'

/**
 * 全区捐款 (区教育工会管理员 only). Without `id`: the district's 全区 campaigns with the district
 * totals; with `id`: that campaign's totals per school (amount and donor count, never a name),
 * sortable, under the district total.
 */
export default function DistrictDonationsPage() {
  const { me, error, loading, reload } = useMe()
  const member = me?.member
  const allowed = isDistrictAdmin(member?.roles)
  const campaignId = decodeURIComponent(useRouter().params.id ?? '')
  const list = useAsync<CampaignView[]>(async () => (await districtCampaigns(await districtIdOf(member!))).campaigns, [member?.orgId], !!member && allowed && !campaignId)
  const rollup = useAsync<DistrictRollup>(async () => districtRollup(await districtIdOf(member!), campaignId), [member?.orgId, campaignId], !!member && allowed && !!campaignId)
  const [order, setOrder] = useState<SchoolOrder>('amount')
  const schools = useMemo(() => (rollup.data ? sortSchools(rollup.data.schools, order) : []), [rollup.data, order])

  usePullDownRefresh(() => {
    void (allowed ? (campaignId ? rollup : list).reload() : reload()).finally(() => Taro.stopPullDownRefresh())
  })

  if (!member || !allowed) {
    return (
      <Page testId="page-district-donations">
        <Gate loading={loading} error={error} allowed={allowed} onRetry={() => void reload()} who="区教育工会管理员" />
      </Page>
    )
  }

  if (!campaignId) {
    return (
      <Page testId="page-district-donations">
        <AsyncView
          data={list.data}
          error={list.error}
          onRetry={() => void list.reload()}
          loadingText="正在加载全区捐款…"
          isEmpty={(d) => d.length === 0}
          empty={<EmptyState title="还没有全区捐款" hint="区工会发起全区一日捐后，会显示在这里。" />}
        >
          {(cs) => (
            <>
              <Text className="section-title">本区发起的全区捐款（{cs.length}）</Text>
              <View className="list" data-testid="dd-campaigns">
                {cs.map((c) => (
                  <View role="button" key={c.campaignId} className="row row--tap dd__row" data-testid={`dd-campaign-${c.campaignId}`} onClick={() => void Taro.navigateTo({ url: `${PAGE}?id=${encodeURIComponent(c.campaignId)}` })}>
                    <View className="row__main">
                      <Text className="row__title">
                        <NoOrphan text={c.title} />
                      </Text>
                      <Text className="row__sub">
                        已确认 {yuan(c.confirmedFen)} · {c.donorCount} 人捐款
                      </Text>
                      <Text className="row__sub">{c.state === 'open' ? `${fmtDateTime(c.closesAt)} 截止` : '已结束'}</Text>
                    </View>
                    <Text className="row__chevron">›</Text>
                  </View>
                ))}
              </View>
              <Text className="hint dd__note">点一次捐款，可看各校的金额和人数。</Text>
            </>
          )}
        </AsyncView>
      </Page>
    )
  }

  return (
    <Page testId="page-district-donations">
      <AsyncView data={rollup.data} error={rollup.error} onRetry={() => void rollup.reload()} loadingText="正在加载各校捐款…">
        {(r) => (
          <>
            <View className="card dd__head" data-testid="dd-total">
              <View className="dd__title-line">
                <Text className="dt__name">
                  <NoOrphan text={r.campaign.title} />
                </Text>
                <StatusTag text={r.campaign.state === 'open' ? '进行中' : '已结束'} tone={r.campaign.state === 'open' ? 'ok' : 'muted'} />
              </View>
              <Text className="row__sub">
                全区 · {KIND_LABELS[r.campaign.kind]} · {fmtDateTime(r.campaign.closesAt)} {r.campaign.state === 'open' ? '截止' : '已截止'}
              </Text>
              <Text className="dd__label">全区已确认</Text>
              <Text className="dt__count dd__money" data-testid="dd-total-confirmed">
                {yuan(r.campaign.confirmedFen)}
              </Text>
              <Text className="row__sub" data-testid="dd-total-sub">
                已登记 {yuan(r.campaign.recordedFen)} · {r.campaign.donorCount} 人捐款
              </Text>
              <Text className="row__sub" data-testid="dd-total-schools">
                {r.schools.length} 所学校，{schoolsGiving(r.schools)} 所已有捐款
              </Text>
            </View>
            <Segmented items={SCHOOL_ORDERS} value={order} onChange={setOrder} testId="dd-order" />
            <Text className="section-title">各校捐款（已确认金额）</Text>
            {schools.length === 0 ? (
              <EmptyState title="本区还没有学校" hint="学校开通“教工之家”后会出现在这里。" />
            ) : (
              <View className="list" data-testid="dd-schools">
                {schools.map((s, i) => (
                  <View key={s.orgId} className="row dd__row" data-testid={`dd-school-${s.orgId}`}>
                    <Text className="dd__rank">{i + 1}</Text>
                    <View className="row__main">
                      <Text className="row__title">
                        <NoOrphan text={s.name} />
                      </Text>
                      <Text className="row__sub">{s.donorCount} 人捐款</Text>
                      <Text className="row__sub">已登记 {yuan(s.recordedFen)}</Text>
                    </View>
                    <Text className="dd__amount" data-testid={`dd-school-confirmed-${s.orgId}`}>
                      {yuan(s.confirmedFen)}
                    </Text>
                  </View>
                ))}
              </View>
            )}
            <Text className="hint dd__note">只显示各校金额和人数，不显示捐款人姓名。</Text>
          </>
        )}
      </AsyncView>
    </Page>
  )
}
