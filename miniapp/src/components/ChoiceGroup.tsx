import { Text, View } from '@tarojs/components'
import './ChoiceGroup.css'

interface Props {
  choices: readonly string[]
  value: string | undefined
  onChange: (choice: string) => void
  /** Each choice gets `<testId>-<index>`. */
  testId?: string
  error?: boolean
}

/** One-of-many as big full-width rows with a round mark (a radio group a thumb can hit). */
export default function ChoiceGroup({ choices, value, onChange, testId, error }: Props) {
  return (
    <View className={`choices${error ? ' choices--error' : ''}`} role="radiogroup">
      {choices.map((c, i) => {
        const on = c === value
        return (
          <View
            key={c}
            className={`choice${on ? ' choice--on' : ''}`}
            role="radio"
            aria-checked={on}
            data-testid={testId ? `${testId}-${i}` : undefined}
            data-checked={on ? 'true' : 'false'}
            onClick={() => onChange(c)}
          >
            <View className="choice__mark">{on && <View className="choice__dot" />}</View>
            <Text className="choice__text">{c}</Text>
          </View>
        )
      })}
    </View>
  )
}
