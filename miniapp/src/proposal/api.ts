import { request } from '../api/client'
import type { CreateSessionBody, DecisionBody, DraftBody, IdeaBody, IdeaList, IdeaView, MyProposals, ProposalSession, ProposalView, RatingBody, SessionStats } from '../api/types'

const seg = encodeURIComponent

/** 教代会提案 and 金点子: the sub-package's requests (kept out of the main package's `api`). */
export const papi = {
  sessions: (orgId: string) => request<{ sessions: ProposalSession[] }>('GET', `/orgs/${seg(orgId)}/sessions`),
  createSession: (orgId: string, body: CreateSessionBody) => request<ProposalSession>('POST', `/orgs/${seg(orgId)}/sessions`, body),
  session: (sessionId: string) => request<ProposalSession>('GET', `/sessions/${seg(sessionId)}`),
  proposals: (sessionId: string) => request<{ proposals: ProposalView[] }>('GET', `/sessions/${seg(sessionId)}/proposals`),
  stats: (sessionId: string) => request<SessionStats>('GET', `/sessions/${seg(sessionId)}/stats`),
  publish: (sessionId: string) => request<{ published: number; proposalIds: string[] }>('POST', `/sessions/${seg(sessionId)}/publish`),
  proposal: (proposalId: string) => request<ProposalView>('GET', `/proposals/${seg(proposalId)}`),
  create: (sessionId: string, body: DraftBody) => request<ProposalView>('POST', `/sessions/${seg(sessionId)}/proposals`, body),
  edit: (proposalId: string, body: Partial<DraftBody>) => request<ProposalView>('PATCH', `/proposals/${seg(proposalId)}`, body),
  submit: (proposalId: string) => request<ProposalView>('POST', `/proposals/${seg(proposalId)}/submit`),
  withdraw: (proposalId: string) => request<ProposalView>('POST', `/proposals/${seg(proposalId)}/withdraw`),
  cosign: (proposalId: string) => request<{ cosigners: number; status: string }>('POST', `/proposals/${seg(proposalId)}/cosign`),
  decide: (proposalId: string, body: DecisionBody) => request<ProposalView>('POST', `/proposals/${seg(proposalId)}/decision`, body),
  answer: (proposalId: string, text: string) => request<ProposalView>('POST', `/proposals/${seg(proposalId)}/answer`, { text }),
  progress: (proposalId: string, note: string, done: boolean) => request<ProposalView>('POST', `/proposals/${seg(proposalId)}/progress`, { note, done }),
  rate: (proposalId: string, body: RatingBody) => request<ProposalView>('POST', `/proposals/${seg(proposalId)}/rating`, body),
  chase: (proposalId: string, note: string) => request<unknown>('POST', `/proposals/${seg(proposalId)}/chase`, { note }),
  overdue: (orgId: string) => request<{ proposals: (ProposalView & { overdueDays: number })[] }>('GET', `/orgs/${seg(orgId)}/proposals/overdue`),
  mine: () => request<MyProposals>('GET', '/me/proposals'),
  ideas: (orgId: string) => request<IdeaList>('GET', `/orgs/${seg(orgId)}/ideas`),
  sendIdea: (orgId: string, body: IdeaBody) => request<IdeaView>('POST', `/orgs/${seg(orgId)}/ideas`, body),
  replyIdea: (ideaId: string, text: string, adopted?: boolean) =>
    request<IdeaView>('POST', `/ideas/${seg(ideaId)}/reply`, adopted === undefined ? { text } : { text, adopted }),
  bestIdea: (ideaId: string, term: string, best: boolean) => request<IdeaView>('POST', `/ideas/${seg(ideaId)}/best`, { term, best }),
  proposalsXlsxPath: (sessionId: string) => `/sessions/${seg(sessionId)}/proposals.xlsx`,
  ideasXlsxPath: (orgId: string) => `/orgs/${seg(orgId)}/ideas.xlsx`,
}
