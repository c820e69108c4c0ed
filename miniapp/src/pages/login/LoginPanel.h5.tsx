import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import Page from '../../components/Page'
import RoleTags from '../../components/RoleTags'
import LoadingOverlay from '../../components/LoadingOverlay'
import { AsyncView, EmptyState } from '../../components/StateViews'
import { api } from '../../api'
import type { DemoPeople, DemoPerson } from '../../api/types'
import { errorMessage } from '../../api/client'
import { startSession } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import './login.css'

/** The school to list: `?org=<orgId>` in the hash route or in the page URL. */
function orgFromUrl(routerOrg: string | undefined): string | undefined {
  if (routerOrg) return decodeURIComponent(routerOrg)
  try {
    return new URLSearchParams(window.location.search).get('org') ?? undefined
  } catch {
    return undefined
  }
}

/** H5 (local only) 开发登录: pick a person of the demo school, or of `?org=`, and log in as them. */
export default function LoginPanel() {
  const router = useRouter()
  const org = orgFromUrl(router.params.org)
  const people = useAsync<DemoPeople>(() => (org ? api.devOrgPeople(org) : api.devDemo()), [org])
  const [busy, setBusy] = useState(false)
  const [err, setErr] = useState<string | null>(null)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '开发登录' })
  }, [])
  usePullDownRefresh(() => {
    void people.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const pick = async (p: DemoPerson) => {
    setErr(null)
    setBusy(true)
    try {
      const { token } = await api.devLogin(p.memberId)
      await startSession(token)
    } catch (e) {
      setErr(`${p.name}：${errorMessage(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page testId="page-login">
      <View className="login__head login__head--dev">
        <Text className="login__sub">仅供本地试用：点一个人的名字，就以他的身份登录。</Text>
      </View>
      {err && (
        <View className="form-error" data-testid="login-error">
          {err}
        </View>
      )}
      <AsyncView
        data={people.data}
        loading={people.loading}
        error={people.error}
        onRetry={() => void people.reload()}
        isEmpty={(d) => d.people.length === 0}
        empty={<EmptyState title="这所学校还没有人" hint="请先导入花名册，或换一所学校。" />}
      >
        {(d) => (
          <>
            <Text className="section-title" data-testid="login-org">
              {d.orgName || '这所学校'}（{d.people.length} 人）
            </Text>
            <View className="list">
              {d.people.map((p) => (
                <View role="button" key={p.memberId} className="row row--tap login__row" data-testid={`login-${p.memberId}`} onClick={() => void pick(p)}>
                  <View className="row__main">
                    <Text className="row__title">{p.name}</Text>
                    {p.groupName && <Text className="row__sub">{p.groupName}</Text>}
                    <RoleTags roles={p.roles} hideMember />
                  </View>
                  <Text className="row__side login__go">登录</Text>
                  <Text className="row__chevron">›</Text>
                </View>
              ))}
            </View>
          </>
        )}
      </AsyncView>
      <LoadingOverlay visible={busy} text="正在登录…" />
    </Page>
  )
}
