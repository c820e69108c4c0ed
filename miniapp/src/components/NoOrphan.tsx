import { Text } from '@tarojs/components'
import { splitLastTwo } from '../lib/lastLine'

/**
 * Text that wraps like any other but never leaves one character alone on its last line. One inline
 * element, so that a flex parent (a button) lays it out as one piece.
 */
export default function NoOrphan({ text }: { text: string }) {
  const [head, tail] = splitLastTwo(text)
  if (!tail) return <>{text}</>
  return (
    <Text>
      {head}
      <Text className="nowrap">{tail}</Text>
    </Text>
  )
}
