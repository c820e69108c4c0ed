export const ROUTES = {
  home: '/pages/index/index',
  events: '/pages/events/index',
  donate: '/pages/donate/index',
  proposals: '/pages/proposals/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  consent: '/pages/consent/index',
  admin: '/admin/index/index',
  roster: '/admin/roster/index',
  member: (memberId: string) => `/admin/member/index?id=${encodeURIComponent(memberId)}`,
  importRoster: '/admin/import/index',
} as const

export const TAB_ROUTES: string[] = [ROUTES.home, ROUTES.events, ROUTES.donate, ROUTES.proposals, ROUTES.mine]
