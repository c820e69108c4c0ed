import { useMe } from '../../lib/session'
import { canManage } from '../../lib/roles'

/** The signed-in member, and whether they may use 管理 (committee or chair). */
export function useAdmin() {
  const state = useMe()
  const allowed = !!state.me && canManage(state.me.member.roles)
  return { ...state, allowed, orgId: state.me?.member.orgId ?? '' }
}
