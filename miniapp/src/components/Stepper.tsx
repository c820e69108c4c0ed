import { Text, View } from '@tarojs/components'
import './Stepper.css'

interface Props {
  value: number
  min?: number
  max: number
  onChange: (next: number) => void
  /** Test ids: `<testId>-minus`, `<testId>-plus`, `<testId>-value`. */
  testId?: string
  /** Words after the number, e.g. 人. */
  unit?: string
  disabled?: boolean
}

/** Big − N + buttons (each at least 48 px), the number in large type between them. */
export default function Stepper({ value, min = 0, max, onChange, testId, unit, disabled }: Props) {
  const canDown = !disabled && value > min
  const canUp = !disabled && value < max
  return (
    <View className="stepper" data-testid={testId}>
      <View
        className={`stepper__btn${canDown ? '' : ' stepper__btn--off'}`}
        role="button"
        aria-label="减少"
        data-testid={testId ? `${testId}-minus` : undefined}
        onClick={() => canDown && onChange(value - 1)}
      >
        −
      </View>
      <View className="stepper__value">
        <Text data-testid={testId ? `${testId}-value` : undefined}>{value}</Text>
        {unit && <Text className="stepper__unit">{unit}</Text>}
      </View>
      <View
        className={`stepper__btn${canUp ? '' : ' stepper__btn--off'}`}
        role="button"
        aria-label="增加"
        data-testid={testId ? `${testId}-plus` : undefined}
        onClick={() => canUp && onChange(value + 1)}
      >
        +
      </View>
    </View>
  )
}
