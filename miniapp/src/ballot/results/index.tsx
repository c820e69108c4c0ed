import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { QUESTION_KIND_LABELS, formatPermille } from '@shared/domain/ballots'
import Page from '../../components/Page'
import BigButton from '../../components/BigButton'
import NoOrphan from '../../components/NoOrphan'
import StatusTag from '../../components/StatusTag'
import { TextBox } from '../../components/TextField'
import { AsyncView, EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { ApiError } from '../../api/client'
import type { BallotResults, BallotView, QuestionInput, QuestionResult } from '../../api/types'
import { exportXlsx } from '../../lib/exportXlsx'
import { canManage } from '../../lib/roles'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/session'
import { useAsync } from '../../lib/useAsync'
import { ballotApi } from '../shared/api'
import { electionText, findReceipt, motionText, myReceipt, quorumText, resultLines } from '../shared/ballot'
import HashView from '../shared/HashView'
import '../shared/ballot.css'

interface Loaded {
  ballot: BallotView
  /** null: not closed yet (409 BALLOT_NOT_CLOSED). */
  results: BallotResults | null
}

/** 表决结果 (after close): quorum, each question's counts and outcome, and 核对回执. Never by group. */
export default function Results() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { me, error: meError, reload: reloadMe } = useMe()
  const data = useAsync<Loaded>(
    async () => {
      const [ballot, results] = await Promise.all([
        ballotApi.get(id),
        ballotApi.results(id).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 409) return null
          throw e
        }),
      ])
      return { ballot, results }
    },
    [id],
    !!id,
  )
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!id) return <Page testId="page-ballot-results">{<EmptyState title="没有指定表决" />}</Page>
  if (!me) return <Page testId="page-ballot-results">{meError ? <ErrorState error={meError} onRetry={() => void reloadMe()} /> : <LoadingState />}</Page>
  const manager = canManage(me.member.roles)
  return (
    <Page testId="page-ballot-results">
      <AsyncView
        data={data.data}
        error={data.error}
        onRetry={() => void data.reload()}
        loadingText="正在加载结果…"
        isEmpty={(d) => d.results === null}
        empty={
          <EmptyState
            title="投票结束后公布结果"
            action={
              <BigButton type="default" onClick={() => void Taro.redirectTo({ url: ROUTES.ballot(id) })} testId="results-back">
                返回表决
              </BigButton>
            }
          />
        }
      >
        {(d) => <Shown ballot={d.ballot} results={d.results!} manager={manager} />}
      </AsyncView>
    </Page>
  )
}

function Shown({ ballot, results, manager }: { ballot: BallotView; results: BallotResults; manager: boolean }) {
  const byId = new Map(ballot.questions.map((q) => [q.id, q]))
  return (
    <>
      <View className="card" data-testid="results-summary">
        <Text className="bl-title">{results.title}</Text>
        <Text className="bl-turnout" data-testid="results-turnout">
          应投 {results.eligibleCount} 人，实投 {results.ballotsCast} 人
        </Text>
        <Text className="bl-explain" data-testid="results-quorum">
          <NoOrphan text={quorumText(results.ballotsCast, results.eligibleCount)} />
        </Text>
        <HashView hash={results.electorateHash} />
        {manager && (
          <View className="actions">
            <BigButton
              type="default"
              onClick={() => void exportXlsx(ballotApi.resultsXlsxPath(ballot.ballotId), `${ballot.title}-结果.xlsx`, '结果已导出')}
              testId="results-xlsx"
            >
              下载结果（Excel）
            </BigButton>
          </View>
        )}
      </View>
      {results.questions.map((r, i) => {
        const q = byId.get(r.id) ?? { id: r.id, text: r.text, kind: r.kind }
        return <Question key={r.id} n={i + 1} q={q} r={r} cast={results.ballotsCast} eligible={results.eligibleCount} />
      })}
      <Check ballotId={ballot.ballotId} receipts={results.receipts} />
    </>
  )
}

function Question({ n, q, r, cast, eligible }: { n: number; q: QuestionInput; r: QuestionResult; cast: number; eligible: number }) {
  const lines = resultLines(q, r, cast)
  return (
    <View className="card" data-testid={`result-${r.id}`}>
      <View className="bl-head">
        <Text className="bl-qno">
          第 {n} 题 · {QUESTION_KIND_LABELS[r.kind]}
          {r.kind === 'election' ? `（名额 ${q.seats} 人）` : ''}
        </Text>
        {r.kind === 'motion' && (
          <StatusTag text={r.passed ? '通过' : '未通过'} tone={r.passed ? 'ok' : 'bad'} testId={`result-${r.id}-outcome`} />
        )}
      </View>
      <Text className="bl-qtext">{r.text}</Text>
      {lines.map((l) => (
        <View key={l.key} className="bl-line" data-testid={`result-${r.id}-${l.key}`}>
          <Text className="bl-line__label">{l.label}</Text>
          {l.mark && <StatusTag text={l.mark === 'elected' ? '当选' : '票数相同'} tone={l.mark === 'elected' ? 'ok' : 'wait'} />}
          <Text className="bl-line__num">
            {l.count} 票{r.kind === 'rating' ? `（${l.share}）` : ''}
          </Text>
        </View>
      ))}
      {r.kind === 'motion' && (
        <Text className="bl-explain" data-testid={`result-${r.id}-explain`}>
          <NoOrphan text={motionText(r.counts.for ?? 0, cast, eligible, r.passed)} />
        </Text>
      )}
      {r.kind === 'rating' && (
        <Text className="bl-explain" data-testid={`result-${r.id}-good`}>
          优秀+称职率：{formatPermille(r.goodPermille ?? 0)}
        </Text>
      )}
      {r.kind === 'election' && (
        <Text className="bl-explain" data-testid={`result-${r.id}-explain`}>
          <NoOrphan text={electionText(q, r)} />
        </Text>
      )}
    </View>
  )
}

/** 核对回执: paste or type one (or use the one this phone kept); the published list, on demand. */
function Check({ ballotId, receipts }: { ballotId: string; receipts: string[] }) {
  const mine = myReceipt(ballotId)
  const [typed, setTyped] = useState('')
  const [found, setFound] = useState<boolean | null>(null)
  const [all, setAll] = useState(false)
  const check = (r: string) => setFound(findReceipt(receipts, r))
  return (
    <View className="card" data-testid="receipt-check">
      <Text className="bl-section">核对我的回执</Text>
      <Text className="hint">
        <NoOrphan text={`已公布全部 ${receipts.length} 张回执。粘贴或输入您的回执，看看您的选票是否已计入。`} />
      </Text>
      {mine && (
        <View className="actions">
          <BigButton
            onClick={() => {
              setTyped(mine)
              check(mine)
            }}
            testId="receipt-check-mine"
          >
            用本机保存的回执核对
          </BigButton>
        </View>
      )}
      <View className="field">
        <TextBox
          value={typed}
          onChange={(v) => {
            setTyped(v)
            setFound(null)
          }}
          placeholder="粘贴或输入回执"
          maxLength={200}
          testId="receipt-input"
        />
      </View>
      <View className="actions">
        <BigButton type={mine ? 'default' : 'primary'} onClick={() => check(typed)} disabled={!typed.trim()} testId="receipt-check-go">
          查找
        </BigButton>
      </View>
      {found !== null && (
        <Text className={`bl-found ${found ? 'bl-found--yes' : 'bl-found--no'}`} data-testid="receipt-found">
          {found ? '找到了：你的选票已计入' : '没有找到，请检查回执是否输入正确'}
        </Text>
      )}
      <View className="bl-links">
        <Text className="bl-link" onClick={() => setAll(!all)} data-testid="receipt-list-toggle">
          {all ? '收起回执名单' : `查看全部回执（${receipts.length} 张）`}
        </Text>
      </View>
      {all && (
        <View className="bl-receipts" data-testid="receipt-list">
          {receipts.map((r) => (
            <Text key={r} className="bl-item">
              {r}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
