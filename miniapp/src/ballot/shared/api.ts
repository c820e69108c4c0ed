import { request } from '../../api/client'
import type { BallotResults, BallotSummary, BallotView, CreateBallotBody } from '../../api/types'

const seg = encodeURIComponent

/** The ballot routes, kept in this sub-package (the main package's `api` stays thin). */
export const ballotApi = {
  list: (orgId: string) => request<{ ballots: BallotSummary[] }>('GET', `/orgs/${seg(orgId)}/ballots`),
  get: (ballotId: string) => request<BallotView>('GET', `/ballots/${seg(ballotId)}`),
  create: (orgId: string, body: CreateBallotBody) => request<{ ballotId: string; status: string }>('POST', `/orgs/${seg(orgId)}/ballots`, body),
  open: (ballotId: string) => request<unknown>('POST', `/ballots/${seg(ballotId)}/open`),
  close: (ballotId: string) => request<unknown>('POST', `/ballots/${seg(ballotId)}/close`),
  vote: (ballotId: string, answers: Record<string, string | string[]>) =>
    request<{ receipt: string }>('POST', `/ballots/${seg(ballotId)}/votes`, { answers }),
  results: (ballotId: string) => request<BallotResults>('GET', `/ballots/${seg(ballotId)}/results`),
  resultsXlsxPath: (ballotId: string) => `/ballots/${seg(ballotId)}/results.xlsx`,
}
