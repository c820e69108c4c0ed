import { Button } from '@nutui/nutui-react-taro'
import type { PropsWithChildren } from 'react'

interface Props {
  type?: 'primary' | 'default' | 'danger'
  onClick?: () => void
  disabled?: boolean
  loading?: boolean
  testId?: string
  className?: string
  /** Fill the width (default true). */
  block?: boolean
}

/** A button at least 48 px high, with large text. */
export default function BigButton({ type = 'primary', onClick, disabled, loading, testId, className, block = true, children }: PropsWithChildren<Props>) {
  return (
    <Button
      className={`big-button big-button--${type}${className ? ` ${className}` : ''}`}
      type={type === 'default' ? 'default' : type}
      fill={type === 'default' ? 'outline' : 'solid'}
      size="large"
      shape="square"
      block={block}
      disabled={disabled}
      loading={loading}
      onClick={() => onClick?.()}
      data-testid={testId}
    >
      {children}
    </Button>
  )
}
