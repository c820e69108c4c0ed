import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import './Field.css'

export interface FieldProps {
  /** What to fill in, above the box; none when a heading above says it already. */
  label?: string
  /** Says 必填 after the label (a word, not a star to decode). */
  required?: boolean
  /** One sentence under the box: an example, or what it is for. */
  hint?: string
  /** What is wrong, in red under the box. */
  error?: string
}

/** One part of a form: label, the control, a hint and what is wrong. Sizes follow 大字模式. */
export default function Field({ label, required, hint, error, children }: PropsWithChildren<FieldProps>) {
  return (
    <View className="field">
      {label && (
        <Text className="field__label">
          {label}
          {required && <Text className="field__required">必填</Text>}
        </Text>
      )}
      {children}
      {hint && <Text className="hint field__hint">{hint}</Text>}
      {error && <Text className="field__error">{error}</Text>}
    </View>
  )
}
