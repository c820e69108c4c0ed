import { Text, View } from '@tarojs/components'
import { codeHalves } from './invites'

/**
 * An 8-letter invite code in large monospace letters, drawn as `ABCD EFGH` (the gap is a margin, so
 * the text of `invite-code-<memberId>` is the code itself).
 */
export default function InviteCode({ memberId, code, big }: { memberId: string; code: string; big?: boolean }) {
  const [a, b] = codeHalves(code)
  return (
    <View className={`invite-code${big ? ' invite-code--big' : ''}`} data-testid={`invite-code-${memberId}`} aria-label={`邀请码 ${code.split('').join(' ')}`}>
      <Text userSelect className="invite-code__half">
        {a}
      </Text>
      <Text userSelect className="invite-code__half invite-code__half--second">
        {b}
      </Text>
    </View>
  )
}
