import { ErrorState, LoadingState } from '../../components/StateViews'
import { EmptyState } from '../../components/StateViews'

/** What an admin page shows before /me is known, when it failed, or to someone without the role. */
export default function AdminGate({ loading, error, allowed, onRetry }: { loading: boolean; error: unknown; allowed: boolean; onRetry: () => void }) {
  if (error) return <ErrorState error={error} onRetry={onRetry} />
  if (loading) return <LoadingState />
  if (!allowed) return <EmptyState title="您没有管理权限" hint="只有工会委员和工会主席可以管理花名册。" />
  return null
}
