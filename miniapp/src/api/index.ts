import { request } from './client'
import type {
  DemoPeople,
  DeactivateResult,
  ImportResult,
  MeResult,
  MemberList,
  SessionResult,
  UpdateMemberBody,
  WechatLoginResult,
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

  // 花名册
  members: (orgId: string) => request<MemberList>('GET', `/orgs/${seg(orgId)}/members`),
  updateMember: (memberId: string, body: Partial<UpdateMemberBody>) =>
    request<unknown>('PATCH', `/members/${seg(memberId)}`, body),
  deactivateMember: (memberId: string) => request<DeactivateResult>('POST', `/members/${seg(memberId)}/deactivate`),
  importRoster: (orgId: string, fileBase64: string, dryRun: boolean) =>
    request<ImportResult>('POST', `/orgs/${seg(orgId)}/roster/import`, { fileBase64, dryRun }, { timeout: 120000 }),
  rosterXlsxPath: (orgId: string) => `/orgs/${seg(orgId)}/roster.xlsx`,
}
