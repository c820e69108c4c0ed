/** 区级汇总 (区教育工会): every school's term figures side by side. Pure but for `request`. */
import { request } from '../../api/client'
import { formatFen } from '@shared/domain/fen'
import { SCHOOL_ROW_COLUMNS, type SchoolRow } from '@shared/domain/tally'
import { previousTerm, termLabel, termOf } from '@shared/domain/term'
import type { DistrictReport } from '@shared/schemas/district'

export type { SchoolRow }
export type SchoolColumn = keyof SchoolRow
export type { DistrictReport }
export type DistrictSchool = DistrictReport['schools'][number]

const seg = encodeURIComponent
export const districtReport = (districtId: string, term: string) => request<DistrictReport>('GET', `/districts/${seg(districtId)}/report?term=${seg(term)}`)
export const districtReportXlsxPath = (districtId: string, term: string) => `/districts/${seg(districtId)}/report.xlsx?term=${seg(term)}`

/** This term and the `count - 1` before it, newest first, with their names. */
export function recentTerms(now: number = Date.now(), count = 4): { term: string; label: string }[] {
  const terms = [termOf(now)]
  while (terms.length < count) terms.push(previousTerm(terms[terms.length - 1]!))
  return terms.map((term) => ({ term, label: termLabel(term) }))
}

/** The columns, as SCHOOL_ROW_COLUMNS lists them (label and kind). */
export const COLUMNS = SCHOOL_ROW_COLUMNS
export const columnOf = (key: SchoolColumn) => COLUMNS.find((c) => c.key === key)

/** The integers behind a rate: 办复率 = 已答复 ÷ 立案, 投票率 = 已投 ÷ 应投 (满意率's are not in the row). */
const RATE_PARTS: Partial<Record<SchoolColumn, [SchoolColumn, SchoolColumn]>> = {
  answerRate: ['proposalsAnswered', 'proposalsAccepted'],
  turnout: ['ballotsCast', 'ballotsEligible'],
}

/** The integers behind a rate as "已答复 6 / 立案 8", or undefined (not a rate, none kept, or no denominator). */
export function rateParts(row: SchoolRow, key: SchoolColumn): string | undefined {
  const parts = RATE_PARTS[key]
  if (!parts || row[key] === null) return undefined
  return parts.map((p) => `${columnOf(p)?.label ?? RATE_PART_LABELS[p]} ${row[p]}`).join(' / ')
}
const RATE_PART_LABELS: Partial<Record<SchoolColumn, string>> = { ballotsCast: '已投', ballotsEligible: '应投' }

/** A rate as percent with one decimal: 0.75 → "75.0%"; null → "—". */
export const percent = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`)

/** A cell as shown: ¥ exact to the fen, percent (with the integers behind it), or the count. */
export function cellText(row: SchoolRow, key: SchoolColumn): string {
  const kind = columnOf(key)?.kind ?? 'count'
  const v = row[key]
  if (kind === 'fen') return `¥${formatFen(v as number)}`
  if (kind === 'rate') {
    const parts = RATE_PARTS[key]
    return parts && v !== null ? `${percent(v as number | null)}（${row[parts[0]]}/${row[parts[1]]}）` : percent(v as number | null)
  }
  return String(v)
}

const byName = (a: DistrictSchool, b: DistrictSchool) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a.orgId.localeCompare(b.orgId)

/** Sorted by a column, largest first (no rate last), ties by name; or by name. A new array; the sort is stable. */
export function sortSchools(schools: readonly DistrictSchool[], key: SchoolColumn | 'name'): DistrictSchool[] {
  const list = [...schools]
  if (key === 'name') return list.sort(byName)
  const value = (s: DistrictSchool) => (s[key] === null ? -Infinity : (s[key] as number))
  return list.sort((a, b) => value(b) - value(a) || byName(a, b))
}

/** Whether any school has a figure this term (member counts are not per term, so they do not count). */
export const anyFigures = (schools: readonly DistrictSchool[]) =>
  schools.some((s) => COLUMNS.some((c) => c.key !== 'active' && c.key !== 'retired' && c.kind !== 'rate' && (s[c.key] as number) > 0))
