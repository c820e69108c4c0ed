import { Text, View } from '@tarojs/components'
import BigButton from '../../components/BigButton'
import { errorMessage } from '../../api/client'
import { pickXlsx, type PickedFile } from '../../lib/files'

interface Props {
  label: string
  disabled?: boolean
  /** Draw as a secondary (outlined) button, when another action matters more. */
  secondary?: boolean
  onPicked: (file: PickedFile) => void
  onError: (message: string) => void
}

/** Mini-program: the file comes from a WeChat chat (电脑上的文件，先发到自己的微信). */
export default function FilePicker({ label, disabled, secondary, onPicked, onError }: Props) {
  const pick = async () => {
    try {
      const f = await pickXlsx()
      if (f) onPicked(f)
    } catch (e) {
      onError(errorMessage(e))
    }
  }
  return (
    <View>
      <BigButton type={secondary ? 'default' : 'primary'} onClick={() => void pick()} disabled={disabled} testId="import-pick">
        {label}
      </BigButton>
      <Text className="hint file-picker__hint">Excel 文件要先发到微信聊天里（例如“文件传输助手”），再从聊天中选择。</Text>
    </View>
  )
}
