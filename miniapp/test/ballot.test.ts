import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CreateBallotBody } from '@shared/schemas/ballots'
import { answerProblem, motionPassed } from '@shared/domain/ballots'
import {
  answerText,
  cleanReceipt,
  electionText,
  findReceipt,
  motionText,
  myReceipt,
  quorumText,
  receiptBlocks,
  rememberReceipt,
  resultLines,
  shortHash,
  toggleCandidate,
} from '../src/ballot/shared/ballot'
import { draftBody, newQuestion, type Draft } from '../src/ballot/shared/draft'
import { ballotsCard } from '../src/pages/index/ballotCard'
import type { BallotSummary } from '../src/api/types'

const election = {
  id: 'q3',
  kind: 'election' as const,
  text: '选举工会委员',
  seats: 2,
  candidates: [
    { id: 'c1', name: '李明' },
    { id: 'c2', name: '王芳' },
    { id: 'c3', name: '赵强' },
  ],
}

describe('表决 in the mini-program', () => {
  it('shows a receipt in blocks of 4 that join back to the exact string, and finds it typed in blocks or another case', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{1,40}$/), (r) => {
        const blocks = receiptBlocks(r)
        expect(blocks.join('')).toBe(r)
        expect(blocks.every((b, i) => b.length === 4 || i === blocks.length - 1)).toBe(true)
        expect(findReceipt(['0000', r], blocks.join(' ').toUpperCase())).toBe(true)
        expect(cleanReceipt(` ${blocks.join('  ')}\n`)).toBe(r)
      }),
    )
    expect(findReceipt(['88db94ab', 'aaaa'], '88db 94ac')).toBe(false)
    expect(findReceipt(['88db94ab'], '  ')).toBe(false)
    expect(findReceipt([], '88db94ab')).toBe(false)
    // two receipts equal but for case: only the exact one counts
    expect(findReceipt(['AbCd', 'abcd'], 'ABCD')).toBe(false)
    expect(findReceipt(['AbCd', 'abcd'], 'abcd')).toBe(true)
  })

  it('remembers the receipt on this device per ballot', () => {
    expect(myReceipt('b-1')).toBeUndefined()
    rememberReceipt('b-1', '88db94ab')
    expect(myReceipt('b-1')).toBe('88db94ab')
    expect(myReceipt('b-2')).toBeUndefined()
  })

  it('lets a voter tick up to the seats, and untick', () => {
    expect(toggleCandidate([], 'c1', 2)).toEqual(['c1'])
    expect(toggleCandidate(['c1', 'c3'], 'c2', 2)).toBeNull()
    expect(toggleCandidate(['c1', 'c3'], 'c1', 2)).toEqual(['c3'])
    // whatever is ticked, the answer is one the server's rule takes
    fc.assert(
      fc.property(fc.array(fc.constantFrom('c1', 'c2', 'c3'), { maxLength: 12 }), (taps) => {
        let picked: string[] = []
        for (const t of taps) picked = toggleCandidate(picked, t, 2) ?? picked
        expect(answerProblem([election], { q3: picked })).toBeNull()
      }),
    )
  })

  it('reads answers back in words for 核对', () => {
    expect(answerText({ id: 'q1', kind: 'motion', text: '' }, 'for')).toBe('赞成')
    expect(answerText({ id: 'q2', kind: 'rating', text: '' }, 'basic')).toBe('基本称职')
    expect(answerText(election, ['c3', 'c1'])).toBe('赵强、李明')
    expect(answerText(election, [])).toBe('不选任何人')
  })

  it('explains a motion the way the rule decides it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), (eligible, a, b) => {
        const cast = a % (eligible + 1)
        const forCount = cast === 0 ? 0 : b % (cast + 1)
        const text = motionText(forCount, cast, eligible)
        expect(text.endsWith('，通过。')).toBe(motionPassed(forCount, cast, eligible))
        expect(quorumText(cast, eligible).includes('表决有效')).toBe(3 * cast >= 2 * eligible)
      }),
    )
    expect(motionText(2, 3, 3)).toBe('赞成 2 票，超过应投 3 人的半数（至少 2 票），通过。')
    expect(motionText(1, 1, 3)).toContain('三分之二')
  })

  it('lists every choice of a result with shares, and names the elected and the tied', () => {
    const lines = resultLines(election, { id: 'q3', kind: 'election', text: '', counts: { c1: 3, c2: 2, c3: 2 }, elected: ['c1'], tied: ['c2', 'c3'] }, 3)
    expect(lines.map((l) => [l.label, l.count, l.share, l.mark])).toEqual([
      ['李明', 3, '100.0%', 'elected'],
      ['王芳', 2, '66.7%', 'tied'],
      ['赵强', 2, '66.7%', 'tied'],
    ])
    const text = electionText(election, { id: 'q3', kind: 'election', text: '', counts: {}, elected: ['c1'], tied: ['c2', 'c3'] })
    expect(text).toContain('当选：李明。')
    expect(text).toContain('王芳、赵强 票数相同，需另行选举。')
    expect(shortHash('a'.repeat(60) + 'beef')).toBe('aaaaaaaa…beef')
  })

  it('turns the chair’s form into a body the server’s schema takes, or says what to fix', () => {
    const d: Draft = {
      title: ' 年度测评 ',
      electorate: 'members',
      description: '',
      questions: [
        { ...newQuestion('motion', 1), text: '通过方案' },
        { ...newQuestion('rating', 2), text: ' 张三 ' },
        { ...newQuestion('election', 3), text: '选举委员', candidates: '李明、王芳\n王芳，赵强', seats: '2' },
      ],
    }
    const r = draftBody(d)
    if (!('body' in r)) throw new Error(JSON.stringify(r.errors))
    expect(CreateBallotBody.safeParse(r.body).success).toBe(true)
    expect(r.body.title).toBe('年度测评')
    expect(r.body.questions.map((q) => q.text)).toEqual(['通过方案', '对张三同志的评价', '选举委员'])
    expect(r.body.questions[2]!.candidates!.map((c) => c.name)).toEqual(['李明', '王芳', '赵强'])
    expect('description' in r.body).toBe(false)

    const bad = draftBody({ ...d, title: '', questions: [{ ...d.questions[2]!, seats: '4' }, { ...newQuestion('rating', 9) }] })
    expect(bad).toEqual({ errors: { title: '请填写表决名称', 'q3-seats': '名额不能多于候选人数（3 人）', q9: '请填写被测评人的姓名' } })
    expect(draftBody({ ...d, questions: [] })).toEqual({ errors: { questions: '至少要有一道题' } })
  })

  it('puts on 首页 only the open ballots I may vote in and have not', () => {
    const b = (id: string, over: Partial<BallotSummary> = {}): BallotSummary => ({
      ballotId: id,
      title: `表决${id}`,
      status: 'open',
      electorate: 'delegates',
      eligibleCount: 20,
      votedCount: 5,
      createdAt: '2026-04-01T00:00:00.000Z',
      me: { voted: false, eligible: true },
      ...over,
    })
    const card = ballotsCard([b('1'), b('2', { me: { voted: true, eligible: true } }), b('3', { me: { voted: false, eligible: false } }), b('4', { status: 'closed' }), b('5', { status: 'draft' })])
    expect(card.items.map((i) => i.id)).toEqual(['1'])
    expect(card.title).toBe('等我投票（1）')
    expect(card.items[0]!.url).toBe('/ballot/detail/index?id=1')
    expect(card.items[0]!.sub).toEqual(['已投 5 / 应投 20 人'])
  })
})
