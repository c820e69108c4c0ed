import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useLargeText } from '../lib/prefs'

interface Props {
  className?: string
  testId?: string
}

/** Root of every page: applies 大字模式 (a class that scales every size variable by 1.25). */
export default function Page({ className, testId, children }: PropsWithChildren<Props>) {
  const large = useLargeText()
  return (
    <View className={`page${large ? ' large-text' : ''}${className ? ` ${className}` : ''}`} data-testid={testId}>
      {children}
    </View>
  )
}
