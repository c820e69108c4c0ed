import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import Modal from '../../components/Modal'
import NoOrphan from '../../components/NoOrphan'
import ChoiceGroup from '../../components/ChoiceGroup'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { errorMessage } from '../../api/client'
import { useAsync } from '../../lib/useAsync'
import type { MeResult as Me } from '../../api/types'
import { CommitteeGate } from '../shared/Gate'
import { reportApi, type Birthday } from '../shared/api'
import DatePick from '../shared/DatePick'
import { monthName, shiftMonth, thisMonth } from '../shared/term'
import '../shared/report.css'

const WHAT = { card: '生日贺卡', gift: '生日礼物', both: '贺卡和礼物' } as const
type What = keyof typeof WHAT
const WHATS = Object.keys(WHAT) as What[]

/**
 * 生日 (committee): who has a birthday in a month (this month first; 上个月 / 下个月 or any month picked),
 * by day (never the year or age); mark 贺卡 / 礼物 as given, for that month's year.
 */
export default function BirthdaysPage() {
  return <Page testId="page-birthdays">{<CommitteeGate>{(me) => <Birthdays me={me} />}</CommitteeGate>}</Page>
}

const MONTHS: [number, string][] = [
  [-1, '上个月'],
  [0, '本月'],
  [1, '下个月'],
]

function Birthdays({ me }: { me: Me }) {
  const now = thisMonth()
  const [month, setMonth] = useState(now)
  const data = useAsync(() => reportApi.birthdays(me.member.orgId, month), [me.member.orgId, month])
  // the list shown is always the chosen month's (never the previous month's under the new name)
  const shown = data.data?.month === month ? data.data : undefined
  const [marking, setMarking] = useState<(Birthday & { year: number }) | null>(null)
  const [what, setWhat] = useState<What>('card')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const save = async () => {
    if (!marking) return
    setSending(true)
    setError(null)
    try {
      // the card or gift is kept per year: the year of the birthday in the month shown (下个月 in December is next year's)
      await reportApi.birthdayGiven(marking.memberId, { year: marking.year, what })
      setMarking(null)
      void Taro.showToast({ title: '已记录', icon: 'success' })
      await data.reload()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSending(false)
    }
  }

  return (
    <>
      <View className="rp-months">
        <View className="chips" role="radiogroup" aria-label="月份">
          {MONTHS.map(([by, label]) => {
            const m = shiftMonth(now, by)
            return (
              <View key={by} role="radio" aria-checked={month === m} className={`chip${month === m ? ' chip--on' : ''}`} onClick={() => setMonth(m)} data-testid={`bday-month-${by + 1}`}>
                {label}
              </View>
            )
          })}
        </View>
        <View className="rp-dates rp-dates--filter">
          {/* bounded to the years a card or gift can be marked for (BirthdayGivenBody: 2000–2100) */}
          <DatePick label="月份" fields="month" value={month} start="2000-01" end="2100-12" onChange={(v) => setMonth(v.slice(0, 7))} testId="bday-month-pick" />
        </View>
      </View>
      <AsyncView
        data={shown}
        error={data.error}
        onRetry={() => void data.reload()}
        loadingText={`正在加载${monthName(month)}的生日…`}
        isEmpty={(d) => d.birthdays.length === 0}
        empty={<EmptyState title={`${monthName(month)}没有会员过生日`} hint="花名册里填了出生日期的会员才会列出" />}
      >
        {(d) => (
          <View className="list rp-list" data-testid="birthdays">
            <View className="row">
              <Text className="hint" data-testid="birthdays-total">
                {monthName(d.month)}共 {d.birthdays.length} 人过生日，已送 {d.given} 人
              </Text>
            </View>
            {d.birthdays.map((b) => (
              <View key={b.memberId} className="row" data-testid={`bday-${b.memberId}`}>
                <View className="row__main">
                  <Text className="row__title">{b.name}</Text>
                  <Text className="row__sub">
                    <NoOrphan text={`${Number(b.day.slice(0, 2))}月${Number(b.day.slice(3, 5))}日${b.retired ? ' · 退休' : ''}${b.given ? ` · 已送${WHAT[b.given.what]}（${b.given.byName}）` : ''}`} />
                  </Text>
                </View>
                <View
                  role="button"
                  className={`chip${b.given ? '' : ' chip--on'}`}
                  onClick={() => {
                    setWhat(b.given?.what ?? 'card')
                    setError(null)
                    setMarking({ ...b, year: Number(d.month.slice(0, 4)) })
                  }}
                  data-testid={`bday-mark-${b.memberId}`}
                >
                  {b.given ? '修改' : '记为已送'}
                </View>
              </View>
            ))}
          </View>
        )}
      </AsyncView>
      <Modal
        visible={!!marking}
        title={marking ? `给${marking.name}送了什么？` : ''}
        footer={
          <>
            <BigButton type="default" onClick={() => setMarking(null)} testId="bday-cancel">
              取消
            </BigButton>
            <BigButton onClick={() => void save()} disabled={sending} testId="bday-ok">
              确定已送
            </BigButton>
          </>
        }
      >
        <ChoiceGroup choices={WHATS.map((w) => WHAT[w])} value={WHAT[what]} onChange={(c) => setWhat(WHATS.find((w) => WHAT[w] === c) ?? 'card')} testId="bday-what" />
        {error && <Text className="field__error">{error}</Text>}
      </Modal>
    </>
  )
}
