import { Picker, Text, View } from '@tarojs/components'
import { fmtPickedDate } from '../lib/eventsMore'
import './DateTime.css'

interface Props {
  /** `YYYY-MM-DD` (China time) */
  date: string
  /** `HH:mm` */
  time: string
  /** The earliest date the wheel offers, `YYYY-MM-DD`. */
  start?: string
  /** Test ids `<testId>-date` and `<testId>-time`. */
  testId: string
  error?: boolean
  onDate: (v: string) => void
  onTime: (v: string) => void
}

/** A date and a time, each a big box (`12月16日 周三` 改, `17:00` 改) that opens the phone's own wheel picker. */
export default function DateTime(props: Props) {
  const box = `dt__pick${props.error ? ' dt__pick--error' : ''}`
  return (
    <View className="dt">
      <Picker mode="date" value={props.date} start={props.start} onChange={(e) => props.onDate(String(e.detail.value))} className="dt__picker--date">
        <View className={box} data-testid={`${props.testId}-date`}>
          <Text className="dt__value">{fmtPickedDate(props.date)}</Text>
          <Text className="dt__change">改</Text>
        </View>
      </Picker>
      <Picker mode="time" value={props.time} onChange={(e) => props.onTime(String(e.detail.value))} className="dt__picker--time">
        <View className={box} data-testid={`${props.testId}-time`}>
          <Text className="dt__value">{props.time}</Text>
          <Text className="dt__change">改</Text>
        </View>
      </Picker>
    </View>
  )
}
