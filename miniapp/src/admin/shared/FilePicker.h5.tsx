import { Text, View } from '@tarojs/components'
import type { ChangeEvent } from 'react'
import { errorMessage } from '../../api/client'
import { readFileBase64, type PickedFile } from '../../lib/files.h5'

interface Props {
  label: string
  disabled?: boolean
  /** Draw as a secondary (outlined) button, when another action matters more. */
  secondary?: boolean
  onPicked: (file: PickedFile) => void
  onError: (message: string) => void
}

/** H5: a real <input type="file" accept=".xlsx"> (test id import-file-input) under a big button face. */
export default function FilePicker({ label, disabled, secondary, onPicked, onError }: Props) {
  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    if (!/\.xlsx$/i.test(file.name)) {
      onError('请选择 .xlsx 格式的 Excel 文件')
      return
    }
    try {
      onPicked({ name: file.name, size: file.size, base64: await readFileBase64(file) })
    } catch (err) {
      onError(errorMessage(err))
    }
  }
  return (
    <View className={`file-picker${secondary ? ' file-picker--secondary' : ''}${disabled ? ' file-picker--disabled' : ''}`}>
      <View className="file-picker__face">
        <Text>{label}</Text>
      </View>
      <input
        className="file-picker__input"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={disabled}
        data-testid="import-file-input"
        aria-label={label}
        onChange={(e) => void onChange(e)}
      />
    </View>
  )
}
