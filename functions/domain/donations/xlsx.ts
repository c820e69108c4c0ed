import { chinaDateTime } from '../../../shared/domain/chinaTime';
import { formatFen } from '../../../shared/domain/money';
import type { CampaignView, DonationView } from '../../../shared/schemas/donations';
import * as ExcelJS from '../../lib/workbook';

const STATUS = { recorded: '已登记', confirmed: '已确认', rejected: '已退回' } as const;
const when = (iso?: string) => (iso ? Object.values(chinaDateTime(iso)).join(' ') : '');

/**
 * The treasurer's ledger of a campaign: every gift with its donor (anonymous ones marked, for
 * the treasurer's eyes only), exact to the fen: the amount in fen as an integer, and in yuan as
 * text written from the fen, so no spreadsheet rounding ever changes a total.
 */
export async function donationsWorkbook(c: CampaignView, gifts: DonationView[], groupName: (groupId: string) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教工之家';
  const sheet = wb.addWorksheet('捐款明细', { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.addRow([c.title]).font = { bold: true, size: 14 };
  sheet.addRow([`已确认 ${formatFen(c.confirmedFen)} 元（${c.confirmedCount} 笔），已登记未退回 ${formatFen(c.recordedFen)} 元（${c.giftCount} 笔），捐款人 ${c.donorCount} 人`]);
  sheet.addRow([]);
  const header = sheet.addRow(['序号', '姓名', '工会小组', '金额（元）', '金额（分）', '匿名', '状态', '登记人', '登记时间', '确认时间', '退回原因']);
  header.font = { bold: true };
  gifts.forEach((d, i) =>
    sheet.addRow([i + 1, d.name, groupName(d.groupId), formatFen(d.amountFen), d.amountFen, d.anonymous ? '是' : '否', STATUS[d.status], d.recordedBy?.name ?? '本人', when(d.recordedAt), when(d.confirmedAt), d.rejectReason ?? '']),
  );
  [6, 12, 14, 12, 12, 6, 8, 12, 18, 18, 24].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
