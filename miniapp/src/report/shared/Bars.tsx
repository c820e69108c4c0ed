import { Text, View } from '@tarojs/components'
import { barPercent } from './term'

export interface Bar {
  key: string
  label: string
  value: number
  /** The exact number as shown beside the bar (e.g. ¥1,234.00 or 12人). */
  valueText: string
  /** Opens the records behind this bar. */
  onTap?: () => void
}

/**
 * A bar chart drawn with plain Views: one row per item, its name above a bar sized to the largest
 * value, the exact number beside the bar (no chart library; readable at any type size).
 * Test ids: `<testId>` on the chart, `<testId>-<key>` on each row.
 */
export default function Bars({ bars, testId, label }: { bars: Bar[]; testId: string; label: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value))
  return (
    <View className="rp-chart" data-testid={testId} aria-label={label}>
      {bars.map((b) => (
        <View
          key={b.key}
          className={`rp-bar${b.onTap ? ' rp-bar--tap' : ''}`}
          role={b.onTap ? 'button' : undefined}
          data-testid={`${testId}-${b.key}`}
          onClick={b.onTap}
        >
          <Text className="rp-bar__label">{b.label}</Text>
          <View className="rp-bar__line">
            <View className="rp-bar__track">
              <View className="rp-bar__fill" style={{ width: `${barPercent(b.value, max)}%` }} />
            </View>
            <Text className="rp-bar__value">{b.valueText}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
