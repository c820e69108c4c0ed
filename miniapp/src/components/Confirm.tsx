import { Text } from '@tarojs/components'
import { useCallback, useRef, useState } from 'react'
import BigButton from './BigButton'
import Modal from './Modal'

export interface ConfirmOptions {
  title: string
  content: string
  confirmText?: string
  cancelText?: string
  danger?: boolean
}

/**
 * `const [dialog, confirm] = useConfirm()`; render `dialog` in the page; `await confirm({...})`
 * is true when the member tapped the confirm button (test ids `confirm-ok` / `confirm-cancel`).
 */
export function useConfirm(): [JSX.Element, (o: ConfirmOptions) => Promise<boolean>] {
  const [opts, setOpts] = useState<ConfirmOptions | null>(null)
  const resolver = useRef<((ok: boolean) => void) | null>(null)

  const confirm = useCallback((o: ConfirmOptions) => {
    resolver.current?.(false)
    setOpts(o)
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve
    })
  }, [])

  const finish = useCallback((ok: boolean) => {
    const r = resolver.current
    resolver.current = null
    setOpts(null)
    r?.(ok)
  }, [])

  const dialog = (
    <Modal
      visible={!!opts}
      title={opts?.title}
      footer={
        <>
          <BigButton type="default" onClick={() => finish(false)} testId="confirm-cancel">
            {opts?.cancelText ?? '取消'}
          </BigButton>
          <BigButton type={opts?.danger ? 'danger' : 'primary'} onClick={() => finish(true)} testId="confirm-ok">
            {opts?.confirmText ?? '确定'}
          </BigButton>
        </>
      }
    >
      <Text className="modal__text">{opts?.content}</Text>
    </Modal>
  )
  return [dialog, confirm]
}
