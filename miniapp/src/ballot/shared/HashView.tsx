import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import NoOrphan from '../../components/NoOrphan'
import { shortHash } from './ballot'

/** 选民名单校验码: the electorate's hash, short, with 查看完整 and 复制 (so turnout can be checked). */
export default function HashView({ hash }: { hash: string }) {
  const [full, setFull] = useState(false)
  return (
    <View className="bl-hash" data-testid="ballot-hash">
      <Text className="bl-hash__label">选民名单校验码</Text>
      <Text className={`bl-hash__value${full ? ' bl-hash__value--full' : ''}`} data-testid="ballot-hash-value">
        {full ? hash : shortHash(hash)}
      </Text>
      <Text className="hint">
        <NoOrphan text="由开启投票时冻结的选民名单算出，名单一改就对不上，可用来核对应投人数。" />
      </Text>
      <View className="bl-links">
        <Text className="bl-link" onClick={() => setFull(!full)} data-testid="ballot-hash-toggle">
          {full ? '收起' : '查看完整'}
        </Text>
        <Text
          className="bl-link"
          onClick={() => void Taro.setClipboardData({ data: hash }).catch(() => undefined)}
          data-testid="ballot-hash-copy"
        >
          复制校验码
        </Text>
      </View>
    </View>
  )
}
