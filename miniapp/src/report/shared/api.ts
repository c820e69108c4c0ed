import type { AidCategory } from '@shared/domain/aid'
import { request } from '../../api/client'
import type { CareVisitView, CreateCareVisitBody, EditCareVisitBody, CareKind } from '@shared/schemas/care'
import type { MemberList } from '../../api/types'
import type { Term } from './term'

const seg = encodeURIComponent
const range = (t: Term) => `from=${seg(t.from)}&to=${seg(t.to)}`

export type { CareVisitView, CareKind }

/** `GET /orgs/{orgId}/report` (functions/domain/report/term.ts termFigures). */
export interface TermReport {
  from: string
  to: string
  members: { active: number; retired: number; new: number }
  events: {
    held: number
    participants: number
    participationRate: number | null
    checkedIn: number
    perEvent: { eventId: string; title: string; startsAt: string; participants: number; participationRate: number | null; checkedIn: number }[]
  }
  donations: {
    campaigns: number
    confirmedFen: number
    donors: number
    perCampaign: { campaignId: string; title: string; kind: string; closesAt: string; confirmedFen: number; donors: number }[]
  }
  proposals: {
    received: number
    accepted: number
    answered: number
    answerRate: number | null
    converted: number
    rejected: number
    merged: number
    done: number
    withdrawn: number
    satisfactionRate: number | null
    sessions: { sessionId: string; title: string; opensAt: string }[]
  }
  ideas: { received: number; adopted: number }
  ballots: {
    held: number
    turnout: number | null
    cast: number
    eligible: number
    perBallot: { ballotId: string; title: string; closedAt: string; eligible: number; cast: number; turnout: number | null }[]
  }
  care: { visits: number; giftFen: number; byKind: Record<CareKind, { visits: number; giftFen: number }> }
  /** Hardship aid paid in the range, aggregate only (who received it is never in the report). */
  aid: { count: number; fen: number; byCategory: Record<AidCategory, { count: number; fen: number }> }
}

/** `GET /orgs/{orgId}/report/records`: the records behind a figure (their fields differ by figure). */
export interface FigureRecords {
  figure: string
  from: string
  to: string
  count: number
  records: Record<string, unknown>[]
}

export interface Birthday {
  memberId: string
  name: string
  day: string
  retired?: boolean
  given: null | { what: 'card' | 'gift' | 'both'; note?: string; at: string; byName: string }
}

export type RosterMember = MemberList['members'][number]

/** The report, care and birthday routes, kept in this sub-package (the main package's `api` stays thin). */
export const reportApi = {
  report: (orgId: string, t: Term) => request<TermReport>('GET', `/orgs/${seg(orgId)}/report?${range(t)}`, undefined, { timeout: 30000 }),
  records: (orgId: string, figure: string, t: Term) =>
    request<FigureRecords>('GET', `/orgs/${seg(orgId)}/report/records?figure=${seg(figure)}&${range(t)}`, undefined, { timeout: 30000 }),
  docxPath: (orgId: string, t: Term) => `/orgs/${seg(orgId)}/report.docx?${range(t)}`,
  xlsxPath: (orgId: string, t: Term) => `/orgs/${seg(orgId)}/report.xlsx?${range(t)}`,

  visits: (orgId: string, f: { kind?: string; from?: string; to?: string }) => {
    const q = Object.entries(f)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${seg(v as string)}`)
      .join('&')
    return request<{ visits: CareVisitView[] }>('GET', `/orgs/${seg(orgId)}/care-visits${q ? `?${q}` : ''}`)
  },
  visit: (visitId: string) => request<CareVisitView>('GET', `/care-visits/${seg(visitId)}`),
  addVisit: (orgId: string, body: CreateCareVisitBody) => request<CareVisitView>('POST', `/orgs/${seg(orgId)}/care-visits`, body),
  editVisit: (visitId: string, body: EditCareVisitBody) => request<CareVisitView>('PATCH', `/care-visits/${seg(visitId)}`, body),
  members: (orgId: string) => request<MemberList>('GET', `/orgs/${seg(orgId)}/members`),

  birthdays: (orgId: string, month?: string) =>
    request<{ month: string; birthdays: Birthday[]; given: number }>('GET', `/orgs/${seg(orgId)}/birthdays${month ? `?month=${seg(month)}` : ''}`),
  birthdayGiven: (memberId: string, body: { year: number; what: 'card' | 'gift' | 'both'; note?: string }) =>
    request<unknown>('POST', `/members/${seg(memberId)}/birthday-given`, body),
}
