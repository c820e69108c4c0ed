import { AID_CATEGORIES, AID_CATEGORY_LABELS } from '../../../shared/domain/aid';
import { CARE_KIND_LABELS, CARE_KINDS } from '../../../shared/domain/care';
import { chinaDateTime } from '../../../shared/domain/chinaTime';
import { formatFen } from '../../../shared/domain/money';
import type { TermFigures } from './term';

/**
 * The draft 工作总结 in the usual structure (一、基本情况 二、主要工作 三、存在问题 四、下学期打算),
 * filled only with facts and exact numbers from the report's figures: no invented prose. What the
 * records cannot say (the plans for next term) is left for the committee to
 * write, and says so. The .docx and the .xlsx are both rendered from this outline.
 */

export interface DraftTable {
  title: string;
  headers: string[];
  rows: (string | number)[][];
}
export interface DraftSection {
  heading: string;
  paragraphs: string[];
  tables: DraftTable[];
}
export interface Draft {
  title: string;
  subtitle: string;
  sections: DraftSection[];
}

/** A rate with the integers it comes from: "10.3%（3/29）", or "—（无数据）" with a zero denominator. */
export const percent = (num: number, den: number) => (den === 0 ? '—（无数据）' : `${((num * 100) / den).toFixed(1)}%（${num}/${den}）`);
const yuan = (fen: number) => `${formatFen(fen)} 元`;
const day = (iso?: string) => (iso ? chinaDateTime(iso).date : '');

export function draftOf(f: TermFigures, schoolName: string): Draft {
  const quorumMissed = f.ballots.perBallot.filter((b) => 3 * b.cast < 2 * b.eligible);
  const pendingAnswers = f.proposals.accepted - f.proposals.answered;
  return {
    title: `${schoolName}工会工作总结（草稿）`,
    subtitle: `统计期间：${f.from} 至 ${f.to}（北京时间，含首尾两日）。本稿中的数字均来自教工之家的记录。`,
    sections: [
      {
        heading: '一、基本情况',
        paragraphs: [`本校工会现有会员 ${f.members.active} 人，其中退休教职工 ${f.members.retired} 人；统计期间新增会员 ${f.members.new} 人。`],
        tables: [],
      },
      {
        heading: '二、主要工作',
        paragraphs: [
          `（一）文体活动。统计期间举办活动 ${f.events.held} 场，参加会员 ${f.events.participants} 人（按人计，不含家属），参与率 ${percent(f.events.participants, f.members.active)}；现场签到 ${f.events.checkedIn} 人次。`,
          `（二）爱心捐款。统计期间截止的募捐 ${f.donations.campaigns} 次，确认到账 ${yuan(f.donations.confirmedFen)}，捐款会员 ${f.donations.donors} 人。`,
          `（三）民主管理。本期提案征集收到提案 ${f.proposals.received} 件，立案 ${f.proposals.accepted} 件，已答复 ${f.proposals.answered} 件，办复率 ${percent(f.proposals.answered, f.proposals.accepted)}；转为意见建议 ${f.proposals.converted} 件，不予立案 ${f.proposals.rejected} 件，并案 ${f.proposals.merged} 件；满意率 ${f.proposals.satisfactionRate === null ? '—（尚无评价）' : `${(f.proposals.satisfactionRate * 100).toFixed(1)}%`}。收到“金点子” ${f.ideas.received} 条，采纳 ${f.ideas.adopted} 条。组织表决 ${f.ballots.held} 次，总投票率 ${percent(f.ballots.cast, f.ballots.eligible)}。`,
          `（四）送温暖。走访慰问 ${f.care.visits} 人次，发放慰问金 ${yuan(f.care.giftFen)}。`,
          `（五）困难补助。发放困难补助 ${f.aid.count} 人次，共 ${yuan(f.aid.fen)}（只列总数，不列姓名）。`,
        ],
        tables: [
          { title: '各项活动参与情况', headers: ['活动', '日期', '参加人数', '参与率', '签到人次'], rows: f.events.perEvent.map((e) => [e.title, day(e.startsAt), e.participants, percent(e.participants, f.members.active), e.checkedIn]) },
          { title: '各次募捐情况', headers: ['募捐', '截止日期', '确认到账（元）', '捐款人数'], rows: f.donations.perCampaign.map((c) => [c.title, day(c.closesAt), formatFen(c.confirmedFen), c.donors]) },
          { title: '各次表决投票情况', headers: ['表决', '结束日期', '应投票人数', '实投票数', '投票率'], rows: f.ballots.perBallot.map((b) => [b.title, day(b.closedAt), b.eligible, b.cast, percent(b.cast, b.eligible)]) },
          { title: '困难补助分类', headers: ['类别', '人次', '金额（元）'], rows: AID_CATEGORIES.map((k) => [AID_CATEGORY_LABELS[k], f.aid.byCategory[k].count, formatFen(f.aid.byCategory[k].fen)]) },
          { title: '走访慰问分类', headers: ['类别', '人次', '慰问金（元）'], rows: CARE_KINDS.map((k) => [CARE_KIND_LABELS[k], f.care.byKind[k].visits, formatFen(f.care.byKind[k].giftFen)]) },
        ],
      },
      {
        heading: '三、存在问题',
        paragraphs: [
          '以下为记录中可以看到的情况，供撰写本节参考：',
          `1. 统计期间有 ${f.members.active - f.events.participants} 名会员未参加任何活动。`,
          `2. 已立案的提案中有 ${pendingAnswers} 件尚未答复。`,
          `3. ${f.ballots.held} 次表决中有 ${quorumMissed.length} 次投票人数未达到应投票人数的三分之二。`,
        ],
        tables: [],
      },
      { heading: '四、下学期打算', paragraphs: ['（由工会委员会填写。）'], tables: [] },
    ],
  };
}
