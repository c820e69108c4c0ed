import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { errorMessage } from '../api/client'
import BigButton from './BigButton'

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="state state--loading" data-testid="state-loading">
      <View className="spinner" />
      <Text className="state__text">{text}</Text>
    </View>
  )
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <View className="state state--error" data-testid="state-error">
      <Text className="state__icon">!</Text>
      <Text className="state__text">{errorMessage(error)}</Text>
      {onRetry && (
        <View className="state__action">
          <BigButton type="primary" onClick={onRetry} testId="retry">
            重试
          </BigButton>
        </View>
      )}
    </View>
  )
}

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <View className="state state--empty" data-testid="state-empty">
      <View className="state__empty-mark" />
      <Text className="state__text">{title}</Text>
      {hint && <Text className="state__hint">{hint}</Text>}
      {action && <View className="state__action">{action}</View>}
    </View>
  )
}

interface AsyncViewProps<T> {
  data: T | undefined
  /** Kept for callers' clarity; the first load shows the spinner whenever there is no data yet. */
  loading?: boolean
  error: unknown
  onRetry: () => void
  isEmpty?: (data: T) => boolean
  empty?: ReactNode
  loadingText?: string
  children: (data: T) => ReactNode
}

/** Loading, error (with retry), empty, or the content: every list goes through this. */
export function AsyncView<T>({ data, error, onRetry, isEmpty, empty, loadingText, children }: AsyncViewProps<T>) {
  if (data === undefined) {
    // not loaded yet (or loading not started): an error with retry, else the spinner
    return error ? <ErrorState error={error} onRetry={onRetry} /> : <LoadingState text={loadingText} />
  }
  return (
    <>
      {error ? <InlineError error={error} onRetry={onRetry} /> : null}
      {isEmpty && isEmpty(data) ? empty : children(data)}
    </>
  )
}

/** A failed refresh while older data is still shown. */
export function InlineError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <View className="inline-error" data-testid="inline-error" role={onRetry ? 'button' : undefined} onClick={onRetry}>
      <Text>{errorMessage(error)}</Text>
      {onRetry && <Text className="inline-error__retry">点此重试</Text>}
    </View>
  )
}
