import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import NoOrphan from '../../components/NoOrphan'
import { AsyncView, EmptyState } from '../../components/StateViews'
import type { BallotView } from '../../api/types'
import { ROUTES } from '../../lib/routes'
import { useAsync } from '../../lib/useAsync'
import { ballotApi } from '../shared/api'
import { myReceipt, receiptBlocks, turnoutText } from '../shared/ballot'
import { usePoll } from '../shared/usePoll'
import '../shared/ballot.css'

/** 投票回执: the receipt this phone kept, in blocks of 4, to copy; the live turnout under it. */
export default function BallotReceipt() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const receipt = id ? myReceipt(id) : undefined
  const data = useAsync<BallotView>(() => ballotApi.get(id), [id], !!id)
  usePoll(() => data.reload(), data.data?.status === 'open')

  if (!id || !receipt) {
    return (
      <Page testId="page-ballot-receipt">
        <EmptyState
          title="这台手机上没有保存回执"
          hint="回执只保存在投票用的那台手机上。"
          action={
            <BigButton type="default" onClick={() => void Taro.redirectTo({ url: id ? ROUTES.ballot(id) : ROUTES.ballots })} testId="receipt-back">
              返回表决
            </BigButton>
          }
        />
      </Page>
    )
  }
  const copy = () =>
    void Taro.setClipboardData({ data: receipt })
      .then(() => Taro.showToast({ title: '回执已复制', icon: 'success' }))
      .catch(() => undefined)
  return (
    <Page testId="page-ballot-receipt">
      <AsyncView data={data.data} error={data.error} onRetry={() => void data.reload()} loadingText="正在加载表决…">
        {(b) => (
          <>
            <View className="card" data-testid="receipt-card">
              <Text className="bl-title">投票成功</Text>
              <Text className="bl-meta">{b.title}</Text>
              <Text className="bl-section bl-gap">
                您的回执
              </Text>
              <View className="bl-receipt" data-testid="receipt-value" data-receipt={receipt}>
                {receiptBlocks(receipt).map((block, i) => (
                  <Text key={i} className="bl-receipt__block">
                    {block}
                  </Text>
                ))}
              </View>
              <View className="actions">
                <BigButton onClick={copy} testId="receipt-copy">
                  复制回执
                </BigButton>
              </View>
              <Text className="hint bl-after">
                <NoOrphan text="回执不显示您投了什么，别人也不知道哪张回执是您的。投票结束后会公布全部回执，您可以用它核对自己的选票已计入。这台手机也记住了它。" />
              </Text>
            </View>
            <View className="card">
              <Text className="bl-turnout" data-testid="ballot-turnout">
                {turnoutText(b.votedCount, b.eligibleCount)}
              </Text>
              <View className="actions">
                <BigButton
                  type="default"
                  onClick={() => void Taro.redirectTo({ url: b.status === 'closed' ? ROUTES.ballotResults(b.ballotId) : ROUTES.ballot(b.ballotId) })}
                  testId="receipt-back"
                >
                  {b.status === 'closed' ? '查看结果' : '返回表决'}
                </BigButton>
              </View>
            </View>
          </>
        )}
      </AsyncView>
    </Page>
  )
}
