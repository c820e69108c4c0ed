import { CARE_KIND_LABELS, CARE_KINDS } from '@shared/domain/care'
import type { Bar } from './Bars'
import type { TermReport } from './api'
import { rateText, yuanText } from './term'

/** One figure of the term report as a row: its words, its exact value, the records' name. */
export interface Figure {
  figure: string
  label: string
  value: string
}

/** A rate whose integers the report does not return (满意率): one decimal of a percent, or 无. */
export const pct = (r: number | null) => (r === null ? '无' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`)

/** Every figure of `GET /report`, in plain Chinese, grouped as the draft's 基本情况 and 主要工作. */
export function figureGroups(r: TermReport): { key: string; title: string; figures: Figure[] }[] {
  return [
    {
      key: 'members',
      title: '会员',
      figures: [
        { figure: 'members.active', label: '在册会员', value: `${r.members.active}人` },
        { figure: 'members.retired', label: '其中退休会员', value: `${r.members.retired}人` },
        { figure: 'members.new', label: '本期新入会', value: `${r.members.new}人` },
      ],
    },
    {
      key: 'events',
      title: '活动',
      figures: [
        { figure: 'events.held', label: '举办活动', value: `${r.events.held}场` },
        { figure: 'events.participants', label: '参加活动的会员', value: `${r.events.participants}人` },
        { figure: 'events.participationRate', label: '会员参与率', value: rateText(r.events.participants, r.members.active) },
        { figure: 'events.checkedIn', label: '签到人次', value: `${r.events.checkedIn}人次` },
      ],
    },
    {
      key: 'donations',
      title: '捐款',
      figures: [
        { figure: 'donations.campaigns', label: '捐款活动', value: `${r.donations.campaigns}次` },
        { figure: 'donations.confirmedFen', label: '已确认捐款', value: yuanText(r.donations.confirmedFen) },
        { figure: 'donations.donors', label: '捐款人数', value: `${r.donations.donors}人` },
      ],
    },
    {
      key: 'proposals',
      title: '提案',
      figures: [
        { figure: 'proposals.received', label: '收到提案', value: `${r.proposals.received}件` },
        { figure: 'proposals.accepted', label: '立案', value: `${r.proposals.accepted}件` },
        { figure: 'proposals.answered', label: '已答复', value: `${r.proposals.answered}件` },
        { figure: 'proposals.answerRate', label: '办复率', value: rateText(r.proposals.answered, r.proposals.accepted) },
        { figure: 'proposals.satisfactionRate', label: '满意率', value: pct(r.proposals.satisfactionRate) },
        { figure: 'ideas.received', label: '收到金点子', value: `${r.ideas.received}条` },
        { figure: 'ideas.adopted', label: '采纳金点子', value: `${r.ideas.adopted}条` },
      ],
    },
    {
      key: 'ballots',
      title: '表决',
      figures: [
        { figure: 'ballots.held', label: '完成表决', value: `${r.ballots.held}次` },
        { figure: 'ballots.turnout', label: '投票率', value: rateText(r.ballots.cast, r.ballots.eligible) },
      ],
    },
    {
      key: 'care',
      title: '送温暖',
      figures: [
        { figure: 'care.visits', label: '走访慰问', value: `${r.care.visits}次` },
        { figure: 'care.giftFen', label: '慰问金', value: yuanText(r.care.giftFen) },
      ],
    },
  ]
}

/** The charts' bars (without their taps): participation per event, money per campaign, proposal outcomes, turnout, visits per kind. */
export function chartBars(r: TermReport) {
  const proposalOutcomes: [string, string, number][] = [
    ['accepted', '立案', r.proposals.accepted],
    ['answered', '已答复', r.proposals.answered],
    ['done', '已落实', r.proposals.done],
    ['converted', '转为意见建议', r.proposals.converted],
    ['merged', '已并案', r.proposals.merged],
    ['rejected', '不立案', r.proposals.rejected],
    ['withdrawn', '已撤回', r.proposals.withdrawn],
  ]
  return {
    events: r.events.perEvent.map(
      (e): Bar & { figure: string } => ({ key: e.eventId, label: e.title, value: e.participants, valueText: `${e.participants}人`, figure: `events.perEvent.${e.eventId}.participants` }),
    ),
    campaigns: r.donations.perCampaign.map(
      (c): Bar & { figure: string } => ({ key: c.campaignId, label: c.title, value: c.confirmedFen, valueText: `${yuanText(c.confirmedFen)}（${c.donors}人）`, figure: `donations.perCampaign.${c.campaignId}.confirmedFen` }),
    ),
    proposals: proposalOutcomes.map(([k, label, n]): Bar & { figure: string } => ({ key: k, label, value: n, valueText: `${n}件`, figure: `proposals.${k}` })),
    ballots: r.ballots.perBallot.map(
      (b): Bar & { figure: string } => ({ key: b.ballotId, label: b.title, value: b.eligible === 0 ? 0 : b.cast / b.eligible, valueText: rateText(b.cast, b.eligible), figure: `ballots.perBallot.${b.ballotId}.turnout` }),
    ),
    care: CARE_KINDS.filter((k) => r.care.byKind[k].visits > 0).map(
      (k): Bar & { figure: string } => ({ key: k, label: CARE_KIND_LABELS[k], value: r.care.byKind[k].visits, valueText: `${r.care.byKind[k].visits}次 · ${yuanText(r.care.byKind[k].giftFen)}`, figure: `care.byKind.${k}.visits` }),
    ),
  }
}
