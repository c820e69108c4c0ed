import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import Page from '../../components/Page'
import { AsyncView } from '../../components/StateViews'
import { fmtDate } from '../../lib/events'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import { papi } from '../api'
import { countdown } from '../labels'
import { ProposalList } from '../parts'
import '../proposal.css'

/** 我的提案: what I proposed, what I answer for as an office's contact, what waits for my 附议. */
export default function MyProposalsPage() {
  const data = useAsync(() => papi.mine(), [])
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => data.reload())
  return (
    <Page testId="page-my-proposals">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载我的提案…">
        {(d) => (
          <>
            {d.toCosign.length > 0 && (
              <>
                <Text className="section-title">{`待我附议（${d.toCosign.length}）`}</Text>
                <ProposalList items={d.toCosign} empty="" testId="mine-to-cosign" />
              </>
            )}
            {d.assigned.length > 0 && (
              <>
                <Text className="section-title">{`交给我办理（${d.assigned.length}）`}</Text>
                <ProposalList
                  items={d.assigned}
                  empty=""
                  testId="mine-assigned"
                  extra={(p) => (p.dueAt && p.status === 'accepted' ? `${fmtDate(p.dueAt)}前 ${countdown(p.dueAt).text}` : undefined)}
                />
              </>
            )}
            <Text className="section-title">{`我提的（${d.proposals.length}）`}</Text>
            <ProposalList items={d.proposals} empty="您还没有提过提案。教代会代表可以在提案征集期间写提案。" testId="mine-proposals" />
          </>
        )}
      </AsyncView>
    </Page>
  )
}
