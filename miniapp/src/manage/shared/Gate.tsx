import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'

/** What a 管理 page shows before /me is known, when it failed, or to someone without the role. */
export default function Gate({ loading, error, allowed, onRetry, who }: { loading: boolean; error: unknown; allowed: boolean; onRetry: () => void; who: string }) {
  if (error) return <ErrorState error={error} onRetry={onRetry} />
  if (loading) return <LoadingState />
  if (!allowed) return <EmptyState title="您没有这个权限" hint={`只有${who}可以使用这一页。`} />
  return null
}
