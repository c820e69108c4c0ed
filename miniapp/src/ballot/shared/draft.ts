import type { CreateBallotBody } from '../../api/types'
import { parseChoiceList } from '../../lib/eventsMore'

/** The chair's form of a new ballot, as typed, and the body it becomes. */

export type DraftKind = 'motion' | 'rating' | 'election'

export interface DraftQuestion {
  /** Local key (stable while editing). */
  key: number
  kind: DraftKind
  /** 表决事项 / 选举 的题目; for 民主测评 the leader's name (the question reads 对某某同志的评价). */
  text: string
  /** 选举: the candidates, separated by 、 ， or new lines. */
  candidates: string
  /** 选举: 名额, as typed. */
  seats: string
}

export interface Draft {
  title: string
  electorate: 'delegates' | 'members'
  description: string
  questions: DraftQuestion[]
}

export const ratingText = (name: string) => `对${name.trim()}同志的评价`

export const newQuestion = (kind: DraftKind, key: number): DraftQuestion => ({ key, kind, text: '', candidates: '', seats: kind === 'election' ? '1' : '' })

/** What is wrong, per field key (`title`, `q<key>`, `q<key>-candidates`, `q<key>-seats`), in Chinese. */
export type DraftErrors = Record<string, string>

/** The body for POST /orgs/{orgId}/ballots, or what to fix. Ids: q1, q2… and c1, c2… per question. */
export function draftBody(d: Draft): { body: CreateBallotBody } | { errors: DraftErrors } {
  const errors: DraftErrors = {}
  const title = d.title.trim()
  if (!title) errors.title = '请填写表决名称'
  else if (title.length > 60) errors.title = '表决名称最多 60 个字'
  if (d.questions.length === 0) errors.questions = '至少要有一道题'
  const questions: CreateBallotBody['questions'] = d.questions.map((q, i) => {
    const id = `q${i + 1}`
    const text = q.kind === 'rating' ? (q.text.trim() ? ratingText(q.text) : '') : q.text.trim()
    if (!text) errors[`q${q.key}`] = q.kind === 'rating' ? '请填写被测评人的姓名' : q.kind === 'election' ? '请填写选举什么，例如“选举工会委员”' : '请填写表决事项'
    else if (text.length > 200) errors[`q${q.key}`] = '最多 200 个字'
    if (q.kind !== 'election') return { id, text, kind: q.kind }
    const names = parseChoiceList(q.candidates)
    const seats = Number(q.seats.trim())
    if (names.length === 0) errors[`q${q.key}-candidates`] = '请填写候选人，用顿号或换行隔开'
    else if (names.length > 50) errors[`q${q.key}-candidates`] = '候选人最多 50 位'
    else if (names.some((n) => n.length > 30)) errors[`q${q.key}-candidates`] = '每位候选人的姓名最多 30 个字'
    if (!/^\d{1,2}$/.test(q.seats.trim()) || seats < 1) errors[`q${q.key}-seats`] = '名额请填 1 到 50 的整数'
    else if (names.length > 0 && seats > names.length) errors[`q${q.key}-seats`] = `名额不能多于候选人数（${names.length} 人）`
    return { id, text, kind: 'election', candidates: names.map((name, j) => ({ id: `c${j + 1}`, name })), seats }
  })
  if (Object.keys(errors).length) return { errors }
  const description = d.description.trim()
  return { body: { title, electorate: d.electorate, questions, ...(description ? { description } : {}) } }
}
