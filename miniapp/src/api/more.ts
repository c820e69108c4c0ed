import { request } from './client'
import { api as mainApi } from './index'
import type {
  UndoCheckinResult,
  CreateEventBody,
  EventView,
  MyRegistration,
  RegisterBody,
  RegisterResult,
  RegistrationList,
  UpdateEventBody,
  MemberResult,
  DistrictOrgs,
  OrgInfo,
  ImportResult,
  MemberList,
  UpdateMemberBody,
  BulkConfirmResult,
  CampaignView,
  DonateBody,
  DonationList,
  DonationView,
  HonorRoll,
  MyDonations,
} from './types'

const seg = encodeURIComponent

/**
 * The requests only sub-packages make: added onto the main package's `api` object (the same object,
 * so a test's spy on either import sees every call) by the sub-packages that import this module,
 * so the main package carries only the requests its own pages make.
 */
const more = {
  org: (orgId: string) => request<OrgInfo>('GET', `/orgs/${seg(orgId)}`),
  districtOrgs: (districtId: string) => request<DistrictOrgs>('GET', `/districts/${seg(districtId)}/orgs`),
  members: (orgId: string) => request<MemberList>('GET', `/orgs/${seg(orgId)}/members`),
  updateMember: (memberId: string, body: Partial<UpdateMemberBody>) =>
    request<unknown>('PATCH', `/members/${seg(memberId)}`, body),
  deactivateMember: (memberId: string) => request<MemberResult>('POST', `/members/${seg(memberId)}/deactivate`),
  reactivateMember: (memberId: string) => request<MemberResult>('POST', `/members/${seg(memberId)}/reactivate`),
  importRoster: (orgId: string, fileBase64: string, dryRun: boolean) =>
    request<ImportResult>('POST', `/orgs/${seg(orgId)}/roster/import`, { fileBase64, dryRun }, { timeout: 120000 }),
  rosterXlsxPath: (orgId: string) => `/orgs/${seg(orgId)}/roster.xlsx`,
  register: (eventId: string, body: RegisterBody) => request<RegisterResult>('POST', `/events/${seg(eventId)}/registrations`, body),
  changeRegistration: (eventId: string, body: { family?: number; choices?: Record<string, string> }) =>
    request<MyRegistration>('PATCH', `/events/${seg(eventId)}/registrations/me`, body),
  cancelRegistration: (eventId: string) => request<unknown>('DELETE', `/events/${seg(eventId)}/registrations/me`),
  markMessagesRead: () => request<unknown>('POST', '/me/messages/read'),
  createEvent: (orgId: string, body: CreateEventBody) => request<EventView>('POST', `/orgs/${seg(orgId)}/events`, body),
  updateEvent: (eventId: string, body: UpdateEventBody) => request<EventView>('PATCH', `/events/${seg(eventId)}`, body),
  cancelEvent: (eventId: string) => request<EventView>('POST', `/events/${seg(eventId)}/cancel`),
  registrations: (eventId: string, groupId?: string) =>
    request<RegistrationList>('GET', `/events/${seg(eventId)}/registrations${groupId ? `?groupId=${seg(groupId)}` : ''}`),
  undoCheckin: (eventId: string, memberId: string) => request<UndoCheckinResult>('DELETE', `/events/${seg(eventId)}/checkins/${seg(memberId)}`),
  eventRosterXlsxPath: (eventId: string) => `/events/${seg(eventId)}/roster.xlsx`,
  campaign: (campaignId: string) => request<CampaignView>('GET', `/campaigns/${seg(campaignId)}`),
  honorRoll: (campaignId: string) => request<HonorRoll>('GET', `/campaigns/${seg(campaignId)}/honor-roll`),
  donate: (campaignId: string, body: DonateBody) => request<DonationView>('POST', `/campaigns/${seg(campaignId)}/donations`, body),
  campaignDonations: (campaignId: string) => request<DonationList>('GET', `/campaigns/${seg(campaignId)}/donations`),
  confirmDonation: (donationId: string) => request<{ status: string }>('POST', `/donations/${seg(donationId)}/confirm`),
  confirmDonations: (campaignId: string, donationIds: string[]) =>
    request<BulkConfirmResult>('POST', `/campaigns/${seg(campaignId)}/donations/confirm`, { donationIds }),
  rejectDonation: (donationId: string, reason: string) => request<{ status: string }>('POST', `/donations/${seg(donationId)}/reject`, { reason }),
  myDonations: () => request<MyDonations>('GET', '/me/donations'),
}

export const api: typeof mainApi & typeof more = Object.assign(mainApi, more)
