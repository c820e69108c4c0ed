/** 全区捐款 (区教育工会): the district's campaigns and each school's totals. Pure but for `request`. */
import { request } from '../../api/client'
import type { CampaignView } from '../../api/types'
import type { DistrictRollup } from '@shared/schemas/donations'

export type SchoolTotals = DistrictRollup['schools'][number]
export type { DistrictRollup }

const seg = encodeURIComponent
export const districtCampaigns = (districtId: string) => request<{ campaigns: CampaignView[] }>('GET', `/districts/${seg(districtId)}/campaigns`)
export const districtRollup = (districtId: string, campaignId: string) => request<DistrictRollup>('GET', `/districts/${seg(districtId)}/campaigns/${seg(campaignId)}/schools`)

export type SchoolOrder = 'amount' | 'donors' | 'name'
export const SCHOOL_ORDERS: { key: SchoolOrder; label: string }[] = [
  { key: 'amount', label: '按金额' },
  { key: 'donors', label: '按人数' },
  { key: 'name', label: '按校名' },
]

const byName = (a: SchoolTotals, b: SchoolTotals) => a.name.localeCompare(b.name, 'zh-Hans-CN')

/** Largest confirmed total first, or most donors first (ties by name), or by name. */
export function sortSchools(schools: readonly SchoolTotals[], order: SchoolOrder): SchoolTotals[] {
  const list = [...schools]
  if (order === 'amount') return list.sort((a, b) => b.confirmedFen - a.confirmedFen || b.recordedFen - a.recordedFen || byName(a, b))
  if (order === 'donors') return list.sort((a, b) => b.donorCount - a.donorCount || b.confirmedFen - a.confirmedFen || byName(a, b))
  return list.sort(byName)
}

/** How many schools have at least one gift (not rejected). */
export const schoolsGiving = (schools: readonly SchoolTotals[]) => schools.filter((s) => s.giftCount > 0).length
