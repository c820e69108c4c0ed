import { Text, View } from '@tarojs/components'

export interface Segment<K extends string> {
  key: K
  label: string
  /** A count shown after the label, e.g. 已报名 12. */
  count?: number
}

interface Props<K extends string> {
  items: readonly Segment<K>[]
  value: K
  onChange: (key: K) => void
  /** Each segment gets `<testId>-<key>` and `data-active`. */
  testId: string
}

/** Two or three big tabs side by side; the chosen one filled in red. */
export default function Segmented<K extends string>({ items, value, onChange, testId }: Props<K>) {
  return (
    <View className="seg" role="tablist">
      {items.map((it) => {
        const on = it.key === value
        return (
          <View
            key={it.key}
            className={`seg__item${on ? ' seg__item--on' : ''}`}
            role="tab"
            aria-selected={on}
            data-testid={`${testId}-${it.key}`}
            data-active={on ? 'true' : 'false'}
            onClick={() => onChange(it.key)}
          >
            <Text>{it.label}</Text>
            {it.count !== undefined && <Text className="seg__count">{it.count}</Text>}
          </View>
        )
      })}
    </View>
  )
}
