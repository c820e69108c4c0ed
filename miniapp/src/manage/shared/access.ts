import { useMe } from '../../lib/session'
import { canManage, canSeeSignups } from '../../lib/roles'

/** The signed-in member and what they may do with events: committee (all), group leader (own group). */
export function useEventAccess() {
  const state = useMe()
  const roles = state.me?.member.roles ?? []
  return { ...state, committee: canManage(roles), seesSignups: canSeeSignups(roles), orgId: state.me?.member.orgId ?? '' }
}
