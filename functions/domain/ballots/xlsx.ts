import { CHOICE_LABELS, ELECTORATE_LABELS, QUESTION_KIND_LABELS, formatPermille, permille } from '../../../shared/domain/ballots';
import { chinaDateTime } from '../../../shared/domain/chinaTime';
import type { BallotResults } from '../../../shared/schemas/ballots';
import type { BallotItem } from '../../entities/ballot';
import * as ExcelJS from '../../lib/workbook';

const when = (iso?: string) => (iso ? Object.values(chinaDateTime(iso)).join(' ') : '');

/**
 * The results of a closed ballot as .xlsx, for the congress's records: turnout, quorum, the
 * electorate's hash, per question the counts, shares and outcome, and every receipt. Nothing
 * per voter: no name, no member id, no time of a vote. Never broken down by group.
 */
export async function resultsWorkbook(b: BallotItem, r: BallotResults): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教工之家';
  const sheet = wb.addWorksheet('表决结果');
  sheet.addRow([r.title]).font = { bold: true, size: 14 };
  sheet.addRow(['选民范围', ELECTORATE_LABELS[b.electorate]]);
  sheet.addRow(['开始时间', when(b.openedAt)]);
  sheet.addRow(['结束时间', when(b.closedAt)]);
  sheet.addRow(['应投票人数', r.eligibleCount]);
  sheet.addRow(['实投票数', r.ballotsCast]);
  sheet.addRow(['投票率', formatPermille(permille(r.ballotsCast, r.eligibleCount))]);
  sheet.addRow(['法定人数（三分之二）', r.quorumMet ? '已达到' : '未达到']);
  sheet.addRow(['选民名单校验值（SHA-256）', r.electorateHash]);
  const candidateName = new Map(b.questions.flatMap((q) => (q.candidates ?? []).map((c) => [`${q.id}\n${c.id}`, c.name] as const)));
  r.questions.forEach((q, i) => {
    sheet.addRow([]);
    sheet.addRow([`第 ${i + 1} 题（${QUESTION_KIND_LABELS[q.kind]}）`, q.text]).font = { bold: true };
    sheet.addRow(['选项', '票数', '占实投票数']).font = { bold: true };
    const label = (choice: string) => (q.kind === 'election' ? (candidateName.get(`${q.id}\n${choice}`) ?? choice) : (CHOICE_LABELS[choice] ?? choice));
    for (const [choice, n] of Object.entries(q.counts)) sheet.addRow([label(choice), n, formatPermille(permille(n, r.ballotsCast))]);
    if (q.passed !== undefined) sheet.addRow(['结果', q.passed ? '通过' : '未通过']);
    if (q.goodPermille !== undefined) sheet.addRow(['优秀+称职率', formatPermille(q.goodPermille)]);
    if (q.elected) sheet.addRow(['当选', q.elected.map(label).join('、') || '无']);
    if (q.tied?.length) sheet.addRow(['票数相同、需另行选举', q.tied.map(label).join('、')]);
  });
  [28, 40, 14].forEach((w, i) => (sheet.getColumn(i + 1).width = w));

  const receipts = wb.addWorksheet('回执');
  receipts.addRow(['回执编号（已排序，不含投票人信息）']).font = { bold: true };
  for (const receipt of r.receipts) receipts.addRow([receipt]);
  receipts.getColumn(1).width = 40;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
