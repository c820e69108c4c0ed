import { formatFen } from '@shared/domain/fen'
import type { CampaignView } from '../api/types'

export const KIND_LABELS: Record<CampaignView['kind'], string> = {
  'day-pay': '一日捐',
  'student-aid': '金秋助学',
  relief: '救助帮扶',
  other: '爱心捐款',
}

/** ¥ and two decimals, from integer fen (never a float). */
export const yuan = (fen: number) => `¥${formatFen(fen)}`

/** How far the confirmed total is toward the goal, 0..100 (whole percent); undefined without a goal. */
export function progressPercent(c: Pick<CampaignView, 'confirmedFen' | 'goalFen'>): number | undefined {
  if (!c.goalFen) return undefined
  return Math.min(100, Math.floor((c.confirmedFen * 100) / c.goalFen))
}

/** Running campaigns first (closing soonest first), then closed ones (newest first). */
export function sortCampaigns(list: readonly CampaignView[]): CampaignView[] {
  const open = list.filter((c) => c.state === 'open').sort((a, b) => a.closesAt.localeCompare(b.closesAt))
  const closed = list.filter((c) => c.state !== 'open').sort((a, b) => b.closesAt.localeCompare(a.closesAt))
  return [...open, ...closed]
}
