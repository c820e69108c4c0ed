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
  invites: '/admin/invites/index',
  audit: '/admin/audit/index',
  event: (eventId: string) => `/pages/event/index?id=${encodeURIComponent(eventId)}`,
  myRegistrations: '/pages/my-registrations/index',
  messages: '/pages/messages/index',
  checkinCode: '/pages/checkin-code/index',
  eventForm: (eventId?: string) => (eventId ? `/manage/event-form/index?id=${encodeURIComponent(eventId)}` : '/manage/event-form/index'),
  registrations: (eventId?: string) => (eventId ? `/manage/registrations/index?id=${encodeURIComponent(eventId)}` : '/manage/registrations/index'),
  checkin: (eventId: string) => `/manage/checkin/index?id=${encodeURIComponent(eventId)}`,
} as const

export const TAB_ROUTES: string[] = [ROUTES.home, ROUTES.events, ROUTES.donate, ROUTES.proposals, ROUTES.mine]
