import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import LoadingOverlay from '../../components/LoadingOverlay'
import { AsyncView } from '../../components/StateViews'
import { useAsync } from '../../lib/useAsync'
import { exportXlsx } from '../../lib/exportXlsx'
import type { MeResult as Me } from '../../api/types'
import Bars from '../shared/Bars'
import DatePick from '../shared/DatePick'
import { CommitteeGate } from '../shared/Gate'
import { reportApi, type TermReport } from '../shared/api'
import { chartBars, figureGroups } from '../shared/figures'
import { REPORT_ROUTES } from '../shared/routes'
import { currentTerm, fmtDay, termName, withFrom, withTo, type Term } from '../shared/term'
import { AID_CATEGORIES, AID_CATEGORY_LABELS } from '@shared/domain/aid'
import { formatFen } from '@shared/domain/fen'
import '../shared/report.css'

/** 学期总结: a term's figures in plain Chinese, charts, the records behind each, the draft and the table to download. */
export default function ReportPage() {
  return <Page testId="page-report">{<CommitteeGate>{(me) => <Report me={me} />}</CommitteeGate>}</Page>
}

function Report({ me }: { me: Me }) {
  const orgId = me.member.orgId
  const [term, setTerm] = useState<Term>(() => currentTerm())
  const [busy, setBusy] = useState<string | null>(null)
  const report = useAsync<TermReport>(() => reportApi.report(orgId, term), [orgId, term.from, term.to])
  usePullDownRefresh(() => {
    void report.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const setFrom = (from: string) => setTerm((t) => withFrom(t, from))
  const setTo = (to: string) => setTerm((t) => withTo(t, to))
  const open = (figure: string, title: string) => void Taro.navigateTo({ url: REPORT_ROUTES.records(figure, term, title) })
  const download = async (kind: 'docx' | 'xlsx') => {
    setBusy(kind === 'docx' ? '正在生成总结初稿…' : '正在导出统计表…')
    const name = `${me.member.orgName}-${termName(term)}`
    if (kind === 'docx') await exportXlsx(reportApi.docxPath(orgId, term), `${name}-工作总结初稿.docx`, '总结初稿已下载', 'docx')
    else await exportXlsx(reportApi.xlsxPath(orgId, term), `${name}-统计表.xlsx`, '统计表已下载')
    setBusy(null)
  }

  return (
    <>
      <View className="card" data-testid="report-term">
        <Text className="rp-term" data-testid="report-term-name">
          {termName(term)}
        </Text>
        <Text className="hint">
          {fmtDay(term.from)}至{fmtDay(term.to)}（含首尾两天）
        </Text>
        <View className="rp-dates">
          <DatePick label="开始" value={term.from} onChange={setFrom} testId="report-from" />
          <DatePick label="结束" value={term.to} onChange={setTo} testId="report-to" />
        </View>
      </View>

      <AsyncView data={report.data} error={report.error} onRetry={() => void report.reload()} loadingText="正在统计本学期数据…">
        {(r) => {
          const charts = chartBars(r)
          const tap = <T extends { figure: string; label: string }>(bars: T[]) => bars.map((b) => ({ ...b, onTap: () => open(b.figure, b.label) }))
          return (
            <>
              <Text className="section-title">点任意一项，可查看背后的名单和记录</Text>
              {figureGroups(r).map((g) => (
                <View key={g.key} className="card" data-testid={`report-group-${g.key}`}>
                  <Text className="rp-section">{g.title}</Text>
                  {g.figures.map((f) => (
                    <View key={f.figure} role="button" className="rp-fig" data-testid={`fig-${f.figure}`} onClick={() => open(f.figure, f.label)}>
                      <Text className="rp-fig__label">{f.label}</Text>
                      <Text className="rp-fig__value">
                        {f.value}
                        <Text className="rp-fig__more">›</Text>
                      </Text>
                    </View>
                  ))}
                  {g.key === 'events' && (
                    <Chart title="各活动参加人数" empty="本学期没有举办活动" bars={tap(charts.events)} testId="chart-events" />
                  )}
                  {g.key === 'donations' && (
                    <Chart title="各捐款活动已确认金额" empty="本学期没有捐款活动" bars={tap(charts.campaigns)} testId="chart-campaigns" />
                  )}
                  {g.key === 'proposals' && <Chart title="提案办理结果" empty="" bars={tap(charts.proposals)} testId="chart-proposals" />}
                  {g.key === 'ballots' && (
                    <Chart title="各次表决投票率" empty="本学期没有结束的表决" bars={tap(charts.ballots)} testId="chart-ballots" />
                  )}
                  {g.key === 'care' && <Chart title="按慰问类别" empty="本学期没有走访记录" bars={tap(charts.care)} testId="chart-care" />}
                </View>
              ))}
              <View className="card" data-testid="report-aid">
                <Text className="rp-section">困难补助</Text>
                <View className="rp-fig rp-fig--plain">
                  <Text className="rp-fig__label">发放补助</Text>
                  <Text className="rp-fig__value">
                    {r.aid.count} 人次 ¥{formatFen(r.aid.fen)}
                  </Text>
                </View>
                {AID_CATEGORIES.filter((c) => r.aid.byCategory[c].count > 0).map((c) => (
                  <View key={c} className="rp-fig rp-fig--plain" data-testid={`aid-${c}`}>
                    <Text className="rp-fig__label">{AID_CATEGORY_LABELS[c]}</Text>
                    <Text className="rp-fig__value">
                      {r.aid.byCategory[c].count} 人次 ¥{formatFen(r.aid.byCategory[c].fen)}
                    </Text>
                  </View>
                ))}
                <Text className="hint">只列人次和金额：谁得到补助，只有工会主席和财务知道。</Text>
              </View>
              <View className="actions">
                <BigButton onClick={() => void download('docx')} testId="report-docx" className="big-button--hero">
                  下载工作总结初稿（Word）
                </BigButton>
              </View>
              <View className="actions">
                <BigButton type="default" onClick={() => void download('xlsx')} testId="report-xlsx">
                  下载统计表（Excel）
                </BigButton>
              </View>
              <Text className="hint rp-foot">初稿只写记录里的事实和准确数字，请在此基础上修改完善。</Text>
            </>
          )
        }}
      </AsyncView>
      <LoadingOverlay visible={!!busy} text={busy ?? ''} />
    </>
  )
}

function Chart({ title, empty, bars, testId }: { title: string; empty: string; bars: Parameters<typeof Bars>[0]['bars']; testId: string }) {
  return (
    <>
      <Text className="rp-chart-title">{title}</Text>
      {bars.length === 0 ? <Text className="hint">{empty}</Text> : <Bars bars={bars} testId={testId} label={title} />}
    </>
  )
}
