import { useMe } from '../../lib/session'
import { canManage } from '../../lib/roles'

/** The signed-in member and what they may do with events: committee (all), group leader (own group). */
export function useEventAccess() {
  const state = useMe()
  const roles = state.me?.member.roles ?? []
  const committee = canManage(roles)
  const leader = roles.includes('groupLeader')
  return { ...state, committee, leader, orgId: state.me?.member.orgId ?? '' }
}
