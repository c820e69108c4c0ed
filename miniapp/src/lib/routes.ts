const EVENT_DETAIL = '/event/detail/index'

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
  // sub-package `event`; the server writes links to the detail page into messages and WeChat notices
  event: (eventId: string) => `${EVENT_DETAIL}?id=${encodeURIComponent(eventId)}`,
  myRegistrations: '/event/my-registrations/index',
  checkinCode: '/event/checkin-code/index',
  // sub-package `inbox`
  messages: '/inbox/messages/index',
  eventForm: (eventId?: string) => (eventId ? `/manage/event-form/index?id=${encodeURIComponent(eventId)}` : '/manage/event-form/index'),
  registrations: (eventId?: string) => (eventId ? `/manage/registrations/index?id=${encodeURIComponent(eventId)}` : '/manage/registrations/index'),
  district: '/manage/district/index',
  districtDonations: '/manage/district-donations/index',
  districtReport: '/manage/district-report/index',
  // sub-package `donate`: a campaign (公示, 捐款; the treasurer's 确认) and 我的捐款
  campaign: (campaignId: string) => `/donate/campaign/index?id=${encodeURIComponent(campaignId)}`,
  myDonations: '/donate/mine/index',
  // sub-package `aid`: 困难补助 (its own pages' links live in aid/api.ts)
  aid: '/aid/index/index',
  checkin: (eventId: string) => `/manage/checkin/index?id=${encodeURIComponent(eventId)}`,
  // sub-package `ballot`: 表决 (投票, 回执, 结果) and the chair's 发起表决
  ballots: '/ballot/list/index',
  ballot: (ballotId: string) => `/ballot/detail/index?id=${encodeURIComponent(ballotId)}`,
  ballotReceipt: (ballotId: string) => `/ballot/receipt/index?id=${encodeURIComponent(ballotId)}`,
  ballotResults: (ballotId: string) => `/ballot/results/index?id=${encodeURIComponent(ballotId)}`,
  ballotCreate: '/ballot/create/index',
  // sub-package `report` (committee): 学期总结, 送温暖, 生日
  report: '/report/index/index',
  careVisits: '/report/care/index',
  birthdays: '/report/birthdays/index',
  // sub-package `notice`: 通知 (every member reads; the committee posts)
  notices: '/notice/list/index',
  notice: (noticeId: string) => `/notice/detail/index?id=${encodeURIComponent(noticeId)}`,
} as const

export const TAB_ROUTES: string[] = [ROUTES.home, ROUTES.events, ROUTES.donate, ROUTES.proposals, ROUTES.mine]

/**
 * Pages that moved out of the main package. Links written before the move (stored in 消息, sent as
 * WeChat notices, forwarded to chats) still name the old path.
 */
const MOVED: Record<string, string> = {
  '/pages/event/index': EVENT_DETAIL,
  '/pages/my-registrations/index': ROUTES.myRegistrations,
  '/pages/checkin-code/index': ROUTES.checkinCode,
  '/pages/messages/index': ROUTES.messages,
}

/** The new path of a page that moved (`pages/x/index` or `/pages/x/index`), else undefined. */
function movedTo(path: string): string | undefined {
  return MOVED[path.startsWith('/') ? path : `/${path}`]
}

/** A link as it opens today: a moved page's new path, with the same query. */
export function currentLink(link: string): string {
  const q = link.indexOf('?')
  const moved = movedTo(q < 0 ? link : link.slice(0, q))
  return moved ? moved + (q < 0 ? '' : link.slice(q)) : link
}

/** The new url of a missing page that moved, from its path and query as WeChat reports them; undefined when it did not move. */
export function movedUrl(path: string, query: Record<string, string> = {}): string | undefined {
  const moved = movedTo(path)
  if (!moved) return undefined
  const q = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return q ? `${moved}?${q}` : moved
}

/** Sub-package `proposal` (教代会提案, 金点子): ROUTES stays small in main, these are only strings. */
export const PROPOSAL_ROUTES = {
  session: (sessionId: string) => `/proposal/session/index?id=${encodeURIComponent(sessionId)}`,
  /** 发起提案征集 (committee) */
  sessionForm: '/proposal/session-form/index',
  detail: (proposalId: string) => `/proposal/detail/index?id=${encodeURIComponent(proposalId)}`,
  form: (q: { sessionId?: string; proposalId?: string }) =>
    q.proposalId ? `/proposal/form/index?id=${encodeURIComponent(q.proposalId)}` : `/proposal/form/index?session=${encodeURIComponent(q.sessionId ?? '')}`,
  ideas: '/proposal/ideas/index',
  mine: '/proposal/mine/index',
  overdue: '/proposal/overdue/index',
} as const
