import { Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import NoOrphan from './NoOrphan'

interface Props {
  visible: boolean
  title?: string
  /** The buttons, side by side. */
  footer: ReactNode
  className?: string
}

/**
 * A dialog over a dimmed page: title, body, buttons. Only its buttons close it (a tap beside it
 * does nothing), and the page behind does not scroll. Drawn with views and our own sizes, so it
 * follows 大字模式 like the page it sits in.
 */
export default function Modal({ visible, title, footer, className, children }: PropsWithChildren<Props>) {
  if (!visible) return null
  return (
    <View className="modal" catchMove>
      <View className={`modal__box${className ? ` ${className}` : ''}`}>
        {title && (
          <Text className="modal__title">
            <NoOrphan text={title} />
          </Text>
        )}
        <View className="modal__body">{children}</View>
        <View className="modal__footer">{footer}</View>
      </View>
    </View>
  )
}
