import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import Page from '../../components/Page'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { papi } from '../api'
import { ProposalList } from '../parts'
import '../proposal.css'

/** 超期督办 (committee): accepted proposals past their deadline and still unanswered; each opens to 督办. */
export default function Overdue() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const orgId = me?.member.orgId ?? ''
  const data = useAsync(async () => (await papi.overdue(orgId)).proposals, [orgId], !!orgId)
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => orgId && data.reload())
  if (!me) {
    return <Page testId="page-overdue">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  }
  return (
    <Page testId="page-overdue">
      <AsyncView
        data={data.data}
        error={data.error}
        onRetry={() => void data.reload()}
        loadingText="正在加载超期提案…"
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="没有超期的提案" hint="立案后过了办理期限还没答复的提案会列在这里。" />}
      >
        {(d) => (
          <>
            <Text className="section-title">{`超期未答复（${d.length}）`}</Text>
            <ProposalList
              items={d}
              empty=""
              testId="overdue-list"
              extra={(p) => {
                const o = p as (typeof d)[number]
                return [o.decision?.office, `已超期 ${o.overdueDays} 天`, o.chases?.length ? `督办 ${o.chases.length} 次` : ''].filter(Boolean).join(' · ')
              }}
            />
          </>
        )}
      </AsyncView>
    </Page>
  )
}
