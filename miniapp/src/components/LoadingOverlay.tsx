import { Text, View } from '@tarojs/components'

/** Covers the page while long work runs, with a plain sentence of what is happening. */
export default function LoadingOverlay({ text, visible }: { text: string; visible: boolean }) {
  if (!visible) return null
  return (
    <View className="overlay" data-testid="loading-overlay" catchMove>
      <View className="overlay__box">
        <View className="spinner spinner--light" />
        <Text className="overlay__text">{text}</Text>
      </View>
    </View>
  )
}
