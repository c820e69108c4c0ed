import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../src/api/more'
import { districtIdOf, findSchools } from '../src/manage/shared/district'
import { isDistrictAdmin } from '../src/lib/roles'

describe('区教育工会', () => {
  afterEach(() => vi.restoreAllMocks())

  const orgs = [
    { orgId: 'o-1', name: '第一实验小学' },
    { orgId: 'o-2', name: '第二中学' },
    { orgId: 'o-3', name: '实验中学' },
  ]

  it('finds schools by any words of the name, and lists all without a query', () => {
    expect(findSchools(orgs, '')).toEqual(orgs)
    expect(findSchools(orgs, '  ')).toEqual(orgs)
    expect(findSchools(orgs, '实验').map((o) => o.orgId)).toEqual(['o-1', 'o-3'])
    expect(findSchools(orgs, '实验 中学').map((o) => o.orgId)).toEqual(['o-3'])
    expect(findSchools(orgs, '幼儿园')).toEqual([])
  })

  it('takes the district from /me when sent, else from the office org', async () => {
    const org = vi.spyOn(api, 'org').mockResolvedValue({ orgId: 'o-office', districtId: 'd-9', name: '示范区教育工会', congressTerm: '' })
    expect(await districtIdOf({ orgId: 'o-office', districtId: 'd-1' })).toBe('d-1')
    expect(org).not.toHaveBeenCalled()
    expect(await districtIdOf({ orgId: 'o-office' })).toBe('d-9')
    expect(org).toHaveBeenCalledWith('o-office')
  })

  it('knows who the district admin is', () => {
    expect(isDistrictAdmin(['districtAdmin'])).toBe(true)
    expect(isDistrictAdmin(['chair', 'committee'])).toBe(false)
    expect(isDistrictAdmin(undefined)).toBe(false)
  })
})
