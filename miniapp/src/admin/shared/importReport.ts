import type { ImportReport, ImportRow, RowAction } from '../../api/types'

/** The server takes up to 1,400,000 base64 characters (about 1 MB of .xlsx). */
export const MAX_BASE64 = 1_400_000

export const ACTION_LABELS: Record<RowAction, string> = {
  create: '新增',
  update: '更新',
  unchanged: '无变化',
  error: '有错误',
}

/** Rows with errors first, then in sheet order. */
export function sortReportRows(rows: ImportRow[]): ImportRow[] {
  const bad = (r: ImportRow) => r.action === 'error' || r.errors.length > 0
  return [...rows].sort((a, b) => Number(bad(b)) - Number(bad(a)) || a.row - b.row)
}

/** What the committee member reads under the counts, and whether 确认导入 is offered. */
export function reportVerdict(report: ImportReport): { ok: boolean; canApply: boolean; text: string } {
  const fileErrors = report.fileErrors ?? []
  if (fileErrors.length > 0) {
    return { ok: false, canApply: false, text: '文件本身有问题，请按下面的提示修改后重新选择。' }
  }
  if (report.errorCount > 0) {
    return {
      ok: false,
      canApply: false,
      text: `有 ${report.errorCount} 行需要修改。请在 Excel 中改好标红的行，再重新选择文件。`,
    }
  }
  if (report.created + report.updated === 0) {
    return { ok: true, canApply: true, text: '检查通过。花名册已经是最新的，导入不会改变任何人。' }
  }
  return { ok: true, canApply: true, text: '检查通过，可以导入。' }
}
