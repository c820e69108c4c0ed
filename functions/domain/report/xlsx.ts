import { unzipSync } from 'fflate';
import * as ExcelJS from '../../lib/workbook';
import { CHART_WIDTH_EMU, chartHeightEmu, chartXml, hasData, seriesName, xmlText, type ChartRefs, type ChartSpec } from './chart';
import { addContentTypes, addRel, CT_CHART, CT_DRAWING, freeName, put, REL_CHART, REL_DRAWING, text, zip, type Files } from './chartPackage';
import type { TermChart } from './charts';
import type { Draft } from './draft';
import { flatten } from './recount';
import type { TermFigures } from './term';

/** The sheet with the charts, each beside the cells its series reads. */
export const CHART_SHEET = '图表';
/** Default row height (15 pt = 20 px) in EMU, to size a chart's anchor in rows. */
const ROW_EMU = 190_500;

interface Anchored {
  chart: ChartSpec;
  refs: ChartRefs;
  /** 0-based rows the chart spans, from its title row; columns D to L. */
  fromRow: number;
  toRow: number;
}

/**
 * The term's figures as .xlsx: the draft's tables, one sheet each, the charts (图表: each chart's
 * numbers in cells, the native chart beside them reading those cells) and every figure by name (as
 * the recount names them).
 */
export async function figuresWorkbook(d: Draft, f: TermFigures, charts: TermChart[] = []): Promise<Uint8Array> {
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
  const anchored: Anchored[] = [];
  if (charts.length > 0) {
    const sheet = wb.addWorksheet(CHART_SHEET);
    sheet.getColumn(1).width = 30;
    sheet.getColumn(2).width = 18;
    const ref = (col: string, from: number, to = from) => `'${CHART_SHEET}'!$${col}$${from}${to === from ? '' : `:$${col}$${to}`}`;
    for (const { chart } of charts) {
      const top = sheet.rowCount + (sheet.rowCount === 0 ? 1 : 2); // a blank row between blocks
      sheet.getRow(top).values = [chart.title];
      sheet.getRow(top).font = { bold: true, size: 12 };
      if (!hasData(chart)) {
        sheet.getRow(top + 1).values = ['本学期无数据'];
        continue;
      }
      sheet.getRow(top + 1).values = ['项目', seriesName(chart)];
      sheet.getRow(top + 1).font = { bold: true };
      chart.categories.forEach((name, i) => {
        const row = sheet.getRow(top + 2 + i);
        row.values = [name, chart.values[i]!];
        if (chart.decimals) row.getCell(2).numFmt = `0.${'0'.repeat(chart.decimals)}`;
      });
      const last = top + 1 + chart.categories.length;
      const rows = Math.ceil(chartHeightEmu(chart.categories.length) / ROW_EMU);
      anchored.push({ chart, refs: { name: ref('B', top + 1), categories: ref('A', top + 2, last), values: ref('B', top + 2, last) }, fromRow: top - 1, toRow: top - 1 + rows });
      // The next block starts below the chart, not only below its cells.
      if (top - 1 + rows > last) sheet.getRow(top - 1 + rows).values = [];
    }
  }
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
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return anchored.length === 0 ? bytes : withCharts(bytes, CHART_SHEET, anchored);
}

/** The package's part for the sheet named `name` (xl/worksheets/sheetN.xml), from the workbook and its rels. */
function sheetPart(files: Files, name: string): string {
  const sheet = new RegExp(`<sheet [^>]*name="${xmlText(name)}"[^>]*/>`).exec(text(files, 'xl/workbook.xml'))?.[0];
  const rid = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const target = rid && new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`).exec(text(files, 'xl/_rels/workbook.xml.rels'))?.[0];
  const path = target && /Target="([^"]+)"/.exec(target)?.[1];
  if (!path) throw new Error(`no sheet ${name} in the workbook`);
  return path.startsWith('/') ? path.slice(1) : `xl/${path}`;
}

/** The xlsx package with a drawing on the chart sheet anchoring each chart: chart parts, the drawing, rels, the sheet's `<drawing>`, content types. */
function withCharts(bytes: Uint8Array, sheetName: string, anchored: Anchored[]): Uint8Array {
  const files: Files = unzipSync(bytes);
  const sheet = sheetPart(files, sheetName);
  const drawing = freeName(files, 'xl/drawings/drawing', '.xml');
  const drawingRels = drawing.replace('drawings/', 'drawings/_rels/') + '.rels';
  const frames = anchored.map(({ chart, refs, fromRow, toRow }, i) => {
    const part = freeName(files, 'xl/charts/chart', '.xml');
    put(files, part, chartXml(chart, refs));
    addContentTypes(files, [[`/${part}`, CT_CHART]]);
    const rid = addRel(files, drawingRels, REL_CHART, `../charts/${part.split('/').at(-1)}`);
    const at = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(3, fromRow)}</xdr:from><xdr:to>${at(12, toRow)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="图表 ${i + 1}" descr="${xmlText(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="${CHART_WIDTH_EMU}" cy="${chartHeightEmu(chart.categories.length)}"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  put(
    files,
    drawing,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
      'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `${frames.join('')}</xdr:wsDr>`,
  );
  addContentTypes(files, [[`/${drawing}`, CT_DRAWING]]);
  const sheetRels = sheet.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  const rid = addRel(files, sheetRels, REL_DRAWING, `../drawings/${drawing.split('/').at(-1)}`);
  // <drawing> goes after the page set-up and before what the schema puts after it.
  let xml = text(files, sheet);
  if (xml.includes('<drawing ')) throw new Error(`sheet ${sheetName} already has a drawing`);
  const tag = `<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rid}"/>`;
  const before = ['<legacyDrawing', '<legacyDrawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'].map((t) => xml.indexOf(t)).filter((i) => i >= 0);
  const at = Math.min(...before);
  xml = xml.slice(0, at) + tag + xml.slice(at);
  put(files, sheet, xml);
  return zip(files);
}
