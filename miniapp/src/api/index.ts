import { request } from './client'
import type {
  CheckinBody,
  CheckinResult,
  EventList,
  EventView,
  MessageList,
  MyRegistrationList,
  DemoPeople,
  MeResult,
  SessionResult,
  WechatLoginResult,
  CampaignList,
  MyProposals,
  ProposalSession,
} from './types'

const seg = encodeURIComponent

/** The requests the main package's pages make (sub-packages import `api` from './more', which adds theirs). */
export const api = {
  wechatLogin: (code: string) => request<WechatLoginResult>('POST', '/auth/wechat-login', { code }, { auth: false }),
  bind: (bindingToken: string, inviteCode: string) =>
    request<SessionResult>('POST', '/auth/bind', { bindingToken, inviteCode }, { auth: false }),
  devDemo: () => request<DemoPeople>('GET', '/dev/demo', undefined, { auth: false }),
  devOrgPeople: (orgId: string) => request<DemoPeople>('GET', `/dev/orgs/${seg(orgId)}/people`, undefined, { auth: false }),
  devLogin: (memberId: string) => request<SessionResult>('POST', '/dev/login', { memberId }, { auth: false }),
  me: () => request<MeResult>('GET', '/me'),
  consent: (version: string) => request<unknown>('POST', '/me/consent', { version }),
  events: (orgId: string) => request<EventList>('GET', `/orgs/${seg(orgId)}/events`),
  event: (eventId: string) => request<EventView>('GET', `/events/${seg(eventId)}`),
  myRegistrations: () => request<MyRegistrationList>('GET', '/me/registrations'),
  messages: () => request<MessageList>('GET', '/me/messages'),
  checkin: (eventId: string, body: CheckinBody) => request<CheckinResult>('POST', `/events/${seg(eventId)}/checkins`, body, { timeout: 10000 }),
  campaigns: (orgId: string) => request<CampaignList>('GET', `/orgs/${seg(orgId)}/campaigns`),
  proposalSessions: (orgId: string) => request<{ sessions: ProposalSession[] }>('GET', `/orgs/${seg(orgId)}/sessions`),
  myProposals: () => request<MyProposals>('GET', '/me/proposals'),
}
