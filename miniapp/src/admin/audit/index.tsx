import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '../../components/Page'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { isChair } from '../../lib/roles'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import AdminGate from '../shared/NoAccess'
import { useAdmin } from '../shared/admin'
import { loadAudit, type AuditPage } from '../shared/audit'
import { describeAudit, fmtAuditTime, type AuditEntry, type AuditNames } from '../shared/auditText'
import '../shared/admin.css'
import '../shared/audit.css'

/** The server returns at most this many entries (newest first). */
const SERVER_LIMIT = 200

/** 操作记录 (chair only): who did what in 管理 and 活动管理, newest first. */
export default function Audit() {
  const admin = useAdmin()
  const { orgId } = admin
  const chair = isChair(admin.me?.member.roles)
  const log = useAsync<AuditPage>(() => loadAudit(orgId), [orgId], !!orgId && chair)

  usePullDownRefresh(() => {
    if (!chair) return void Taro.stopPullDownRefresh()
    void log.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => {
    if (chair) void log.reload()
  })

  if (!admin.me || admin.error) {
    return (
      <Page testId="page-audit">
        <AdminGate loading={admin.loading} error={admin.error} allowed={admin.allowed} onRetry={() => void admin.reload()} />
      </Page>
    )
  }
  if (!chair) {
    return (
      <Page testId="page-audit">
        <EmptyState title="只有工会主席可以查看" hint="操作记录里是委员们在“管理”中做过的每一项修改，由工会主席查看。" />
      </Page>
    )
  }

  return (
    <Page testId="page-audit">
      <AsyncView
        data={log.data}
        loading={log.loading}
        error={log.error}
        onRetry={() => void log.reload()}
        loadingText="正在加载操作记录…"
        isEmpty={(d) => d.entries.length === 0}
        empty={<EmptyState title="还没有操作记录" hint="委员们导入花名册、修改会员信息、发布活动等，都会记在这里。" />}
      >
        {(d) => (
          <>
            <Text className="section-title">
              {d.entries.length >= SERVER_LIMIT ? `最近 ${d.entries.length} 条，最新的在最上面` : `共 ${d.entries.length} 条，最新的在最上面`}
            </Text>
            <View className="list" data-testid="audit-list">
              {d.entries.map((e, i) => (
                <AuditRow key={`${e.at}-${i}`} entry={e} names={d.names} />
              ))}
            </View>
            <Text className="hint audit__foot">下拉可以刷新</Text>
          </>
        )}
      </AsyncView>
    </Page>
  )
}

function AuditRow({ entry, names }: { entry: AuditEntry; names: AuditNames }) {
  const line = describeAudit(entry, names)
  return (
    <View className="audit-row" data-testid="audit-entry" data-action={entry.action}>
      <Text className="audit-row__title">{line.title}</Text>
      {line.detail && <Text className="audit-row__detail">{line.detail}</Text>}
      {line.changes?.map((c) => (
        <Text key={c} className="audit-row__change" data-testid="audit-change">
          {c}
        </Text>
      ))}
      <View className="audit-row__meta">
        <Text className="audit-row__who">{entry.actorName}</Text>
        <Text className="audit-row__time">{fmtAuditTime(entry.at)}</Text>
      </View>
    </View>
  )
}
