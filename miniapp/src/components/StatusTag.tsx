import { Text } from '@tarojs/components'
import type { Tone } from '../lib/events'

/** A coloured word in a box: 已报名 (green), 候补中 (orange), 已签到 (blue), 已取消 (red), 已截止 (grey). */
export default function StatusTag({ text, tone, testId, className }: { text: string; tone: Tone; testId?: string; className?: string }) {
  return (
    <Text className={`tag tag--tone-${tone}${className ? ` ${className}` : ''}`} data-testid={testId}>
      {text}
    </Text>
  )
}
