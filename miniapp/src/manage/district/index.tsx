import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import LoadingOverlay from '../../components/LoadingOverlay'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { api } from '../../api/more'
import { errorMessage } from '../../api/client'
import type { DistrictOrgs } from '../../api/types'
import { isDistrictAdmin } from '../../lib/roles'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import Gate from '../shared/Gate'
import { findSchools, loadDistrict } from '../shared/district'
import '../shared/manage.css'
import SearchBox from '../../components/SearchBox'
import { ROUTES } from '../../lib/routes'

/** 全区学校 (区教育工会管理员 only): the schools of the admin's district, found by name. */
export default function DistrictPage() {
  const { me, error, loading, reload } = useMe()
  const member = me?.member
  const allowed = isDistrictAdmin(member?.roles)
  const district = useAsync<DistrictOrgs>(() => loadDistrict(member!), [member?.orgId], !!member && allowed)
  const [query, setQuery] = useState('')
  const [opening, setOpening] = useState(false)
  const shown = useMemo(() => (district.data ? findSchools(district.data.orgs, query) : []), [district.data, query])

  usePullDownRefresh(() => {
    void (allowed ? district.reload() : reload()).finally(() => Taro.stopPullDownRefresh())
  })

  if (!member || !allowed) {
    return (
      <Page testId="page-district">
        <Gate loading={loading} error={error} allowed={allowed} onRetry={() => void reload()} who="区教育工会管理员" />
      </Page>
    )
  }

  /** A school's card: its name and its 教代会 term, read fresh from the server. */
  const openSchool = async (orgId: string) => {
    setOpening(true)
    try {
      const o = await api.org(orgId)
      setOpening(false)
      await Taro.showModal({ title: o.name, content: o.congressTerm ? `教代会：${o.congressTerm}` : '教代会届次：未填写', showCancel: false, confirmText: '知道了' })
    } catch (e) {
      setOpening(false)
      await Taro.showModal({ title: '打不开这所学校', content: errorMessage(e), showCancel: false, confirmText: '知道了' })
    }
  }

  return (
    <Page testId="page-district">
      <AsyncView
        data={district.data}
        error={district.error}
        onRetry={() => void district.reload()}
        loadingText="正在加载全区学校…"
        isEmpty={(d) => d.orgs.length === 0}
        empty={<EmptyState title="本区还没有学校" hint="学校开通“教工之家”后会出现在这里。" />}
      >
        {(d) => (
          <>
            <View className="card dt__head">
              <Text className="dt__name" data-testid="district-name">
                {d.name || '区教育工会'}
              </Text>
              <Text className="dt__count" data-testid="district-count">
                共 {d.orgs.length} 所学校
              </Text>
            </View>
            <BigButton type="default" onClick={() => void Taro.navigateTo({ url: ROUTES.districtReport })} testId="district-report-link">
              各校学期汇总
            </BigButton>
            <SearchBox value={query} onChange={setQuery} placeholder="输入学校名称查找" testId="district-search" />
            {shown.length === 0 ? (
              <EmptyState
                title="没有找到这所学校"
                hint={`没有名称包含“${query.trim()}”的学校`}
                action={
                  <BigButton type="default" onClick={() => setQuery('')} testId="district-show-all">
                    显示全部学校
                  </BigButton>
                }
              />
            ) : (
              <>
                {query.trim() ? (
                  <Text className="section-title" data-testid="district-summary">
                    找到 {shown.length} 所
                  </Text>
                ) : (
                  <Text className="section-title">点学校可看教代会届次</Text>
                )}
                <View className="list" data-testid="district-list">
                  {shown.map((o) => (
                    <View role="button" key={o.orgId} className="row row--tap dt__row" data-testid={`school-${o.orgId}`} onClick={() => void openSchool(o.orgId)}>
                      <View className="row__main">
                        <Text className="row__title">{o.name}</Text>
                      </View>
                      <Text className="row__chevron">›</Text>
                    </View>
                  ))}
                </View>
              </>
            )}
          </>
        )}
      </AsyncView>
      <LoadingOverlay visible={opening} text="正在打开…" />
    </Page>
  )
}
