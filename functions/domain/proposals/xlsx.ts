import { chinaDateTime } from '../../../shared/domain/chinaTime';
import { CATEGORY_LABELS, RATING_LABELS, STATUS_LABELS, type Outcome } from '../../../shared/domain/proposals';
import type { IdeaView } from './ideas';
import type { ProposalItem } from '../../entities/proposal';
import type { ProposalNoteItem } from '../../entities/proposalNote';
import type { SessionItem } from '../../entities/session';
import * as ExcelJS from '../../lib/workbook';

const when = (iso?: string) => (iso ? Object.values(chinaDateTime(iso)).join(' ') : '');
const OUTCOME: Record<Outcome, string> = { accepted: '立案', converted: '转为意见建议', rejected: '不立案', merged: '并案' };
const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_TYPE = MIME;

/**
 * 提案汇总表: one row per proposal that left draft, every field, as it is (the committee's view),
 * in number order; co-signers by name, 落实 notes and 督办 entries each in one cell, oldest first.
 */
export async function proposalsWorkbook(session: SessionItem, rows: { p: ProposalItem; notes: ProposalNoteItem[]; cosigners: string[]; mergedIntoNumber?: string }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教工之家';
  const sheet = wb.addWorksheet('提案汇总表', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([`${session.title} 提案汇总表`]).font = { bold: true, size: 14 };
  sheet.addRow([`共 ${rows.length} 件`]);
  const header = sheet.addRow(['提案编号', '标题', '类别', '提案人', '附议人数', '附议人', '状态', '案由', '建议', '审查结果', '审查理由', '承办部门', '协办部门', '答复期限', '并入提案', '答复', '答复时间', '落实情况', '满意度', '评价意见', '督办记录', '提交时间', '最后更新']);
  header.font = { bold: true };
  for (const { p, notes, cosigners, mergedIntoNumber } of rows) {
    const progress = notes.filter((n) => n.kind === 'progress').map((n) => `${when(n.at)} ${n.note}${n.done ? '（已落实）' : ''}`);
    const chases = notes.filter((n) => n.kind === 'chase').map((n) => `${when(n.at)} ${n.byName}：${n.note}`);
    const submitted = p.history.find((h) => h.status !== 'draft')?.at;
    sheet.addRow([
      p.number ?? '',
      p.title,
      CATEGORY_LABELS[p.category],
      p.proposerName,
      p.cosignerIds.length,
      cosigners.join('、'),
      STATUS_LABELS[p.status],
      p.reason,
      p.suggestion,
      p.decision ? OUTCOME[p.decision.outcome] : '',
      p.decision?.reason ?? '',
      p.decision?.office ?? '',
      (p.decision?.coOffices ?? []).join('、'),
      when(p.decision?.dueAt),
      mergedIntoNumber ?? '',
      p.answer?.text ?? '',
      when(p.answer?.at),
      progress.join('\n'),
      p.rating ? RATING_LABELS[p.rating.rating] : '',
      p.rating?.comment ?? '',
      chases.join('\n'),
      when(submitted),
      when(p.updatedAt),
    ]);
  }
  [14, 24, 10, 10, 8, 20, 12, 40, 40, 12, 24, 12, 16, 18, 14, 40, 18, 40, 10, 24, 30, 18, 18].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** 金点子 list: every idea with its author, category, reply, 采纳 and 评优. */
export async function ideasWorkbook(schoolName: string, ideas: IdeaView[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教工之家';
  const sheet = wb.addWorksheet('金点子', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([`${schoolName} 金点子（我为学校发展献一计）`]).font = { bold: true, size: 14 };
  sheet.addRow([`共 ${ideas.length} 条，采纳 ${ideas.filter((i) => i.adopted).length} 条，评优 ${ideas.filter((i) => i.best).length} 条`]);
  const header = sheet.addRow(['序号', '标题', '类别', '提出人', '内容', '提出时间', '回复', '回复人', '回复时间', '采纳', '评优']);
  header.font = { bold: true };
  ideas.forEach((i, n) =>
    sheet.addRow([n + 1, i.title, CATEGORY_LABELS[i.category], i.author.name, i.text, when(i.createdAt), i.reply?.text ?? '', i.reply?.byName ?? '', when(i.reply?.at), i.adopted ? '是' : '否', i.best ? i.best.term : '']),
  );
  [6, 24, 10, 10, 40, 18, 40, 10, 18, 6, 16].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
