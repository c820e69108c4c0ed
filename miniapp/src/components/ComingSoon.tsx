import { Text, View } from '@tarojs/components'
import Page from './Page'

/** A tab whose feature is not built yet: says so plainly, and what it will do. */
export default function ComingSoon({ testId, title, what }: { testId: string; title: string; what: string[] }) {
  return (
    <Page testId={testId}>
      <View className="state state--empty" data-testid="state-empty">
        <View className="state__empty-mark" />
        <Text className="state__text">{title}即将上线</Text>
        <Text className="state__hint">敬请期待，上线后会在这里通知您。</Text>
      </View>
      <View className="card">
        <Text className="row__title">上线后您可以：</Text>
        {what.map((w) => (
          <Text key={w} className="coming__item">
            · {w}
          </Text>
        ))}
      </View>
    </Page>
  )
}
