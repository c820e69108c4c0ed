import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Page from '../../components/Page'
import LoadingOverlay from '../../components/LoadingOverlay'
import { isChair } from '../../lib/roles'
import { ROUTES } from '../../lib/routes'
import AdminGate from '../shared/NoAccess'
import { useAdmin } from '../shared/admin'
import { exportRosterXlsx } from '../shared/roster'
import '../shared/admin.css'

export default function AdminHome() {
  const { me, loading, error, reload, allowed, orgId } = useAdmin()
  const [exporting, setExporting] = useState(false)

  if (!me || !allowed) {
    return (
      <Page testId="page-admin">
        <AdminGate loading={loading} error={error} allowed={allowed} onRetry={() => void reload()} />
      </Page>
    )
  }

  const exportRoster = async () => {
    setExporting(true)
    await exportRosterXlsx(orgId, me.member.orgName)
    setExporting(false)
  }

  const rows = [
    { key: 'roster', title: '花名册', sub: '查看、搜索、修改会员信息', onTap: () => void Taro.navigateTo({ url: ROUTES.roster }) },
    { key: 'import', title: '导入花名册', sub: '从 Excel 文件批量新增或更新会员', onTap: () => void Taro.navigateTo({ url: ROUTES.importRoster }) },
    { key: 'export', title: '导出花名册', sub: '下载全部会员的 Excel 表格', onTap: () => void exportRoster() },
    { key: 'invites', title: '微信绑定邀请码', sub: '为还没绑定微信的成员生成邀请码', onTap: () => void Taro.navigateTo({ url: ROUTES.invites }) },
    { key: 'report', title: '学期总结', sub: '本学期各项数字、图表，下载总结初稿', onTap: () => void Taro.navigateTo({ url: ROUTES.report }) },
    { key: 'care', title: '送温暖', sub: '生病住院、结婚、生育、丧亲、困难的走访慰问', onTap: () => void Taro.navigateTo({ url: ROUTES.careVisits }) },
    { key: 'birthdays', title: '本月生日', sub: '谁过生日，贺卡礼物送了没有', onTap: () => void Taro.navigateTo({ url: ROUTES.birthdays }) },
    { key: 'notices', title: '通知', sub: '发布通知，看看多少人读了', onTap: () => void Taro.navigateTo({ url: ROUTES.notices }) },
    ...(isChair(me.member.roles)
      ? [{ key: 'audit', title: '操作记录', sub: '谁在什么时候做了哪些修改', onTap: () => void Taro.navigateTo({ url: ROUTES.audit }) }]
      : []),
  ]

  return (
    <Page testId="page-admin">
      <Text className="section-title">{me.member.orgName}</Text>
      <View className="list">
        {rows.map((r) => (
          <View role="button" key={r.key} className="row row--tap" data-testid={`admin-${r.key}`} onClick={r.onTap}>
            <View className="row__main">
              <Text className="row__title">{r.title}</Text>
              <Text className="row__sub">{r.sub}</Text>
            </View>
            <Text className="row__chevron">›</Text>
          </View>
        ))}
      </View>
      <LoadingOverlay visible={exporting} text="正在导出…" />
    </Page>
  )
}
