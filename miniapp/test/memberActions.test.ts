import { describe, expect, it } from 'vitest'
import { canReactivate, deactivation } from '../src/admin/shared/memberActions'
import type { Member } from '../src/api/types'

const who = (memberId: string, ...roles: Member['roles']) => ({ memberId, roles: ['member', ...roles] as Member['roles'] })

describe('停用 and 恢复, as the server allows them', () => {
  it('nobody stops themselves; only the chair stops an officer', () => {
    const chair = who('c', 'chair')
    const committee = who('k', 'committee')
    const treasurer = who('t', 'treasurer')
    const plain = who('p')
    expect(deactivation(committee, plain)).toEqual({ allowed: true })
    expect(deactivation(committee, who('l', 'groupLeader', 'delegate'))).toEqual({ allowed: true })
    for (const officer of [who('c2', 'chair'), treasurer, who('k2', 'committee')]) {
      expect(deactivation(committee, officer)).toMatchObject({ allowed: false, why: expect.stringContaining('只有工会主席') })
      expect(deactivation(chair, officer)).toEqual({ allowed: true })
    }
    expect(deactivation(chair, chair)).toMatchObject({ allowed: false, why: '不能停用自己的账号。' })
    expect(deactivation(committee, committee)).toMatchObject({ allowed: false, why: '不能停用自己的账号。' })
  })

  it('恢复 is the chair’s, for a stopped member only', () => {
    expect(canReactivate(who('c', 'chair'), { active: false })).toBe(true)
    expect(canReactivate(who('c', 'chair'), { active: true })).toBe(false)
    expect(canReactivate(who('k', 'committee'), { active: false })).toBe(false)
  })
})
