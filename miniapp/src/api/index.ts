import { request } from './client'
import type {
  CheckinBody,
  CheckinResult,
  UndoCheckinResult,
  CreateEventBody,
  EventList,
  EventView,
  MessageList,
  MyRegistration,
  MyRegistrationList,
  RegisterBody,
  RegisterResult,
  RegistrationList,
  UpdateEventBody,
  DemoPeople,
  MemberResult,
  DistrictOrgs,
  OrgInfo,
  ImportResult,
  MeResult,
  MemberList,
  SessionResult,
  UpdateMemberBody,
  WechatLoginResult,
  BulkConfirmResult,
  CampaignList,
  CampaignView,
  DonateBody,
  DonationList,
  DonationView,
  HonorRoll,
  MyDonations,
  MyProposals,
  ProposalSession,
} from './types'

const seg = encodeURIComponent

export const api = {
  // 登录
  wechatLogin: (code: string) => request<WechatLoginResult>('POST', '/auth/wechat-login', { code }, { auth: false }),
  bind: (bindingToken: string, inviteCode: string) =>
    request<SessionResult>('POST', '/auth/bind', { bindingToken, inviteCode }, { auth: false }),
  devDemo: () => request<DemoPeople>('GET', '/dev/demo', undefined, { auth: false }),
  devOrgPeople: (orgId: string) => request<DemoPeople>('GET', `/dev/orgs/${seg(orgId)}/people`, undefined, { auth: false }),
  devLogin: (memberId: string) => request<SessionResult>('POST', '/dev/login', { memberId }, { auth: false }),

  // 我
  me: () => request<MeResult>('GET', '/me'),
  consent: (version: string) => request<unknown>('POST', '/me/consent', { version }),

  // 学校 / 区教育工会
  org: (orgId: string) => request<OrgInfo>('GET', `/orgs/${seg(orgId)}`),
  districtOrgs: (districtId: string) => request<DistrictOrgs>('GET', `/districts/${seg(districtId)}/orgs`),

  // 花名册
  members: (orgId: string) => request<MemberList>('GET', `/orgs/${seg(orgId)}/members`),
  updateMember: (memberId: string, body: Partial<UpdateMemberBody>) =>
    request<unknown>('PATCH', `/members/${seg(memberId)}`, body),
  deactivateMember: (memberId: string) => request<MemberResult>('POST', `/members/${seg(memberId)}/deactivate`),
  reactivateMember: (memberId: string) => request<MemberResult>('POST', `/members/${seg(memberId)}/reactivate`),
  importRoster: (orgId: string, fileBase64: string, dryRun: boolean) =>
    request<ImportResult>('POST', `/orgs/${seg(orgId)}/roster/import`, { fileBase64, dryRun }, { timeout: 120000 }),
  rosterXlsxPath: (orgId: string) => `/orgs/${seg(orgId)}/roster.xlsx`,

  // 活动报名
  events: (orgId: string) => request<EventList>('GET', `/orgs/${seg(orgId)}/events`),
  event: (eventId: string) => request<EventView>('GET', `/events/${seg(eventId)}`),
  register: (eventId: string, body: RegisterBody) => request<RegisterResult>('POST', `/events/${seg(eventId)}/registrations`, body),
  changeRegistration: (eventId: string, body: { family?: number; choices?: Record<string, string> }) =>
    request<MyRegistration>('PATCH', `/events/${seg(eventId)}/registrations/me`, body),
  cancelRegistration: (eventId: string) => request<unknown>('DELETE', `/events/${seg(eventId)}/registrations/me`),
  myRegistrations: () => request<MyRegistrationList>('GET', '/me/registrations'),
  messages: () => request<MessageList>('GET', '/me/messages'),
  markMessagesRead: () => request<unknown>('POST', '/me/messages/read'),
  createEvent: (orgId: string, body: CreateEventBody) => request<EventView>('POST', `/orgs/${seg(orgId)}/events`, body),
  updateEvent: (eventId: string, body: UpdateEventBody) => request<EventView>('PATCH', `/events/${seg(eventId)}`, body),
  cancelEvent: (eventId: string) => request<EventView>('POST', `/events/${seg(eventId)}/cancel`),
  registrations: (eventId: string, groupId?: string) =>
    request<RegistrationList>('GET', `/events/${seg(eventId)}/registrations${groupId ? `?groupId=${seg(groupId)}` : ''}`),
  checkin: (eventId: string, body: CheckinBody) => request<CheckinResult>('POST', `/events/${seg(eventId)}/checkins`, body, { timeout: 10000 }),
  undoCheckin: (eventId: string, memberId: string) => request<UndoCheckinResult>('DELETE', `/events/${seg(eventId)}/checkins/${seg(memberId)}`),
  eventRosterXlsxPath: (eventId: string) => `/events/${seg(eventId)}/roster.xlsx`,

  // 一日捐
  campaigns: (orgId: string) => request<CampaignList>('GET', `/orgs/${seg(orgId)}/campaigns`),
  campaign: (campaignId: string) => request<CampaignView>('GET', `/campaigns/${seg(campaignId)}`),
  honorRoll: (campaignId: string) => request<HonorRoll>('GET', `/campaigns/${seg(campaignId)}/honor-roll`),
  donate: (campaignId: string, body: DonateBody) => request<DonationView>('POST', `/campaigns/${seg(campaignId)}/donations`, body),
  campaignDonations: (campaignId: string) => request<DonationList>('GET', `/campaigns/${seg(campaignId)}/donations`),
  confirmDonation: (donationId: string) => request<{ status: string }>('POST', `/donations/${seg(donationId)}/confirm`),
  confirmDonations: (campaignId: string, donationIds: string[]) =>
    request<BulkConfirmResult>('POST', `/campaigns/${seg(campaignId)}/donations/confirm`, { donationIds }),
  rejectDonation: (donationId: string, reason: string) => request<{ status: string }>('POST', `/donations/${seg(donationId)}/reject`, { reason }),
  myDonations: () => request<MyDonations>('GET', '/me/donations'),

  // 教代会提案: the tab's sessions and 首页's 待我附议 (the rest is the sub-package's, proposal/api.ts)
  proposalSessions: (orgId: string) => request<{ sessions: ProposalSession[] }>('GET', `/orgs/${seg(orgId)}/sessions`),
  myProposals: () => request<MyProposals>('GET', '/me/proposals'),
}
