import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import RoleTags from '../../components/RoleTags'
import LoadingOverlay from '../../components/LoadingOverlay'
import { AsyncView, EmptyState } from '../../components/StateViews'
import type { Member, MemberList } from '../../api/types'
import { ROUTES } from '../../lib/routes'
import { useAsync } from '../../lib/useAsync'
import AdminGate from '../shared/NoAccess'
import { useAdmin } from '../shared/admin'
import { groupName, isRosterDirty, loadRoster, sortMembers, exportRosterXlsx } from '../shared/roster'
import '../shared/admin.css'
import SearchBox from '../../components/SearchBox'

const PAGE_SIZE = 100

export default function Roster() {
  const admin = useAdmin()
  const { orgId, allowed } = admin
  const roster = useAsync<MemberList>(() => loadRoster(orgId), [orgId], !!orgId && allowed)
  const [query, setQuery] = useState('')
  const [group, setGroup] = useState('')
  const [limit, setLimit] = useState(PAGE_SIZE)
  const [exporting, setExporting] = useState(false)

  usePullDownRefresh(() => {
    void roster.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (isRosterDirty() && orgId) void roster.reload()
  })

  const shown = useMemo(() => {
    const d = roster.data
    if (!d) return []
    const q = query.trim()
    return sortMembers(
      d.members.filter((m) => (!group || m.groupId === group) && (!q || m.name.includes(q) || (m.staffNo ?? '').includes(q))),
      d.groups,
    )
  }, [roster.data, query, group])

  if (!admin.me || !allowed) {
    return (
      <Page testId="page-roster">
        <AdminGate loading={admin.loading} error={admin.error} allowed={allowed} onRetry={() => void admin.reload()} />
      </Page>
    )
  }

  const exportRoster = async () => {
    setExporting(true)
    await exportRosterXlsx(orgId, admin.me?.member.orgName ?? '')
    setExporting(false)
  }

  const summary = (d: MemberList) => {
    const active = d.members.filter((m) => m.active)
    const retired = active.filter((m) => m.retired).length
    const inactive = d.members.length - active.length
    return `共 ${active.length} 人${retired ? `（其中退休 ${retired} 人）` : ''}${inactive ? `，已停用 ${inactive} 人` : ''}`
  }

  return (
    <Page testId="page-roster">
      <View className="actions-row">
        <BigButton type="default" onClick={() => void Taro.navigateTo({ url: ROUTES.importRoster })} testId="roster-import">
          导入
        </BigButton>
        <BigButton type="default" onClick={() => void exportRoster()} testId="roster-export">
          导出
        </BigButton>
      </View>

      <SearchBox
        value={query}
        onChange={(q) => {
          setQuery(q)
          setLimit(PAGE_SIZE)
        }}
        placeholder="输入姓名或工号查找"
        testId="roster-search"
      />

      {roster.data && roster.data.groups.length > 0 && (
        <View className="chips roster__groups">
          <View role="button" className={`chip${group === '' ? ' chip--on' : ''}`} onClick={() => setGroup('')} data-testid="group-filter-all">
            全部小组
          </View>
          {roster.data.groups.map((g) => (
            <View
              key={g.groupId}
              className={`chip${group === g.groupId ? ' chip--on' : ''}`}
              onClick={() => {
                setGroup(group === g.groupId ? '' : g.groupId)
                setLimit(PAGE_SIZE)
              }}
              data-testid={`group-filter-${g.groupId}`}
            >
              {g.name}
            </View>
          ))}
        </View>
      )}

      <AsyncView
        data={roster.data}
        loading={roster.loading}
        error={roster.error}
        onRetry={() => void roster.reload()}
        loadingText="正在加载花名册…"
        isEmpty={(d) => d.members.length === 0}
        empty={
          <EmptyState
            title="花名册还是空的"
            hint="请先用 Excel 导入全校教职工。"
            action={
              <BigButton onClick={() => void Taro.navigateTo({ url: ROUTES.importRoster })} testId="roster-empty-import">
                导入花名册
              </BigButton>
            }
          />
        }
      >
        {(d) =>
          shown.length === 0 ? (
            <EmptyState
              title="没有找到符合条件的会员"
              hint={query ? `没有姓名或工号包含“${query.trim()}”的人` : '这个小组还没有会员'}
              action={
                <BigButton
                  type="default"
                  onClick={() => {
                    setQuery('')
                    setGroup('')
                  }}
                  testId="roster-clear-filters"
                >
                  显示全部
                </BigButton>
              }
            />
          ) : (
            <>
              <Text className="section-title" data-testid="roster-summary">
                {query || group ? `找到 ${shown.length} 人 · ` : ''}
                {summary(d)}
              </Text>
              <View className="list">
                {shown.slice(0, limit).map((m) => (
                  <MemberRow key={m.memberId} m={m} group={groupName(d.groups, m.groupId, m.groupName)} />
                ))}
              </View>
              {shown.length > limit && (
                <View className="actions">
                  <BigButton type="default" onClick={() => setLimit(limit + PAGE_SIZE)} testId="roster-more">
                    再显示 {Math.min(PAGE_SIZE, shown.length - limit)} 人（还有 {shown.length - limit} 人）
                  </BigButton>
                </View>
              )}
            </>
          )
        }
      </AsyncView>
      <LoadingOverlay visible={exporting} text="正在导出…" />
    </Page>
  )
}

function MemberRow({ m, group }: { m: Member; group: string }) {
  return (
    <View
      className={`row row--tap${m.active ? '' : ' row--disabled'}`}
      data-testid={`member-${m.memberId}`}
      data-active={m.active ? 'true' : 'false'}
      onClick={() => void Taro.navigateTo({ url: ROUTES.member(m.memberId) })}
    >
      <View className="row__main">
        <View className="roster__name-line">
          <Text className="row__title">{m.name}</Text>
          {!m.active && (
            <Text className="tag tag--inactive roster__inactive" data-testid="tag-inactive">
              已停用
            </Text>
          )}
        </View>
        <Text className="row__sub">
          {group}
          {m.staffNo ? ` · 工号 ${m.staffNo}` : ''}
        </Text>
        <RoleTags roles={m.roles} delegateTerm={m.delegateTerm} retired={m.retired} hideMember />
      </View>
      <Text className="row__chevron">›</Text>
    </View>
  )
}
