import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import LoadingOverlay from '../../components/LoadingOverlay'
import { useConfirm } from '../../components/Confirm'
import { api } from '../../api/more'
import type { ImportReport, ImportRow } from '../../api/types'
import { errorMessage } from '../../api/client'
import { ROUTES } from '../../lib/routes'
import AdminGate from '../shared/NoAccess'
import { useAdmin } from '../shared/admin'
import FilePicker from '../shared/FilePicker'
import type { PickedFile } from '../../lib/files'
import { markRosterDirty } from '../shared/roster'
import { ACTION_LABELS, MAX_BASE64, reportVerdict, sortReportRows } from '../shared/importReport'
import '../shared/admin.css'

const SHOWN_OK_ROWS = 30

export default function ImportRoster() {
  const admin = useAdmin()
  const { orgId, allowed } = admin
  const [file, setFile] = useState<PickedFile | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [err, setErr] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()

  if (!admin.me || !allowed) {
    return (
      <Page testId="page-import">
        <AdminGate loading={admin.loading} error={admin.error} allowed={allowed} onRetry={() => void admin.reload()} />
      </Page>
    )
  }

  const check = async (f: PickedFile) => {
    setFile(f)
    setReport(null)
    setErr(null)
    if (f.base64.length > MAX_BASE64) {
      setErr('文件太大了（超过 1 MB）。请删掉多余的工作表和图片，或分几次导入。')
      return
    }
    setBusy('正在校验…')
    try {
      const r = await api.importRoster(orgId, f.base64, true)
      setReport(r.report)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    } catch (e) {
      setErr(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const apply = async () => {
    if (!file || !report) return
    const ok = await confirm({
      title: '确认导入',
      content: `将新增 ${report.created} 人，更新 ${report.updated} 人。导入后花名册会马上改变。确定导入吗？`,
      confirmText: '确认导入',
    })
    if (!ok) return
    setErr(null)
    setBusy('正在导入…')
    try {
      const r = await api.importRoster(orgId, file.base64, false)
      markRosterDirty()
      setBusy(null)
      await Taro.showToast({ title: `导入成功`, icon: 'success', duration: 1500 })
      setTimeout(() => {
        const pages = Taro.getCurrentPages()
        const prev = pages[pages.length - 2]?.route ?? ''
        if (prev.includes('admin/roster')) void Taro.navigateBack()
        else void Taro.redirectTo({ url: ROUTES.roster })
      }, 1200)
      setReport(r.report)
    } catch (e) {
      setErr(errorMessage(e))
      setBusy(null)
    }
  }

  const verdict = report ? reportVerdict(report) : null
  const rows = report ? sortReportRows(report.rows) : []
  const bad = rows.filter((r) => r.action === 'error' || r.errors.length > 0)
  const good = rows.filter((r) => !(r.action === 'error' || r.errors.length > 0))

  const picker = (
    <View className="card">
      <Text className="row__title">{!report ? '第二步：选择文件' : report.errorCount > 0 || (report.fileErrors ?? []).length > 0 ? '改好后，重新选择文件' : '换一个文件'}</Text>
      <View className="import__picker">
        <FilePicker
          label={file ? '重新选择 Excel 文件' : '选择 Excel 文件'}
          disabled={!!busy}
          secondary={!!verdict?.canApply}
          onPicked={(f) => void check(f)}
          onError={(m) => setErr(m)}
        />
      </View>
      {file && (
        <Text className="import__file" data-testid="import-file-name">
          已选择：{file.name}
        </Text>
      )}
    </View>
  )

  return (
    <Page testId="page-import">
      {!report && (
        <View className="card">
          <Text className="row__title">第一步：准备 Excel 文件（.xlsx）</Text>
          <Text className="import__cols">第一行是表头，必须有：姓名、工号、工会小组。</Text>
          <Text className="import__cols">可以有：手机号、是否代表、出生日期、在职/退休。</Text>
          <Text className="hint import__note">工号相同的人会被更新，新工号会被新增。导入前会先检查，检查时不会改动花名册。</Text>
        </View>
      )}
      {!report && picker}

      {err && (
        <View className="form-error" data-testid="import-error">
          {err}
        </View>
      )}

      {report && verdict && (
        <>
          <View className="card" data-testid="import-summary">
            <Text className="row__title">检查结果{file ? `：${file.name}` : ''}</Text>
            <View className="import__summary">
              <Stat kind="create" label="新增" n={report.created} />
              <Stat kind="update" label="更新" n={report.updated} />
              <Stat kind="unchanged" label="没有变化" n={report.unchanged} />
              <Stat kind="error" label="有错误" n={report.errorCount} />
            </View>
            <Text className={`import__verdict ${verdict.ok ? 'import__verdict--ok' : 'import__verdict--bad'}`} data-testid="import-verdict">
              {verdict.text}
            </Text>
          </View>

          {(report.fileErrors ?? []).length > 0 && (
            <View className="form-error" data-testid="import-file-errors">
              {(report.fileErrors ?? []).map((e) => (
                <Text key={e} className="import-row__err">
                  {e}
                </Text>
              ))}
            </View>
          )}

          {verdict.canApply && (
            <View className="actions">
              <BigButton onClick={() => void apply()} disabled={!!busy} testId="import-confirm">
                确认导入
              </BigButton>
            </View>
          )}

          {bad.length > 0 && (
            <>
              <Text className="section-title import__bad-title">需要修改的行（{bad.length}）</Text>
              <View className="list" data-testid="import-error-rows">
                {bad.map((r) => (
                  <ReportRow key={r.row} r={r} />
                ))}
              </View>
            </>
          )}
          {good.length > 0 && (
            <>
              <Text className="section-title">{bad.length > 0 ? '没有问题的行' : '将要导入的行'}（{good.length}）</Text>
              <View className="list">
                {good.slice(0, SHOWN_OK_ROWS).map((r) => (
                  <ReportRow key={r.row} r={r} />
                ))}
                {good.length > SHOWN_OK_ROWS && <Text className="import__more">另有 {good.length - SHOWN_OK_ROWS} 行没有问题，不再逐行列出。</Text>}
              </View>
            </>
          )}
          {picker}
        </>
      )}
      <LoadingOverlay visible={!!busy} text={busy ?? ''} />
      {dialog}
    </Page>
  )
}

function Stat({ kind, label, n }: { kind: string; label: string; n: number }) {
  return (
    <View className={`import__stat${n > 0 ? ` import__stat--${kind}` : ''}`} data-testid={`import-count-${kind}`}>
      <Text className="import__stat-num">{n}</Text>
      <Text className="import__stat-label">{label}</Text>
    </View>
  )
}

function ReportRow({ r }: { r: ImportRow }) {
  const isBad = r.action === 'error' || r.errors.length > 0
  return (
    <View className={`import-row${isBad ? ' import-row--error' : ''}`} data-testid={`import-row-${r.row}`}>
      <View className="import-row__head">
        <Text className="import-row__no">第 {r.row} 行</Text>
        <Text className="import-row__name">{r.name || '（没有姓名）'}</Text>
        {r.staffNo ? <Text className="import-row__staff">工号 {r.staffNo}</Text> : null}
        <Text className={`tag tag--${r.action} import-row__tag`}>{ACTION_LABELS[r.action]}</Text>
      </View>
      {r.errors.map((e, i) => (
        <Text key={i} className="import-row__err">
          ✕ {e}
        </Text>
      ))}
    </View>
  )
}
