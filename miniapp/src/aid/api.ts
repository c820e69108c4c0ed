import { request } from '../api/client'
import type { AidCategory, AidStatus, FundEntryKind } from '@shared/domain/aid'

/** 互助储金 / 困难补助: the calls and shapes of this sub-package only (nothing of it in the main package). */

export interface AidCase {
  caseId: string
  memberId: string
  name: string
  category: AidCategory
  requestedFen: number
  reason: string
  proposedByName: string
  selfApplied: boolean
  status: AidStatus
  createdAt: string
  approvedFen?: number
  decidedByName?: string
  decidedAt?: string
  decisionNote?: string
  declineReason?: string
  paidAt?: string
  canDecide: boolean
  canPay: boolean
}
export interface TermSummary {
  term: string
  label: string
  categories: { category: AidCategory; label: string; count: number; totalFen: number }[]
  count: number
  totalFen: number
}
export interface Balance {
  balanceFen: number
  inFen: number
  outFen: number
  entryCount: number
}
export interface FundOverview {
  currentTerm: string
  terms: TermSummary[]
  balance?: Balance
}
export interface FundEntry {
  entryId: string
  kind: FundEntryKind
  amountFen: number
  deltaFen: number
  note?: string
  at: string
  byName: string
  caseId?: string
  category?: AidCategory
  memberName?: string
}
export interface Ledger extends Balance {
  sumFen: number
  entries: FundEntry[]
}
export interface MemberBrief {
  memberId: string
  name: string
  groupId: string
  active?: boolean
}

const seg = encodeURIComponent

export const aidApi = {
  fund: (orgId: string) => request<FundOverview>('GET', `/orgs/${seg(orgId)}/fund`),
  ledger: (orgId: string) => request<Ledger>('GET', `/orgs/${seg(orgId)}/fund/entries`),
  addEntry: (orgId: string, body: { kind: 'opening' | 'allocation'; amountFen: number; note?: string }) =>
    request<{ balance: Balance }>('POST', `/orgs/${seg(orgId)}/fund/entries`, body),
  summary: (orgId: string, term?: string) => request<TermSummary>('GET', `/orgs/${seg(orgId)}/aid/summary${term ? `?term=${seg(term)}` : ''}`),
  cases: (orgId: string) => request<{ cases: AidCase[] }>('GET', `/orgs/${seg(orgId)}/aid-cases`),
  open: (orgId: string, body: { category: AidCategory; requestedFen: number; reason: string; memberId?: string }) =>
    request<AidCase>('POST', `/orgs/${seg(orgId)}/aid-cases`, body),
  get: (caseId: string) => request<AidCase>('GET', `/aid-cases/${seg(caseId)}`),
  approve: (caseId: string, approvedFen: number) => request<AidCase>('POST', `/aid-cases/${seg(caseId)}/approve`, { approvedFen }),
  decline: (caseId: string, reason: string) => request<AidCase>('POST', `/aid-cases/${seg(caseId)}/decline`, { reason }),
  pay: (caseId: string) => request<AidCase>('POST', `/aid-cases/${seg(caseId)}/pay`),
  members: (orgId: string) => request<{ members: MemberBrief[] }>('GET', `/orgs/${seg(orgId)}/members`),
}

export const AID_ROUTES = {
  home: '/aid/index/index',
  apply: (forOthers?: boolean) => (forOthers ? '/aid/apply/index?for=other' : '/aid/apply/index'),
  case: (caseId: string) => `/aid/case/index?id=${seg(caseId)}`,
  fund: '/aid/fund/index',
}

export const STATUS_TONE: Record<AidStatus, 'ok' | 'wait' | 'muted' | 'bad' | 'done'> = { pending: 'wait', approved: 'ok', declined: 'bad', paid: 'done' }
