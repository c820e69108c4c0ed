import ExcelJS from 'exceljs';

/** Builds a roster workbook the way a committee member would type it. */
export async function rosterXlsx(rows: (string | number | Date | null)[][], header = ['姓名', '工号', '手机号', '工会小组', '是否代表', '出生日期', '在职/退休']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('教职工');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(bytes: ArrayBuffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}
