import { Text, View } from '@tarojs/components'
import type { Role } from '../api/types'
import { roleLabel, sortRoles } from '../lib/roles'

interface Props {
  roles: readonly Role[]
  delegateTerm?: string
  retired?: boolean
  /** Leave out the plain 会员 tag (every member has it): for lists. */
  hideMember?: boolean
}

export default function RoleTags({ roles, delegateTerm, retired, hideMember }: Props) {
  const shown = sortRoles(roles).filter((r) => !(hideMember && r === 'member'))
  if (!shown.length && !retired) return null
  return (
    <View className="tags">
      {shown.map((r) => (
        <Text key={r} className={`tag tag--${r}`} data-testid={`role-${r}`}>
          {roleLabel(r, delegateTerm)}
        </Text>
      ))}
      {retired && (
        <Text className="tag tag--retired" data-testid="tag-retired">
          退休
        </Text>
      )}
    </View>
  )
}
