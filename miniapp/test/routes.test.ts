import { describe, expect, it } from 'vitest'
import { ROUTES, currentLink, movedUrl } from '../src/lib/routes'

describe('links to pages that moved to a sub-package', () => {
  it('opens an old 活动 link from a stored message at the event detail page', () => {
    expect(currentLink('/pages/event/index?id=e-1')).toBe('/event/detail/index?id=e-1')
    expect(currentLink('/pages/event/index?id=e-1')).toBe(ROUTES.event('e-1'))
    expect(currentLink('pages/messages/index')).toBe(ROUTES.messages)
    expect(currentLink('/pages/my-registrations/index')).toBe(ROUTES.myRegistrations)
    expect(currentLink('/pages/checkin-code/index')).toBe(ROUTES.checkinCode)
  })

  it('leaves current links alone', () => {
    expect(currentLink(ROUTES.event('e-1'))).toBe(ROUTES.event('e-1'))
    expect(currentLink(ROUTES.mine)).toBe(ROUTES.mine)
  })

  it('rebuilds the url of a missing page from what WeChat reports (path without slash, query as an object)', () => {
    expect(movedUrl('pages/event/index', { id: 'e-1' })).toBe('/event/detail/index?id=e-1')
    expect(movedUrl('/pages/messages/index')).toBe('/inbox/messages/index')
    expect(movedUrl('pages/nowhere/index', { id: 'x' })).toBeUndefined()
  })
})
