import * as ExcelJS from '../../lib/workbook';
import type { Draft } from './draft';
import { flatten } from './recount';
import type { TermFigures } from './term';

/** The term's figures as .xlsx: the draft's tables, one sheet each, and every figure by name (as the recount names them). */
export async function figuresWorkbook(d: Draft, f: TermFigures): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教工之家';
  const summary = wb.addWorksheet('概况');
  summary.addRow([d.title]).font = { bold: true, size: 14 };
  summary.addRow([d.subtitle]);
  for (const s of d.sections) {
    summary.addRow([]);
    summary.addRow([s.heading]).font = { bold: true };
    for (const p of s.paragraphs) summary.addRow([p]);
  }
  summary.getColumn(1).width = 120;
  for (const t of d.sections.flatMap((s) => s.tables)) {
    const sheet = wb.addWorksheet(t.title.slice(0, 31));
    sheet.addRow(t.headers).font = { bold: true };
    for (const r of t.rows) sheet.addRow(r);
    t.headers.forEach((_, i) => (sheet.getColumn(i + 1).width = i === 0 ? 30 : 16));
  }
  const all = wb.addWorksheet('全部指标');
  all.addRow(['指标', '数值']).font = { bold: true };
  for (const [name, value] of Object.entries(flatten(f))) all.addRow([name, value ?? '—']);
  all.getColumn(1).width = 50;
  all.getColumn(2).width = 20;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
