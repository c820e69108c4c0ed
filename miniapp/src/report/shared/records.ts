import { CARE_KIND_LABELS, type CareKind } from '@shared/domain/care'
import { STATUS_LABELS, type ProposalStatus } from '@shared/domain/proposals'
import { fmtDateTime } from '../../lib/events'
import { fmtDay, yuanText } from './term'

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined)
const num = (v: unknown) => (typeof v === 'number' ? v : undefined)

/** One record behind a figure, as a title and the facts under it (the records' fields differ by figure). */
export function recordText(r: Record<string, unknown>): { title: string; facts: string[]; amount?: string } {
  const author = (r.author ?? r.proposer) as { name?: string } | undefined
  const title = str(r.title) ? `${r.number ? `${String(r.number)} ` : ''}${String(r.title)}` : str(r.name) ?? '（无名称）'
  const facts: string[] = []
  if (str(r.title) && str(r.name)) facts.push(String(r.name))
  if (author?.name) facts.push(`提出人：${author.name}`)
  if (str(r.eventTitle)) facts.push(String(r.eventTitle))
  if (str(r.campaignTitle)) facts.push(String(r.campaignTitle))
  if (str(r.kind) && (r.kind as string) in CARE_KIND_LABELS) facts.push(CARE_KIND_LABELS[r.kind as CareKind])
  if (str(r.date)) facts.push(fmtDay(String(r.date)))
  if (str(r.startsAt)) facts.push(`${fmtDateTime(String(r.startsAt))}开始`)
  if (str(r.place)) facts.push(String(r.place))
  if (str(r.closedAt)) facts.push(`${fmtDateTime(String(r.closedAt))}结束`)
  if (str(r.checkedInAt)) facts.push(`${fmtDateTime(String(r.checkedInAt))}签到`)
  if (num(r.family)) facts.push(`带家属${String(r.family)}人`)
  if (num(r.events) !== undefined) facts.push(`参加${String(r.events)}场`)
  if (num(r.cast) !== undefined && num(r.eligible) !== undefined) facts.push(`已投${String(r.cast)}人 / 应投${String(r.eligible)}人`)
  if (str(r.status) && (r.status as string) in STATUS_LABELS) facts.push(STATUS_LABELS[r.status as ProposalStatus])
  if (r.adopted === true) facts.push('已采纳')
  if (Array.isArray(r.visitors) && r.visitors.length) facts.push(`走访人：${(r.visitors as string[]).join('、')}`)
  if (str(r.createdAt)) facts.push(`${fmtDateTime(String(r.createdAt))}`)
  const fen = num(r.amountFen) ?? num(r.giftFen) ?? num(r.confirmedFen)
  return { title, facts, amount: fen === undefined ? undefined : yuanText(fen) }
}
