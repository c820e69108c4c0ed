/**
 * Every API type the mini-program uses, in one place.
 *
 * Types come from the backend's zod schemas in /shared/schemas (alias @shared) wherever they
 * exist. Type-only imports: zod itself is never bundled into the mini-program.
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
  EventView as SharedEventView,
  EventList as SharedEventList,
  EventOption as SharedEventOption,
  EventState as SharedEventState,
  MyRegistration as SharedMyRegistration,
  RegistrationStatus as SharedRegistrationStatus,
  RegisterBody as SharedRegisterBody,
  RegisterResult as SharedRegisterResult,
  CreateEventBody as SharedCreateEventBody,
  UpdateEventBody as SharedUpdateEventBody,
  RegistrationEntry as SharedRegistrationEntry,
  RegistrationList as SharedRegistrationList,
  GroupHeadCount as SharedGroupHeadCount,
  CheckinBody as SharedCheckinBody,
  CheckinResult as SharedCheckinResult,
  UndoCheckinResult as SharedUndoCheckinResult,
  Message as SharedMessage,
} from '@shared/schemas/events'
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

// 活动报名
export type EventView = SharedEventView
export type EventList = SharedEventList
/** One event of `GET /orgs/{orgId}/events` (its `me` has no waitlist position). */
export type EventSummary = SharedEventList['events'][number]
export type EventOption = SharedEventOption
export type EventState = SharedEventState
export type MyRegistration = SharedMyRegistration
export type RegistrationStatus = SharedRegistrationStatus
export type RegisterBody = SharedRegisterBody
export type RegisterResult = SharedRegisterResult
export type CreateEventBody = SharedCreateEventBody
export type UpdateEventBody = SharedUpdateEventBody
export type RegistrationEntry = SharedRegistrationEntry
export type RegistrationList = SharedRegistrationList
export type GroupHeadCount = SharedGroupHeadCount
export type CheckinBody = SharedCheckinBody
export type CheckinResult = SharedCheckinResult
export type UndoCheckinResult = SharedUndoCheckinResult
export type Message = SharedMessage

export type { DemoPerson, DemoPeople } from '@shared/schemas/auth'
export type { MemberResult } from '@shared/schemas/member'
export type { MyRegistrationList, MessageList } from '@shared/schemas/events'
export type MyRegistrationItem = import('@shared/schemas/events').MyRegistrationList['registrations'][number]

export type { OrgInfo, DistrictOrgs } from '@shared/schemas/member'

export type {
  CampaignView,
  DonationView,
  DonationStatus,
  DonateBody,
  HonorRoll,
  MyDonations,
  BulkConfirmResult,
} from '@shared/schemas/donations'
export type CampaignList = { campaigns: import('@shared/schemas/donations').CampaignView[] }
export type DonationList = { donations: import('@shared/schemas/donations').DonationView[] }

// 表决 (types only: zod is never bundled)
export type {
  BallotView,
  BallotResults,
  QuestionResult,
  QuestionInput,
  CreateBallotBody,
  BallotStatus,
} from '@shared/schemas/ballots'
/** One ballot of `GET /orgs/{orgId}/ballots`: what the list and 首页 need of a BallotView. */
export type BallotSummary = Pick<
  import('@shared/schemas/ballots').BallotView,
  'ballotId' | 'title' | 'status' | 'electorate' | 'eligibleCount' | 'votedCount' | 'createdAt'
> &
  Partial<Pick<import('@shared/schemas/ballots').BallotView, 'openedAt' | 'closedAt'>> & {
    me: { voted: boolean; eligible?: boolean }
  }
// 教代会提案 and 金点子 (the `proposal` sub-package; the tab and 首页 read sessions and toCosign)
export type { ProposalView, DraftBody, DecisionBody, RatingBody, IdeaBody, CreateSessionBody } from '@shared/schemas/proposals'
export type { SessionStats } from '@shared/domain/proposals'
export interface ProposalSession {
  sessionId: string
  orgId: string
  title: string
  opensAt: string
  closesAt: string
  cosignersNeeded: number
  state: 'upcoming' | 'open' | 'closed'
  createdAt: string
}
export interface MyProposals {
  proposals: import('@shared/schemas/proposals').ProposalView[]
  assigned: (import('@shared/schemas/proposals').ProposalView & { office?: string })[]
  toCosign: import('@shared/schemas/proposals').ProposalView[]
}
export interface IdeaView {
  ideaId: string
  orgId: string
  author: { memberId: string; name: string }
  title: string
  category: import('@shared/domain/proposals').ProposalCategory
  text: string
  createdAt: string
  reply?: { text: string; at: string; byName: string }
  adopted: boolean
  best?: { term: string; at: string }
}
export interface IdeaList {
  ideas: IdeaView[]
  total: number
  adopted: number
  best: number
  byCategory: Partial<Record<import('@shared/domain/proposals').ProposalCategory, number>>
}
