/** 区教育工会: which district the admin belongs to, and finding a school by name. Pure but for `api`. */
import { api } from '../../api/more'
import type { DistrictOrgs, Me } from '../../api/types'

/** The admin's district: on /me when the API sends it, else from their own org (the district office). */
export async function districtIdOf(member: Pick<Me, 'orgId'> & { districtId?: string }): Promise<string> {
  if (member.districtId) return member.districtId
  return (await api.org(member.orgId)).districtId
}

export async function loadDistrict(member: Pick<Me, 'orgId'> & { districtId?: string }): Promise<DistrictOrgs> {
  return api.districtOrgs(await districtIdOf(member))
}

/** Schools whose name contains every word typed (spaces separate words), in the server's order. */
export function findSchools(orgs: DistrictOrgs['orgs'], query: string): DistrictOrgs['orgs'] {
  const words = query.trim().split(/\s+/).filter(Boolean)
  if (!words.length) return orgs
  return orgs.filter((o) => words.every((w) => o.name.toLowerCase().includes(w.toLowerCase())))
}
