import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import Page from '../../components/Page'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { useAsync } from '../../lib/useAsync'
import type { MeResult as Me } from '../../api/types'
import { CommitteeGate } from '../shared/Gate'
import { reportApi } from '../shared/api'
import { recordText } from '../shared/records'
import { fmtDay, yuanText } from '../shared/term'
import '../shared/report.css'

/** The records behind one figure of the term report: `count` is the figure; money adds up to it. */
export default function RecordsPage() {
  return <Page testId="page-report-records">{<CommitteeGate>{(me) => <Records me={me} />}</CommitteeGate>}</Page>
}

function Records({ me }: { me: Me }) {
  const p = useRouter().params
  const figure = decodeURIComponent(p.figure ?? '')
  const term = { from: decodeURIComponent(p.from ?? ''), to: decodeURIComponent(p.to ?? '') }
  const title = decodeURIComponent(p.title ?? '') || '明细'
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title })
  }, [title])
  const data = useAsync(() => reportApi.records(me.member.orgId, figure, term), [figure, term.from, term.to])
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <AsyncView
      data={data.data}
      error={data.error}
      onRetry={() => void data.reload()}
      loadingText="正在查找记录…"
      isEmpty={(d) => d.records.length === 0}
      empty={<EmptyState title="这一项没有记录" hint={`${fmtDay(term.from)}至${fmtDay(term.to)}`} />}
    >
      {(d) => {
        const fens = d.records.map((r) => (typeof r.amountFen === 'number' ? r.amountFen : typeof r.giftFen === 'number' ? r.giftFen : undefined))
        const sum = fens.every((f) => f === undefined) ? undefined : fens.reduce<number>((n, f) => n + (f ?? 0), 0)
        return (
          <View className="card" data-testid="records">
            <Text className="rp-section" data-testid="records-count">
              {title}：共 {d.records.length} 条{sum !== undefined ? `，合计 ${yuanText(sum)}` : ''}
            </Text>
            <Text className="hint">
              {fmtDay(d.from)}至{fmtDay(d.to)}
            </Text>
            {d.records.map((r, i) => {
              const t = recordText(r)
              return (
                <View key={i} className="rp-rec" data-testid={`record-${i}`}>
                  <View className="rp-rec__head">
                    <Text className="rp-rec__title">{t.title}</Text>
                    {t.amount && <Text className="rp-money">{t.amount}</Text>}
                  </View>
                  {t.facts.length > 0 && <Text className="hint">{t.facts.join(' · ')}</Text>}
                </View>
              )
            })}
          </View>
        )
      }}
    </AsyncView>
  )
}
