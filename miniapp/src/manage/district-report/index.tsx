import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import ChoiceGroup from '../../components/ChoiceGroup'
import Modal from '../../components/Modal'
import NoOrphan from '../../components/NoOrphan'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { exportXlsx } from '../../lib/exportXlsx'
import { isDistrictAdmin } from '../../lib/roles'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import Gate from '../shared/Gate'
import { districtIdOf } from '../shared/district'
import {
  COLUMNS,
  anyFigures,
  cellText,
  columnOf,
  districtReport,
  districtReportXlsxPath,
  percent,
  rateParts,
  recentTerms,
  sortSchools,
  type DistrictReport,
  type DistrictSchool,
  type SchoolColumn,
} from '../shared/districtReport'
import '../shared/manage.css'
import './index.css'

/** How many school cards are drawn at first, and how many more each 再显示 adds (236 schools on a phone). */
const PAGE_SIZE = 50

/** The totals drawn big on top: the figures a district office reports first. */
const HEADLINES: SchoolColumn[] = ['active', 'eventsHeld', 'participations', 'careVisits', 'answerRate', 'turnout', 'confirmedFen', 'careGiftFen', 'aidFen']

/** Sort choices: every column (largest first), or by name. */
const SORTS: { key: SchoolColumn | 'name'; label: string }[] = [{ key: 'name', label: '按校名' }, ...COLUMNS.map((c) => ({ key: c.key, label: `${c.label}（从高到低）` }))]
const sortLabel = (key: SchoolColumn | 'name') => SORTS.find((s) => s.key === key)!.label

/**
 * 各校学期汇总 (区教育工会管理员 only): every school's term figures side by side, from the
 * schools' term tallies. The district's totals on top; then one card per school with the chosen
 * column's value large, sortable by any column; tap a school for all its figures; 导出Excel.
 */
export default function DistrictReportPage() {
  const { me, error, loading, reload } = useMe()
  const member = me?.member
  const allowed = isDistrictAdmin(member?.roles)
  const terms = useMemo(() => recentTerms(), [])
  const [term, setTerm] = useState(terms[0]!.term)
  const [picking, setPicking] = useState<'term' | 'sort' | null>(null)
  const [sort, setSort] = useState<SchoolColumn | 'name'>('participations')
  const [shownCount, setShownCount] = useState(PAGE_SIZE)
  const [open, setOpen] = useState<DistrictSchool | null>(null)
  const [exporting, setExporting] = useState(false)
  const report = useAsync<{ districtId: string; report: DistrictReport }>(
    async () => {
      const districtId = await districtIdOf(member!)
      return { districtId, report: await districtReport(districtId, term) }
    },
    [member?.orgId, term],
    !!member && allowed,
  )
  const schools = useMemo(() => (report.data ? sortSchools(report.data.report.schools, sort) : []), [report.data, sort])

  usePullDownRefresh(() => {
    void (allowed ? report.reload() : reload()).finally(() => Taro.stopPullDownRefresh())
  })

  if (!member || !allowed) {
    return (
      <Page testId="page-district-report">
        <Gate loading={loading} error={error} allowed={allowed} onRetry={() => void reload()} who="区教育工会管理员" />
      </Page>
    )
  }

  const termLabel = terms.find((t) => t.term === term)?.label ?? term
  const exportNow = async (districtId: string) => {
    setExporting(true)
    await exportXlsx(districtReportXlsxPath(districtId, term), `各校工会工作数据汇总-${term}.xlsx`, '汇总表已导出')
    setExporting(false)
  }
  const sortKey: SchoolColumn = sort === 'name' ? 'participations' : sort

  return (
    <Page testId="page-district-report">
      <View role="button" className="card row--tap drp__picker" data-testid="drp-term" onClick={() => setPicking(picking === 'term' ? null : 'term')}>
        <Text className="drp__picker-label">学期</Text>
        <Text className="drp__picker-value" data-testid="drp-term-label">
          <NoOrphan text={termLabel} />
        </Text>
        <Text className="drp__picker-action">{picking === 'term' ? '收起' : '更换 ›'}</Text>
      </View>
      {picking === 'term' && (
        <ChoiceGroup
          choices={terms.map((t) => t.label)}
          value={termLabel}
          onChange={(label) => {
            setTerm(terms.find((t) => t.label === label)!.term)
            setShownCount(PAGE_SIZE)
            setPicking(null)
          }}
          testId="drp-term-choice"
        />
      )}
      <AsyncView data={report.data?.report.term === term ? report.data : undefined} error={report.error} onRetry={() => void report.reload()} loadingText="正在加载各校数据…" isEmpty={(d) => d.report.schools.length === 0} empty={<EmptyState title="本区还没有学校" hint="学校开通“教工之家”后会出现在这里。" />}>
        {({ districtId, report: r }) => (
          <>
            <View className="card drp__totals" data-testid="drp-totals">
              <Text className="dt__name">全区合计</Text>
              <Text className="row__sub">
                {r.schools.length} 所学校 · {r.from} 至 {r.to}
              </Text>
              <View className="drp__grid">
                {HEADLINES.map((k) => (
                  <View key={k} className={`drp__figure${columnOf(k)!.kind === 'fen' ? ' drp__figure--wide' : ''}`} data-testid={`drp-total-${k}`}>
                    <Text className="drp__figure-label">{columnOf(k)!.label.replace('（元）', '')}</Text>
                    <Text className="drp__figure-value">{columnOf(k)!.kind === 'rate' ? percent(r.totals[k] as number | null) : cellText(r.totals, k)}</Text>
                    {rateParts(r.totals, k) && <Text className="drp__figure-sub">{rateParts(r.totals, k)}</Text>}
                  </View>
                ))}
              </View>
              <Text className="hint">合计为各校相加；比率用相加后的数字计算。{r.districtCampaigns ? `全区募捐 ${r.districtCampaigns} 次计入每所学校，合计只算一次。` : ''}</Text>
            </View>
            {!anyFigures(r.schools) && <EmptyState title="这个学期各校还没有数据" hint="学校开展活动、募捐、慰问等工作后，数字会出现在这里。也可以换到上一学期看看。" />}
            <View className="actions">
              <BigButton type="default" onClick={() => void exportNow(districtId)} disabled={exporting} testId="drp-export">
                {exporting ? '正在导出…' : '导出Excel'}
              </BigButton>
            </View>
            <View role="button" className="card row--tap drp__picker" data-testid="drp-sort" onClick={() => setPicking(picking === 'sort' ? null : 'sort')}>
              <Text className="drp__picker-label">排序</Text>
              <Text className="drp__picker-value" data-testid="drp-sort-label">
                {sortLabel(sort)}
              </Text>
              <Text className="drp__picker-action">{picking === 'sort' ? '收起' : '更换 ›'}</Text>
            </View>
            {picking === 'sort' && (
              <ChoiceGroup
                choices={SORTS.map((s) => s.label)}
                value={sortLabel(sort)}
                onChange={(label) => {
                  setSort(SORTS.find((s) => s.label === label)!.key)
                  setPicking(null)
                }}
                testId="drp-sort-choice"
              />
            )}
            <Text className="section-title">各校（点学校看全部数字）</Text>
            <View className="list" data-testid="drp-schools">
              {schools.slice(0, shownCount).map((s, i) => (
                <View role="button" key={s.orgId} className="row row--tap drp__row" data-testid={`drp-school-${s.orgId}`} onClick={() => setOpen(s)}>
                  <Text className="dd__rank">{i + 1}</Text>
                  <View className="row__main">
                    <Text className="row__title">
                      <NoOrphan text={s.name} />
                    </Text>
                    <View className="drp__value">
                      <Text className="drp__value-label">{columnOf(sortKey)!.label.replace('（元）', '')} </Text>
                      <Text className="drp__value-number" data-testid={`drp-value-${s.orgId}`}>
                        {columnOf(sortKey)!.kind === 'rate' ? percent(s[sortKey] as number | null) : cellText(s, sortKey)}
                      </Text>
                      {rateParts(s, sortKey) && <Text className="drp__value-label">{rateParts(s, sortKey)}</Text>}
                    </View>
                    <Text className="row__sub">
                      <NoOrphan text={`会员 ${s.active} 人 · 活动 ${s.eventsHeld} 场`} />
                    </Text>
                  </View>
                  <Text className="row__chevron">›</Text>
                </View>
              ))}
            </View>
            {schools.length > shownCount && (
              <View className="actions">
                <BigButton type="default" onClick={() => setShownCount(shownCount + PAGE_SIZE)} testId="drp-more">
                  {`再显示 ${Math.min(PAGE_SIZE, schools.length - shownCount)} 所（共 ${schools.length} 所）`}
                </BigButton>
              </View>
            )}
            <Text className="hint dd__note">只有人数、次数和金额，不列任何人的姓名。</Text>
          </>
        )}
      </AsyncView>
      <Modal
        visible={!!open}
        title={open?.name}
        footer={
          <BigButton type="primary" onClick={() => setOpen(null)} testId="drp-detail-close">
            关闭
          </BigButton>
        }
      >
        {open && (
          <View className="drp__detail" data-testid="drp-detail">
            {COLUMNS.map((c) => (
              <View key={c.key} className="drp__detail-row">
                <Text className="drp__detail-label">{c.label.replace('（元）', '')}</Text>
                <Text className="drp__detail-value">{cellText(open, c.key)}</Text>
              </View>
            ))}
          </View>
        )}
      </Modal>
    </Page>
  )
}
