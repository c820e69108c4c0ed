import { PHONE_RE } from '../schemas/member';
import type { ImportReport, ImportRow } from '../schemas/roster';

/** One data row of a roster sheet, as the cells' text (blank cells are ''). */
export interface RawRosterRow {
  row: number;
  name: string;
  staffNo: string;
  phone: string;
  group: string;
  delegate: string;
  birthDate: string;
  status: string;
}

/** What the school has now, as far as an import cares. */
export interface ExistingMember {
  memberId: string;
  staffNo?: string;
  name: string;
  phone?: string;
  groupId: string;
  isDelegate: boolean;
  birthDate?: string;
  retired: boolean;
}

export interface MemberFields {
  name: string;
  phone?: string;
  groupId: string;
  isDelegate: boolean;
  birthDate?: string;
  retired: boolean;
}

export interface RosterPlan {
  report: ImportReport;
  creates: (MemberFields & { staffNo: string })[];
  updates: { memberId: string; fields: Partial<MemberFields> }[];
}

const YES = new Set(['是', '是的', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', '不是', 'n', 'no', 'false', '0', '']);

export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

export function parseStatus(text: string): boolean | undefined {
  const t = text.trim();
  if (t === '' || t === '在职') return false;
  if (t === '退休') return true;
  return undefined;
}

/** 2001-3-5, 2001/03/05 or 2001.3.5 → 2001-03-05; undefined when not a real past date. */
export function parseBirthDate(text: string, today: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  const iso = date.toISOString().slice(0, 10);
  return y >= 1900 && iso <= today ? iso : undefined;
}

export const normalisePhone = (text: string) => text.replace(/[\s-]/g, '').replace(/^\+?86/, '');

/**
 * Plans a roster import: validates every row and decides, by 工号, what to create and what to update.
 * Pure. If any row has an error the plan holds no writes at all: nothing is ever half-imported.
 */
export function planRosterImport(
  rows: RawRosterRow[],
  existing: ExistingMember[],
  groups: { groupId: string; name: string }[],
  today: string,
): RosterPlan {
  const groupByName = new Map(groups.map((g) => [g.name.trim(), g.groupId]));
  const byStaffNo = new Map(existing.filter((m) => m.staffNo).map((m) => [m.staffNo!, m]));
  const rowsOfStaffNo = new Map<string, number[]>();
  for (const r of rows) {
    const no = r.staffNo.trim();
    if (no) rowsOfStaffNo.set(no, [...(rowsOfStaffNo.get(no) ?? []), r.row]);
  }

  const creates: RosterPlan['creates'] = [];
  const updates: RosterPlan['updates'] = [];
  const reportRows: ImportRow[] = rows.map((r) => {
    const errors: string[] = [];
    const name = r.name.trim();
    const staffNo = r.staffNo.trim();
    if (!name) errors.push('姓名不能为空');
    else if (name.length > 32) errors.push('姓名过长（最多 32 个字）');
    if (!staffNo) errors.push('工号不能为空');
    else if (!/^[A-Za-z0-9-]{1,32}$/.test(staffNo)) errors.push(`工号“${staffNo}”只能包含字母、数字和短横线`);
    const dupes = rowsOfStaffNo.get(staffNo) ?? [];
    if (staffNo && dupes.length > 1) errors.push(`工号 ${staffNo} 在表中重复（第 ${dupes.join('、')} 行）`);
    const phone = normalisePhone(r.phone);
    if (phone && !PHONE_RE.test(phone)) errors.push(`手机号“${r.phone.trim()}”不正确，应为 11 位手机号`);
    const groupName = r.group.trim();
    const groupId = groupByName.get(groupName);
    if (!groupName) errors.push('工会小组不能为空');
    else if (!groupId) errors.push(`工会小组“${groupName}”不存在，请先在小组管理中添加`);
    const isDelegate = parseYesNo(r.delegate);
    if (isDelegate === undefined) errors.push(`是否代表应填“是”或“否”，不能是“${r.delegate.trim()}”`);
    const birthDate = r.birthDate.trim() ? parseBirthDate(r.birthDate, today) : undefined;
    if (r.birthDate.trim() && !birthDate) errors.push(`出生日期“${r.birthDate.trim()}”不正确，例如 1975-03-08`);
    const retired = parseStatus(r.status);
    if (retired === undefined) errors.push(`在职/退休应填“在职”或“退休”，不能是“${r.status.trim()}”`);

    if (errors.length) return { row: r.row, name, staffNo, action: 'error', errors };
    const fields: MemberFields = { name, phone: phone || undefined, groupId: groupId!, isDelegate: isDelegate!, birthDate, retired: retired! };
    const current = byStaffNo.get(staffNo);
    if (!current) {
      creates.push({ staffNo, ...fields });
      return { row: r.row, name, staffNo, action: 'create', errors };
    }
    const changed = changedFields(current, fields);
    if (Object.keys(changed).length === 0) return { row: r.row, name, staffNo, action: 'unchanged', errors };
    updates.push({ memberId: current.memberId, fields: changed });
    return { row: r.row, name, staffNo, action: 'update', errors };
  });

  const errorCount = reportRows.filter((r) => r.action === 'error').length;
  const count = (a: ImportRow['action']) => reportRows.filter((r) => r.action === a).length;
  return {
    report: { rows: reportRows, created: count('create'), updated: count('update'), unchanged: count('unchanged'), errorCount, fileErrors: [] },
    creates: errorCount ? [] : creates,
    updates: errorCount ? [] : updates,
  };
}

/** Blank optional cells keep what is stored (a sheet without phones never erases them). */
function changedFields(current: ExistingMember, next: MemberFields): Partial<MemberFields> {
  const out: Partial<MemberFields> = {};
  if (current.name !== next.name) out.name = next.name;
  if (next.phone && current.phone !== next.phone) out.phone = next.phone;
  if (current.groupId !== next.groupId) out.groupId = next.groupId;
  if (current.isDelegate !== next.isDelegate) out.isDelegate = next.isDelegate;
  if (next.birthDate && current.birthDate !== next.birthDate) out.birthDate = next.birthDate;
  if (current.retired !== next.retired) out.retired = next.retired;
  return out;
}
