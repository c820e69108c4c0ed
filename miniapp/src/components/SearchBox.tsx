import { Input, Text, View } from '@tarojs/components'
import './SearchBox.css'

interface Props {
  value: string
  onChange: (next: string) => void
  placeholder: string
  /** Test ids: `<testId>` on the input, `<testId>-clear` on 清除. */
  testId: string
}

/** A large search field with a 清除 button once something is typed. */
export default function SearchBox({ value, onChange, placeholder, testId }: Props) {
  return (
    <View className="search">
      <Input
        className="field__input search__input"
        value={value}
        placeholder={placeholder}
        placeholderClass="field__placeholder"
        confirmType="search"
        nativeProps={{ 'aria-label': placeholder || '搜索' }}
        onInput={(e) => onChange(e.detail.value)}
        data-testid={testId}
      />
      {value && (
        <View className="search__clear" role="button" onClick={() => onChange('')} data-testid={`${testId}-clear`}>
          <Text>清除</Text>
        </View>
      )}
    </View>
  )
}
