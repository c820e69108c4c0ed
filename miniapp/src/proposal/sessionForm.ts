/**
 * 发起提案征集: the form's defaults, its check (the server's own schema, CreateSessionBody) and the
 * window in words for the confirmation. Pure: no Taro.
 */
import { chinaInstant, chinaParts } from '@shared/domain/chinaTime'
import { CreateSessionBody } from '@shared/schemas/proposals'
import { isoWithOffset, localDate, splitLocal } from '../lib/eventsMore'
import { fmtDateTime } from '../lib/events'

/** What the server takes when the field is left out (api.md: cosignersNeeded 0..10, default 2). */
export const DEFAULT_COSIGNERS = 2
export const MAX_COSIGNERS = 10
export const TITLE_MAX = 60

export interface SessionForm {
  title: string
  openDate: string
  openTime: string
  closeDate: string
  closeTime: string
  cosigners: number
}

export type SessionField = 'title' | 'opens' | 'closes' | 'cosigners'
export type SessionErrors = Partial<Record<SessionField, string>>

/** Starts now (to the minute), closes in 14 days at 17:00, China time; 2 co-signers as the server's default. */
export function defaultSessionForm(now: Date = new Date()): SessionForm {
  const open = splitLocal(now)
  const today = chinaParts(now)
  const close = splitLocal(new Date(chinaInstant(today.year, today.month, today.day + 14, 17, 0)))
  return { title: '', openDate: open.date, openTime: open.time, closeDate: close.date, closeTime: close.time, cosigners: DEFAULT_COSIGNERS }
}

const FIELD_OF: Record<string, SessionField> = { title: 'title', opensAt: 'opens', closesAt: 'closes', cosignersNeeded: 'cosigners' }

/**
 * The request body when the form is complete, else what is wrong per field, in Chinese. Decided by
 * CreateSessionBody, the schema the server parses the request with; on top of it one rule of
 * common sense the server leaves to the committee: a window that has already ended collects nothing.
 */
export function checkSession(f: SessionForm, now: Date = new Date()): { body: CreateSessionBody; errors?: undefined } | { body?: undefined; errors: SessionErrors } {
  const opens = localDate(f.openDate, f.openTime)
  const closes = localDate(f.closeDate, f.closeTime)
  const errors: SessionErrors = {}
  if (!opens) errors.opens = '请选择开始时间'
  if (!closes) errors.closes = '请选择截止时间'
  const raw = {
    title: f.title,
    opensAt: opens ? isoWithOffset(opens) : '',
    closesAt: closes ? isoWithOffset(closes) : '',
    cosignersNeeded: f.cosigners,
  }
  const parsed = CreateSessionBody.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // the schema's object-level rule (截止时间应晚于开始时间) has no path: it is about the end
      const field = FIELD_OF[String(issue.path[0] ?? 'closesAt')] ?? 'closes'
      if (errors[field]) continue
      errors[field] = chinese(issue, field)
    }
  }
  if (closes && !errors.closes && closes.getTime() <= now.getTime()) errors.closes = '截止时间已经过了，请选以后的时间'
  if (Object.keys(errors).length || !parsed.success) return { errors }
  return { body: parsed.data }
}

/** The schema's own message where it has one in Chinese; zod's built-in ones (English) in our words. */
function chinese(issue: { code: string; message: string; maximum?: unknown }, field: SessionField): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message
  if (field === 'title') return issue.code === 'too_big' ? `名称最多 ${String(issue.maximum ?? TITLE_MAX)} 个字` : '请填写征集名称'
  if (field === 'cosigners') return `附议人数应在 0 到 ${MAX_COSIGNERS} 之间`
  return field === 'opens' ? '开始时间不正确' : '截止时间不正确'
}

const DAY = 86_400_000

/** How long the window lasts, in words, counted in calendar days as people do (`共 14 天`); hours within one day. */
function span(opensAt: string, closesAt: string): string {
  const day = (iso: string) => {
    const p = chinaParts(iso)
    return Date.UTC(p.year, p.month - 1, p.day)
  }
  const days = Math.round((day(closesAt) - day(opensAt)) / DAY)
  if (days > 0) return `共 ${days} 天`
  return `共 ${Math.max(1, Math.round((Date.parse(closesAt) - Date.parse(opensAt)) / 3600_000))} 小时`
}

/** The window as members will read it on the confirmation screen. */
export function windowWords(body: Pick<CreateSessionBody, 'opensAt' | 'closesAt'>, now: Date = new Date()): { from: string; to: string; span: string; startsNow: boolean } {
  return {
    from: fmtDateTime(body.opensAt, now),
    to: fmtDateTime(body.closesAt, now),
    span: span(body.opensAt, body.closesAt),
    startsNow: Date.parse(body.opensAt) <= now.getTime(),
  }
}
