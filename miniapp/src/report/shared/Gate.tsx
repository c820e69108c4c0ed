import type { ReactNode } from 'react'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { canManage } from '../../lib/roles'
import { useMe } from '../../lib/session'
import type { MeResult as Me } from '../../api/types'

/** The committee's pages (工会委员, 主席): the member once loaded, or loading / error / 无权查看. */
export function CommitteeGate({ children }: { children: (me: Me) => ReactNode }) {
  const { me, error, reload } = useMe()
  if (!me) return error ? <ErrorState error={error} onRetry={() => void reload()} /> : <LoadingState />
  if (!canManage(me.member.roles)) return <EmptyState title="只有工会委员和主席可以查看" hint="如需使用，请联系学校工会主席" />
  return <>{children(me)}</>
}
