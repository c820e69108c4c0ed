import { Text, View } from '@tarojs/components'
import BigButton from './BigButton'
import LoadingOverlay from './LoadingOverlay'
import './FormFooter.css'

export interface FormAction {
  text: string
  onClick: () => void
  testId: string
  disabled?: boolean
  /** Red outline: it removes or stops something. */
  danger?: boolean
}

interface Props {
  /** The main action (保存, 发布), large. */
  primary: FormAction
  /** Further actions under it, outlined. */
  secondary?: FormAction[]
  /** Why the last try did not work, in a red box above the buttons (test id `form-error`). */
  error?: string | null
  /** While the form is being sent: what is happening, on a cover over the page; no button can be tapped. */
  busy?: string | null
  /** One sentence under the buttons, e.g. who will see what is published. */
  note?: string
}

/** The end of a form: what went wrong, the main button, the others, a note; covered while sending. */
export default function FormFooter({ primary, secondary = [], error, busy, note }: Props) {
  return (
    <>
      {error && (
        <View className="form-error" data-testid="form-error">
          {error}
        </View>
      )}
      <View className="actions">
        <BigButton onClick={primary.onClick} disabled={!!busy || primary.disabled} testId={primary.testId} className="big-button--hero">
          {primary.text}
        </BigButton>
      </View>
      {secondary.map((a) => (
        <View key={a.testId} className="actions">
          <BigButton type={a.danger ? 'danger' : 'default'} onClick={a.onClick} disabled={!!busy || a.disabled} testId={a.testId}>
            {a.text}
          </BigButton>
        </View>
      ))}
      {note && <Text className="hint form-note">{note}</Text>}
      <LoadingOverlay visible={!!busy} text={busy ?? ''} />
    </>
  )
}
