import { formatFen } from '../../../shared/domain/fen';
import { SCHOOL_ROW_COLUMNS, type SchoolRow } from '../../../shared/domain/tally';
import * as ExcelJS from '../../lib/workbook';
import type { DistrictReport } from './district';

/** What each column of the district view counts (the sheet 指标说明), in the words of the term report's definitions. */
export const COLUMN_DEFINITIONS: Record<keyof SchoolRow, string> = {
  active: '现有会员人数（未停用，含退休教师），按导出时计，不分学期',
  retired: '现有会员中的退休教师人数，按导出时计',
  newMembers: '本学期新加入且仍在册的会员人数（按加入日期计）',
  eventsHeld: '开始时间在本学期内且未取消的活动场数',
  participations: '这些活动中确认参加的会员人次之和（同一人参加多场计多次，家属名额不计）',
  checkedIn: '这些活动的签到人次之和',
  campaigns: '截止时间在本学期内的募捐次数：本校发起的，加上区教育工会发起的全区募捐',
  confirmedFen: '这些募捐中本校已确认到账的捐款合计（元，精确到分）',
  proposalsReceived: '征集窗口在本学期内开启的提案征集中收到的提案件数',
  proposalsAccepted: '其中立案件数',
  proposalsAnswered: '其中已答复件数',
  answerRate: '办复率 = 已答复 ÷ 立案（百分比；立案为 0 时为“—”）',
  satisfactionRate: '满意率 = 最近一次评价为“满意”或“基本满意”的提案 ÷ 已评价提案（百分比）',
  ideasReceived: '本学期提交的金点子（合理化建议）条数',
  ideasAdopted: '其中被采纳的条数',
  ballotsHeld: '在本学期内结束的无记名表决次数',
  ballotsCast: '这些表决的已投票数之和',
  ballotsEligible: '这些表决的应投票人数之和',
  turnout: '投票率 = 已投票数 ÷ 应投票人数，各按这些表决累加后相除（百分比）',
  careVisits: '慰问日期在本学期内的送温暖走访人次',
  careGiftFen: '这些走访发放的慰问金合计（元，精确到分）',
  aidCount: '本学期从困难补助金支付的补助人次（按支付时间计，只有人数和金额，不列姓名）',
  aidFen: '这些补助的金额合计（元，精确到分）',
};

/** A cell's value: money as yuan text written from the fen (no spreadsheet rounding), rates as numbers shown as percent, '—' for no rate. */
export function cellOf(row: SchoolRow, key: keyof SchoolRow): string | number {
  const column = SCHOOL_ROW_COLUMNS.find((c) => c.key === key)!;
  const v = row[key];
  if (column.kind === 'fen') return formatFen(v as number);
  if (column.kind === 'rate') return v === null ? '—' : (v as number);
  return v as number;
}

/** The district view as .xlsx: one row per school, the district's totals, and a sheet that explains each column. */
export async function districtWorkbook(r: DistrictReport, districtName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教工之家';
  const sheet = wb.addWorksheet('各校汇总', { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }] });
  sheet.addRow([`${districtName}${districtName ? ' · ' : ''}${r.label}工会工作数据汇总`]).font = { bold: true, size: 14 };
  sheet.addRow([`统计期间 ${r.from} 至 ${r.to}，共 ${r.schools.length} 所学校；全区募捐 ${r.districtCampaigns} 次（计入每所学校和全区合计各一次）`]);
  sheet.addRow(['学校', ...SCHOOL_ROW_COLUMNS.map((c) => c.label)]).font = { bold: true };
  const add = (name: string, row: SchoolRow) => {
    const line = sheet.addRow([name, ...SCHOOL_ROW_COLUMNS.map((c) => cellOf(row, c.key))]);
    SCHOOL_ROW_COLUMNS.forEach((c, i) => {
      if (c.kind === 'rate') line.getCell(i + 2).numFmt = '0.0%';
      if (c.kind !== 'count') line.getCell(i + 2).alignment = { horizontal: 'right' };
    });
    return line;
  };
  for (const s of r.schools) add(s.name, s);
  add('全区合计', r.totals).font = { bold: true };
  sheet.getColumn(1).width = 28;
  SCHOOL_ROW_COLUMNS.forEach((c, i) => (sheet.getColumn(i + 2).width = c.kind === 'fen' ? 16 : 10));

  const about = wb.addWorksheet('指标说明');
  about.addRow(['指标', '口径']).font = { bold: true };
  for (const c of SCHOOL_ROW_COLUMNS) about.addRow([c.label, COLUMN_DEFINITIONS[c.key]]);
  about.addRow(['全区合计', '各校数字相加；比率由相加后的分子、分母计算，不是各校比率的平均；全区募捐只计一次']);
  about.addRow(['学期', `${r.label}：${r.from} 至 ${r.to}（第一学期 8月1日–1月31日，第二学期 2月1日–7月31日，北京时间）`]);
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 90;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
