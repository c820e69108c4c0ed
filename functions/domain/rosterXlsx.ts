import * as ExcelJS from '../lib/workbook';
import type { RawRosterRow } from '../../shared/domain/roster';
import { REQUIRED_ROSTER_COLUMNS, ROSTER_COLUMNS } from '../../shared/schemas/roster';

type Column = keyof typeof ROSTER_COLUMNS;
const MAX_ROWS = 5000;

/** Header words a committee actually writes, mapped to our columns. */
const ALIASES: Record<string, Column> = {
  姓名: 'name',
  工号: 'staffNo',
  职工号: 'staffNo',
  手机号: 'phone',
  手机: 'phone',
  手机号码: 'phone',
  联系电话: 'phone',
  工会小组: 'group',
  小组: 'group',
  是否代表: 'delegate',
  是否教代会代表: 'delegate',
  教代会代表: 'delegate',
  出生日期: 'birthDate',
  生日: 'birthDate',
  '在职/退休': 'status',
  在职退休: 'status',
  状态: 'status',
};

export interface ParsedRoster {
  rows: RawRosterRow[];
  fileErrors: string[];
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v).trim();
}

/** Reads the first sheet that has 姓名 and 工号 in a header row among its first five rows. */
export async function parseRosterXlsx(bytes: Buffer): Promise<ParsedRoster> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { rows: [], fileErrors: ['文件不是有效的 Excel (.xlsx) 文件'] };
  }
  for (const sheet of wb.worksheets) {
    for (let headerRow = 1; headerRow <= Math.min(5, sheet.rowCount); headerRow++) {
      const columns = new Map<Column, number>();
      sheet.getRow(headerRow).eachCell((cell, col) => {
        const key = ALIASES[cellText(cell).replace(/\s/g, '')];
        if (key && !columns.has(key)) columns.set(key, col);
      });
      if (!columns.has('name') || !columns.has('staffNo')) continue;
      const missing = REQUIRED_ROSTER_COLUMNS.filter((c) => !columns.has(c));
      if (missing.length) return { rows: [], fileErrors: [`缺少必填列：${missing.map((c) => ROSTER_COLUMNS[c]).join('、')}`] };
      const rows: RawRosterRow[] = [];
      for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const get = (c: Column) => (columns.has(c) ? cellText(row.getCell(columns.get(c)!)) : '');
        const raw: RawRosterRow = {
          row: r,
          name: get('name'),
          staffNo: get('staffNo'),
          phone: get('phone'),
          group: get('group'),
          delegate: get('delegate'),
          birthDate: get('birthDate'),
          status: get('status'),
        };
        if (Object.entries(raw).every(([k, v]) => k === 'row' || v === '')) continue; // blank line
        rows.push(raw);
      }
      if (rows.length === 0) return { rows, fileErrors: ['表格里没有成员数据'] };
      if (rows.length > MAX_ROWS) return { rows: [], fileErrors: [`一次最多导入 ${MAX_ROWS} 行`] };
      return { rows, fileErrors: [] };
    }
  }
  return { rows: [], fileErrors: ['找不到表头：第一行应包含“姓名”“工号”“工会小组”等列'] };
}

export interface RosterExportRow {
  name: string;
  staffNo?: string;
  phone?: string;
  groupName: string;
  isDelegate: boolean;
  birthDate?: string;
  retired: boolean;
  active: boolean;
  wechatBound: boolean;
}

/** The roster as a workbook whose first seven columns import back unchanged. */
export async function rosterWorkbook(schoolName: string, rows: RosterExportRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教工之家';
  const sheet = wb.addWorksheet('花名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: ROSTER_COLUMNS.name, key: 'name', width: 12 },
    { header: ROSTER_COLUMNS.staffNo, key: 'staffNo', width: 12 },
    { header: ROSTER_COLUMNS.phone, key: 'phone', width: 15 },
    { header: ROSTER_COLUMNS.group, key: 'group', width: 14 },
    { header: ROSTER_COLUMNS.delegate, key: 'delegate', width: 10 },
    { header: ROSTER_COLUMNS.birthDate, key: 'birthDate', width: 12 },
    { header: ROSTER_COLUMNS.status, key: 'status', width: 10 },
    { header: '账号', key: 'active', width: 8 },
    { header: '微信绑定', key: 'wechat', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({
      name: r.name,
      staffNo: r.staffNo ?? '',
      phone: r.phone ?? '',
      group: r.groupName,
      delegate: r.isDelegate ? '是' : '否',
      birthDate: r.birthDate ?? '',
      status: r.retired ? '退休' : '在职',
      active: r.active ? '正常' : '已停用',
      wechat: r.wechatBound ? '已绑定' : '未绑定',
    });
  }
  sheet.headerFooter.oddHeader = `${schoolName} 工会会员花名册`;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Invite codes as a sheet to print and hand out: one row per member, large type. */
export async function inviteSheet(schoolName: string, invites: { name: string; groupName?: string; code: string; expiresAt: string }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教工之家';
  const sheet = wb.addWorksheet('邀请码');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: '工会小组', key: 'group', width: 14 },
    { header: '邀请码', key: 'code', width: 16 },
    { header: '有效期至', key: 'expires', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true, size: 14 };
  for (const i of invites) {
    const row = sheet.addRow({ name: i.name, group: i.groupName ?? '', code: i.code, expires: i.expiresAt.slice(0, 10) });
    row.font = { size: 14 };
    row.getCell('code').font = { size: 18, bold: true, name: 'Courier New' };
    row.height = 28;
  }
  sheet.headerFooter.oddHeader = `${schoolName} 教工之家绑定邀请码：打开小程序，输入自己的邀请码完成绑定（每码只能用一次）`;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
