import { Picker, Text, View } from '@tarojs/components'
import { fmtDay, monthName } from './term'

/**
 * A date (or, with `fields="month"`, a month: YYYY-MM) shown in words with 改, opening the system's
 * wheel picker (WeChat's own in the mini-program; Taro's in H5).
 */
export default function DatePick(props: { label: string; value: string; onChange: (v: string) => void; testId: string; fields?: 'day' | 'month'; start?: string; end?: string }) {
  const { label, value, onChange, testId, fields = 'day', start, end } = props
  return (
    <Picker mode="date" fields={fields} value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="rp-pick" data-testid={testId}>
        <Text>
          {label} {fields === 'month' ? monthName(value) : fmtDay(value)}
        </Text>
        <Text className="rp-pick__change">改</Text>
      </View>
    </Picker>
  )
}
