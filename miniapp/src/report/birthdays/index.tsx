import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { chinaDateTime } from '@shared/domain/chinaTime'
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
import '../shared/report.css'

const WHAT = { card: '生日贺卡', gift: '生日礼物', both: '贺卡和礼物' } as const
type What = keyof typeof WHAT
const WHATS = Object.keys(WHAT) as What[]

/** 本月生日 (committee): who has a birthday this month, by day (never the year or age); mark 贺卡 / 礼物 as given. */
export default function BirthdaysPage() {
  return <Page testId="page-birthdays">{<CommitteeGate>{(me) => <Birthdays me={me} />}</CommitteeGate>}</Page>
}

function Birthdays({ me }: { me: Me }) {
  const data = useAsync(() => reportApi.birthdays(me.member.orgId), [me.member.orgId])
  const [marking, setMarking] = useState<Birthday | null>(null)
  const [what, setWhat] = useState<What>('card')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const year = Number(chinaDateTime(Date.now()).date.slice(0, 4))

  const save = async () => {
    if (!marking) return
    setSending(true)
    setError(null)
    try {
      await reportApi.birthdayGiven(marking.memberId, { year, what })
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
      <AsyncView
        data={data.data}
        error={data.error}
        onRetry={() => void data.reload()}
        loadingText="正在加载本月生日…"
        isEmpty={(d) => d.birthdays.length === 0}
        empty={<EmptyState title="本月没有会员过生日" hint="花名册里填了出生日期的会员才会列出" />}
      >
        {(d) => (
          <View className="list rp-list" data-testid="birthdays">
            <View className="row">
              <Text className="hint" data-testid="birthdays-total">
                {Number(d.month.slice(5, 7))}月共 {d.birthdays.length} 人过生日，已送 {d.given} 人
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
                    setMarking(b)
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
