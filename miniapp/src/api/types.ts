/**
 * Every API type the mini-program uses, in one place.
 *
 * Types come from the backend's zod schemas in /shared/schemas (alias @shared) wherever they
 * exist. Type-only imports: zod itself is never bundled into the mini-program.
 * The declarations marked LOCAL below have no shared schema yet and should be replaced by
 * imports from @shared once the backend publishes them.
 */
import type { Role as SharedRole, ErrorBody as SharedErrorBody } from '@shared/schemas/common'
import type {
  Member as SharedMember,
  Group as SharedGroup,
  MeResult as SharedMeResult,
  Consent as SharedConsent,
  MemberList as SharedMemberList,
  UpdateMemberBody as SharedUpdateMemberBody,
} from '@shared/schemas/member'
import type { WechatLoginResult as SharedWechatLoginResult, SessionResult as SharedSessionResult } from '@shared/schemas/auth'
import type {
  ImportReport as SharedImportReport,
  ImportRow as SharedImportRow,
  ImportResult as SharedImportResult,
  RowAction as SharedRowAction,
} from '@shared/schemas/roster'

export type Role = SharedRole
export type ErrorBody = SharedErrorBody
export type Member = SharedMember
export type Group = SharedGroup
export type Consent = SharedConsent
export type MeResult = SharedMeResult
export type Me = SharedMeResult['member']
export type MemberList = SharedMemberList
export type UpdateMemberBody = SharedUpdateMemberBody
export type WechatLoginResult = SharedWechatLoginResult
export type SessionResult = SharedSessionResult
export type ImportReport = SharedImportReport
export type ImportRow = SharedImportRow
export type ImportResult = SharedImportResult
export type RowAction = SharedRowAction

// ---------------------------------------------------------------------------------------------
// LOCAL: no shared schema yet (replace with @shared imports when they exist).

/** LOCAL. One person offered on the H5 开发登录 page (`GET /dev/demo`, `GET /dev/orgs/{orgId}/people`). */
export interface DemoPerson {
  memberId: string
  name: string
  roles: Role[]
  groupName?: string
}

/**
 * LOCAL. Response of `GET /dev/demo` and `GET /dev/orgs/{orgId}/people`
 * (the backend leaves orgName out of the second one, hence optional).
 */
export interface DemoPeople {
  orgId: string
  orgName?: string
  people: DemoPerson[]
}

/** LOCAL. Body of `POST /members/{memberId}/deactivate` answers; the app reads nothing from it. */
export type DeactivateResult = unknown
