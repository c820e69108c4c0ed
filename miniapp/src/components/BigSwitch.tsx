import { View } from '@tarojs/components'

interface Props {
  checked: boolean
  onChange: (next: boolean) => void
  testId?: string
  label: string
  disabled?: boolean
}

/** A wide switch that says 开 / 关 in words, not only by colour. */
export default function BigSwitch({ checked, onChange, testId, label, disabled }: Props) {
  return (
    <View
      className={`switch${checked ? ' switch--on' : ''}${disabled ? ' switch--disabled' : ''}`}
      role="switch"
      aria-checked={checked}
      aria-label={label}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      onClick={() => !disabled && onChange(!checked)}
    >
      <View className="switch__text">{checked ? '开' : '关'}</View>
      <View className="switch__knob" />
    </View>
  )
}
