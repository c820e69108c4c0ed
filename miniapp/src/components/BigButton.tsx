import { Button } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import NoOrphan from './NoOrphan'

interface Props {
  type?: 'primary' | 'default' | 'danger'
  onClick?: () => void
  disabled?: boolean
  testId?: string
  className?: string
  /** WeChat's own action for the tap, e.g. 'share' (forward the page to a chat). */
  openType?: 'share'
}

/** A label of plain words (`修改报名（{what}）` is several strings), else null. */
function plainLabel(children: ReactNode): string | null {
  const parts = Array.isArray(children) ? children : [children]
  return parts.every((c) => typeof c === 'string' || typeof c === 'number') ? parts.join('') : null
}

/**
 * A full-width button at least 50 px high (60 px in 大字模式), with large text that wraps
 * rather than being cut, never leaving one character alone on a line. WeChat's own button,
 * drawn in our sizes (app.css `.big-button`).
 */
export default function BigButton({ type = 'primary', onClick, disabled, testId, className, openType, children }: PropsWithChildren<Props>) {
  const label = plainLabel(children)
  return (
    <Button
      className={`big-button big-button--${type}${disabled ? ' big-button--disabled' : ''}${className ? ` ${className}` : ''}`}
      hoverClass={disabled ? 'none' : 'big-button--pressed'}
      // only when true: H5 would otherwise write disabled="false", which its CSS takes for disabled
      disabled={disabled || undefined}
      openType={openType}
      onClick={() => !disabled && onClick?.()}
      // H5 draws it as <taro-button-core>, which no screen reader (nor axe) takes for a button
      {...(process.env.TARO_ENV === 'h5' ? { role: 'button', 'aria-disabled': disabled || undefined } : {})}
      data-testid={testId}
    >
      {label === null ? children : <NoOrphan text={label} />}
    </Button>
  )
}
