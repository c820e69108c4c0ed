import type { AuditEntry as SharedAuditEntry } from '@shared/schemas/member'
import { chinaDateTime, chinaParts, sameChinaDay } from '@shared/domain/chinaTime'
import { fmtDateTime } from '../../lib/events'
import { formatFen } from '@shared/domain/money'
import { AID_CATEGORY_LABELS, type AidCategory } from '@shared/domain/aid'

/** 操作记录: turns an audit entry (a route key with facts) into plain Chinese. No Taro here. */
export type AuditEntry = SharedAuditEntry

export interface AuditNames {
  member?: (memberId: string) => string | undefined
  event?: (eventId: string) => string | undefined
}

export interface AuditLine {
  /** What was done, e.g. 导入花名册 */
  title: string
  /** To what / how much, e.g. 新增 3 人、更新 2 人 */
  detail?: string
  /** What an edit changed, one line each, e.g. 姓名：张三 → 张四 */
  changes?: string[]
}

/** The fields an edit names (a member's, an event's), in Chinese. */
const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  groupId: '工会小组',
  groupName: '工会小组',
  phone: '手机号',
  retired: '退休',
  isDelegate: '教代会代表',
  delegateTerm: '代表届次',
  birthDate: '出生日期',
  title: '活动名称',
  place: '地点',
  startsAt: '活动时间',
  signupClosesAt: '报名截止',
  capacity: '名额',
  maxFamily: '可带家属',
  description: '活动介绍',
  costNote: '费用',
  options: '报名选项',
}

/** A value as the log shows it: 是 / 否, times in China time, long texts shortened, nothing as （空）. */
function shown(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if ((field === 'startsAt' || field === 'signupClosesAt') && typeof v === 'string') return fmtDateTime(v) || v
  const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v)
  return [...text].length > 30 ? `${[...text].slice(0, 30).join('')}…` : text
}

/** `detail.changes` ({ field: [old, new] }, phones already masked by the server) as lines: 姓名：张三 → 张四 */
export function changeLines(changes: unknown): string[] | undefined {
  if (!changes || typeof changes !== 'object') return undefined
  const lines = Object.entries(changes as Record<string, unknown>)
    .filter((c): c is [string, [unknown, unknown]] => Array.isArray(c[1]) && c[1].length === 2)
    .map(([f, [was, now]]) => `${FIELD_LABELS[f] ?? f}：${shown(f, was)} → ${shown(f, now)}`)
  return lines.length ? lines : undefined
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
const quote = (s: string | undefined) => (s ? `“${s}”` : undefined)
const yuanOf = (v: unknown) => (num(v) === undefined ? undefined : `¥${formatFen(num(v)!)}`)
const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join('，') || undefined

type Describe = (e: AuditEntry, d: Record<string, unknown>, names: AuditNames) => AuditLine

const memberName = (id: string | undefined, names: AuditNames) => (id ? names.member?.(id) : undefined)
const eventTitle = (e: AuditEntry, d: Record<string, unknown>, names: AuditNames) =>
  str(d.title) ?? (e.target.eventId ? names.event?.(e.target.eventId) : undefined)

export const AUDIT_ACTIONS: Record<string, Describe> = {
  'POST /orgs/{orgId}/roster/import': (_e, d) => {
    const rejected = num(d.rejected)
    if (rejected !== undefined) return { title: '导入花名册（未导入）', detail: `有 ${rejected} 行错误，没有导入` }
    const parts = [
      `新增 ${num(d.created) ?? 0} 人`,
      `更新 ${num(d.updated) ?? 0} 人`,
      num(d.unchanged) ? `无变化 ${num(d.unchanged)} 人` : undefined,
    ]
    return { title: '导入花名册', detail: parts.filter(Boolean).join('、') }
  },
  'PATCH /members/{memberId}': (e, d, names) => {
    const who = memberName(e.target.memberId, names)
    const changes = changeLines(d.changes)
    if (changes) return { title: '修改会员信息', detail: who, changes }
    const fields = Array.isArray(d.fields) ? d.fields.map((f) => FIELD_LABELS[String(f)] ?? String(f)) : []
    return { title: '修改会员信息', detail: join(who, fields.length ? `改了${fields.join('、')}` : undefined) }
  },
  'POST /members/{memberId}/deactivate': (e, d, names) => ({
    title: '停用会员',
    detail: str(d.name) ?? memberName(e.target.memberId, names),
  }),
  'POST /members/{memberId}/reactivate': (e, d, names) => ({
    title: '恢复账号',
    detail: str(d.name) ?? memberName(e.target.memberId, names),
  }),
  'POST /orgs/{orgId}/groups': (_e, d) => ({ title: '新建工会小组', detail: quote(str(d.name)) }),
  'POST /orgs/{orgId}/invites': (_e, d) => {
    const n = num(d.count)
    return { title: '生成邀请码', detail: n === undefined ? undefined : n === 0 ? '没有需要生成的成员' : `为 ${n} 位成员生成` }
  },
  'POST /orgs/{orgId}/events': (e, d, names) => ({ title: '发布活动', detail: quote(eventTitle(e, d, names)) }),
  'PATCH /events/{eventId}': (e, d, names) => {
    const told = num(d.told)
    return { title: '修改活动', detail: join(quote(eventTitle(e, d, names)), told ? `已通知 ${told} 位报名的人` : undefined), changes: changeLines(d.changes) }
  },
  'POST /events/{eventId}/cancel': (e, d, names) => ({ title: '取消活动', detail: quote(eventTitle(e, d, names)) }),
  'POST /events/{eventId}/checkins': (e, d, names) => ({
    title: '活动签到',
    detail: join(quote(eventTitle(e, d, names)), memberName(str(d.memberId), names), d.offline === true ? '离线签到' : undefined),
  }),
  // 困难补助: amounts and categories only, never whose case (the log keeps no recipient's name).
  'POST /orgs/{orgId}/fund/entries': (_e, d) => ({ title: d.kind === 'opening' ? '登记互助金期初余额' : '互助金拨入', detail: yuanOf(d.amountFen) }),
  'POST /orgs/{orgId}/aid-cases': (_e, d) => ({ title: '代为提出困难补助申请', detail: join(AID_CATEGORY_LABELS[String(d.category) as AidCategory], yuanOf(d.requestedFen)) }),
  'POST /aid-cases/{caseId}/approve': (_e, d) => ({ title: '批准困难补助', detail: yuanOf(d.approvedFen) }),
  'POST /aid-cases/{caseId}/decline': () => ({ title: '不予批准困难补助' }),
  'POST /aid-cases/{caseId}/pay': (_e, d) => ({ title: '发放困难补助', detail: yuanOf(d.amountFen) }),
  'DELETE /events/{eventId}/checkins/{memberId}': (e, d, names) => ({
    title: '撤销签到',
    detail: join(quote(eventTitle(e, d, names)), memberName(str(d.memberId) ?? e.target.memberId, names)),
  }),
}

export function describeAudit(e: AuditEntry, names: AuditNames = {}): AuditLine {
  const describe = AUDIT_ACTIONS[e.action]
  if (!describe) return { title: e.action }
  return describe(e, e.detail ?? {}, names)
}

/** `今天 14:03`, `昨天 09:15`, `11月25日 14:03`, `2024年11月25日 14:03` (China time). */
export function fmtAuditTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const { time } = chinaDateTime(d)
  if (sameChinaDay(d, now)) return `今天 ${time}`
  if (sameChinaDay(d, now.getTime() - 86400_000)) return `昨天 ${time}`
  const [p, today] = [chinaParts(d), chinaParts(now)]
  const year = p.year !== today.year ? `${p.year}年` : ''
  return `${year}${p.month}月${p.day}日 ${time}`
}
