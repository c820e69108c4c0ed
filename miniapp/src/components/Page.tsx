import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useLargeText, useTypeScaleStyle } from '../lib/prefs'

interface Props {
  className?: string
  testId?: string
}

/**
 * Root of every page: applies WeChat's font size (a style scaling every type size variable of app.css)
 * and 大字模式 (a class: at least 1.25×).
 */
export default function Page({ className, testId, children }: PropsWithChildren<Props>) {
  const large = useLargeText()
  const style = useTypeScaleStyle()
  return (
    <View className={`page${large ? ' large-text' : ''}${className ? ` ${className}` : ''}`} style={style} data-testid={testId}>
      {children}
    </View>
  )
}
