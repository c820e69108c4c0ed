import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import SearchBox from '../../components/SearchBox'
import type { RosterMember } from './api'

const SHOWN = 6

/**
 * Picks members of the roster by name or 工号 (as 花名册 searches): type, then tap a name.
 * `picked` are shown as tags with 移除; with `single`, picking replaces. Test ids `<testId>-search`,
 * `<testId>-opt-<memberId>`, `<testId>-picked-<memberId>`.
 */
export default function MemberPick({
  members,
  picked,
  onChange,
  single,
  testId,
  placeholder,
}: {
  members: RosterMember[]
  picked: string[]
  onChange: (ids: string[]) => void
  single?: boolean
  testId: string
  placeholder: string
}) {
  const [query, setQuery] = useState('')
  const byId = useMemo(() => new Map(members.map((m) => [m.memberId, m])), [members])
  const q = query.trim()
  const found = q ? members.filter((m) => m.active && !picked.includes(m.memberId) && (m.name.includes(q) || (m.staffNo ?? '').includes(q))) : []
  const pick = (id: string) => {
    onChange(single ? [id] : [...picked, id])
    setQuery('')
  }
  return (
    <View className="rp-member-pick" data-testid={testId}>
      {picked.map((id) => (
        <View key={id} className="rp-picked" data-testid={`${testId}-picked-${id}`}>
          <Text className="rp-rec__title">
            {byId.get(id)?.name ?? '（已不在花名册）'}
            {byId.get(id)?.staffNo ? `（工号 ${byId.get(id)!.staffNo}）` : ''}
          </Text>
          <View role="button" className="chip" onClick={() => onChange(picked.filter((p) => p !== id))} data-testid={`${testId}-remove-${id}`}>
            {single ? '换一个人' : '移除'}
          </View>
        </View>
      ))}
      {(!single || picked.length === 0) && (
        <>
          <SearchBox value={query} onChange={setQuery} placeholder={placeholder} testId={`${testId}-search`} />
          {found.slice(0, SHOWN).map((m) => (
            <View key={m.memberId} role="button" className="row row--tap" onClick={() => pick(m.memberId)} data-testid={`${testId}-opt-${m.memberId}`}>
              <View className="row__main">
                <Text className="row__title">{m.name}</Text>
                {m.staffNo && <Text className="row__sub">工号 {m.staffNo}</Text>}
              </View>
              <Text className="row__chevron">选</Text>
            </View>
          ))}
          {q && found.length === 0 && <Text className="hint">没有姓名或工号包含“{q}”的在册会员</Text>}
          {found.length > SHOWN && <Text className="hint">还有 {found.length - SHOWN} 人，请多输入几个字</Text>}
        </>
      )}
    </View>
  )
}
