import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CARE_KIND_LABELS, CARE_KINDS } from '@shared/domain/care'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import NoOrphan from '../../components/NoOrphan'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { useAsync } from '../../lib/useAsync'
import { useReloadOnShow } from '../../lib/useReloadOnShow'
import type { MeResult as Me } from '../../api/types'
import { CommitteeGate } from '../shared/Gate'
import { reportApi } from '../shared/api'
import { REPORT_ROUTES } from '../shared/routes'
import DatePick from '../shared/DatePick'
import { currentTerm, fmtDay, periodRange, rangeText, withFrom, withTo, yuanText, type Period, type Term } from '../shared/term'
import '../shared/report.css'

const PERIODS: [Period, string][] = [
  ['all', '全部时间'],
  ['term', '本学期'],
  ['lastTerm', '上学期'],
  ['month', '本月'],
  ['custom', '自定义'],
]

/** 送温暖: the committee's visits (五必访), newest first, filtered by kind and time; 登记走访 adds one. */
export default function CarePage() {
  return <Page testId="page-care">{<CommitteeGate>{(me) => <Visits me={me} />}</CommitteeGate>}</Page>
}

function Visits({ me }: { me: Me }) {
  const [kind, setKind] = useState('')
  const [period, setPeriod] = useState<Period>('term')
  const [custom, setCustom] = useState<Term>(() => currentTerm())
  const range = periodRange(period, Date.now(), custom)
  // the answer carries what it was asked for: a list is never shown under another filter's words
  const asked = `${kind}|${range.from ?? ''}|${range.to ?? ''}`
  const data = useAsync(
    () => reportApi.visits(me.member.orgId, { kind, ...range }).then((r) => ({ ...r, asked })),
    [me.member.orgId, asked],
  )
  const shown = data.data?.asked === asked ? data.data : undefined
  const pick = (p: Period) => {
    // 自定义 starts from the dates on screen (or this term), then each picker moves one end
    if (p === 'custom' && period !== 'custom' && range.from && range.to) setCustom({ from: range.from, to: range.to })
    setPeriod(p)
  }
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReloadOnShow(() => data.reload())
  const add = () => void Taro.navigateTo({ url: REPORT_ROUTES.careForm() })

  return (
    <>
      <View className="actions">
        <BigButton onClick={add} testId="care-add" className="big-button--hero">
          登记走访慰问
        </BigButton>
      </View>
      <View className="rp-filters">
        <View className="chips" role="radiogroup" aria-label="时间">
          {PERIODS.map(([p, label]) => (
            <View key={p} role="radio" aria-checked={period === p} className={`chip${period === p ? ' chip--on' : ''}`} onClick={() => pick(p)} data-testid={`care-period-${p}`}>
              {label}
            </View>
          ))}
        </View>
        {period === 'custom' && (
          <View className="rp-dates rp-dates--filter" data-testid="care-custom">
            <DatePick label="从" value={custom.from} onChange={(from) => setCustom((c) => withFrom(c, from))} testId="care-from" />
            <DatePick label="到" value={custom.to} onChange={(to) => setCustom((c) => withTo(c, to))} testId="care-to" />
          </View>
        )}
        <View className="chips" role="radiogroup" aria-label="慰问类别">
          <View role="radio" aria-checked={kind === ''} className={`chip${kind === '' ? ' chip--on' : ''}`} onClick={() => setKind('')} data-testid="care-kind-all">
            全部类别
          </View>
          {CARE_KINDS.map((k) => (
            <View key={k} role="radio" aria-checked={kind === k} className={`chip${kind === k ? ' chip--on' : ''}`} onClick={() => setKind(k)} data-testid={`care-kind-${k}`}>
              {CARE_KIND_LABELS[k]}
            </View>
          ))}
        </View>
      </View>
      <Text className="rp-range" data-testid="care-range">
        时间：{rangeText(range)}
      </Text>
      <AsyncView
        data={shown}
        error={data.error}
        onRetry={() => void data.reload()}
        loadingText="正在加载走访记录…"
        isEmpty={(d) => d.visits.length === 0}
        empty={<EmptyState title={kind || period !== 'all' ? '没有符合条件的走访记录' : '还没有走访记录'} hint="生病住院、结婚、生育、丧亲、困难，工会都应上门看望" />}
      >
        {(d) => (
          <View className="list rp-list" data-testid="care-list">
            <View className="row">
              <Text className="hint" data-testid="care-total">
                共 {d.visits.length} 次，慰问金合计 {yuanText(d.visits.reduce((n, v) => n + v.giftFen, 0))}
              </Text>
            </View>
            {d.visits.map((v) => (
              <View key={v.visitId} role="button" className="row row--tap" data-testid={`care-${v.visitId}`} onClick={() => void Taro.navigateTo({ url: REPORT_ROUTES.careForm(v.visitId) })}>
                <View className="row__main">
                  <Text className="row__title">
                    {v.memberName} · {CARE_KIND_LABELS[v.kind]}
                  </Text>
                  <Text className="row__sub">
                    <NoOrphan text={`${fmtDay(v.date)}${v.visitors.length ? ` · 走访人：${v.visitors.map((p) => p.name).join('、')}` : ''}${v.gifts ? ` · ${v.gifts}` : ''}`} />
                  </Text>
                </View>
                <View className="rp-row-right">
                  <Text className="rp-money">{yuanText(v.giftFen)}</Text>
                </View>
                <Text className="row__chevron">›</Text>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </>
  )
}
