import * as ExcelJS from '../../lib/workbook';
import type { GroupHeadCount, RegistrationEntry } from '../../../shared/schemas/events';
import type { EventItem } from '../../entities/event';

const fmt = (iso?: string) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

/** The event's roster: a summary sheet, one sheet per 工会小组, and the waitlist. */
export async function eventRosterWorkbook(
  e: EventItem,
  confirmed: RegistrationEntry[],
  waitlist: RegistrationEntry[],
  byGroup: GroupHeadCount[],
  participationRate: number,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教工之家';
  const optionHeaders = e.options.map((o) => ({ header: o.label, key: `opt_${o.key}`, width: 14 }));
  const row = (r: RegistrationEntry, i: number) => ({
    no: i + 1,
    name: r.name,
    family: r.family,
    seats: r.seats,
    ...Object.fromEntries(e.options.map((o) => [`opt_${o.key}`, r.choices[o.key] ?? ''])),
    registeredAt: fmt(r.registeredAt),
    checkedInAt: r.checkedInAt ? `已签到 ${fmt(r.checkedInAt)}` : '未签到',
  });
  const columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '家属人数', key: 'family', width: 10 },
    { header: '座位数', key: 'seats', width: 8 },
    ...optionHeaders,
    { header: '报名时间', key: 'registeredAt', width: 20 },
    { header: '签到', key: 'checkedInAt', width: 26 },
  ];

  const summary = wb.addWorksheet('汇总');
  summary.addRow([e.title]).font = { bold: true, size: 14 };
  summary.addRow([`时间：${fmt(e.startsAt)}　地点：${e.place}　名额：${e.capacity}`]);
  summary.addRow([`报名成功 ${confirmed.length} 人（含家属共 ${confirmed.reduce((a, r) => a + r.seats, 0)} 座），候补 ${waitlist.length} 人，参与率 ${participationRate}%`]);
  summary.addRow([]);
  summary.addRow(['工会小组', '在册会员', '报名人数', '座位数', '已签到']).font = { bold: true };
  for (const g of byGroup) summary.addRow([g.groupName, g.members, g.registered, g.seats, g.checkedIn]);
  summary.getColumn(1).width = 16;

  for (const g of byGroup) {
    const sheet = wb.addWorksheet(g.groupName.slice(0, 31) || '未分组', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns;
    sheet.getRow(1).font = { bold: true };
    confirmed.filter((r) => r.groupId === g.groupId).forEach((r, i) => sheet.addRow(row(r, i)));
  }
  if (waitlist.length) {
    const sheet = wb.addWorksheet('候补');
    sheet.columns = [{ header: '候补顺序', key: 'no', width: 10 }, ...columns.slice(1)];
    sheet.getRow(1).font = { bold: true };
    waitlist.forEach((r, i) => sheet.addRow(row(r, i)));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
