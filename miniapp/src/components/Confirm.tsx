import { Dialog } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useRef, useState } from 'react'
import BigButton from './BigButton'

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
    <Dialog
      className={`confirm-dialog${opts?.danger ? ' confirm-dialog--danger' : ''}`}
      visible={!!opts}
      title={opts?.title}
      closeOnOverlayClick={false}
      onClose={() => finish(false)}
      footer={
        <View className="confirm-dialog__footer">
          <BigButton type="default" onClick={() => finish(false)} testId="confirm-cancel" className="confirm-dialog__btn">
            {opts?.cancelText ?? '取消'}
          </BigButton>
          <BigButton type={opts?.danger ? 'danger' : 'primary'} onClick={() => finish(true)} testId="confirm-ok" className="confirm-dialog__btn">
            {opts?.confirmText ?? '确定'}
          </BigButton>
        </View>
      }
    >
      <Text className="confirm-dialog__content">{opts?.content}</Text>
    </Dialog>
  )
  return [dialog, confirm]
}
