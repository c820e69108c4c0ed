import { randomUUID } from 'node:crypto';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { unzipSync } from 'fflate';
import { CHART_WIDTH_EMU, chartHeightEmu, chartXml, hasData, valueText, xmlText, type ChartSpec } from './chart';
import { addContentTypes, addRel, CT_CHART, CT_XLSX, embeddedWorkbook, freeName, put, REL_CHART, REL_PACKAGE, text, zip, type Files } from './chartPackage';
import type { TermChart } from './charts';
import type { Draft } from './draft';

/**
 * The draft 工作总结 as a Word document (.docx): headings, paragraphs and the figures' tables, each
 * chart after its table as a native Word chart (its data embedded, so 编辑数据 works), or a line
 * saying 本学期无数据 where a chart has nothing to show.
 */
export async function draftDocx(d: Draft, charts: TermChart[] = []): Promise<Uint8Array> {
  const cell = (text: string | number, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(text), bold })] })] });
  // The paragraph each chart replaces: a marker no user text can hold (a fresh nonce).
  const nonce = randomUUID();
  const placed: { marker: string; chart: ChartSpec }[] = [];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: d.title, bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: d.subtitle, italics: true })] }),
  ];
  for (const s of d.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: s.heading, bold: true })] }));
    for (const p of s.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)], spacing: { after: 120 } }));
    for (const t of s.tables) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(t.title)] }));
      if (t.rows.length === 0) children.push(new Paragraph('（无）'));
      else
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [new TableRow({ tableHeader: true, children: t.headers.map((h) => cell(h, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))],
          }),
        );
      for (const { chart, heading } of charts.filter((c) => c.after === t.title)) {
        if (heading) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(heading)] }));
        if (!hasData(chart)) {
          children.push(new Paragraph(`${chart.title}：本学期无数据`));
          continue;
        }
        const marker = `CHART-${nonce}-${placed.length}`;
        placed.push({ marker, chart });
        children.push(new Paragraph(marker));
      }
    }
  }
  const doc = new Document({
    creator: '教工之家',
    title: d.title,
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', eastAsia: '宋体' }, size: 24 } } } },
    sections: [{ children }],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  return placed.length === 0 ? bytes : withCharts(bytes, placed);
}

/** The docx package with each marker paragraph replaced by its chart: the chart part, its embedded data, rels, content types. */
function withCharts(bytes: Uint8Array, placed: { marker: string; chart: ChartSpec }[]): Uint8Array {
  const files: Files = unzipSync(bytes);
  let body = text(files, 'word/document.xml');
  placed.forEach(({ marker, chart }, i) => {
    const part = freeName(files, 'word/charts/chart', '.xml');
    const workbook = freeName(files, 'word/embeddings/Microsoft_Excel_Worksheet', '.xlsx');
    files[workbook] = embeddedWorkbook(chart);
    const dataRid = addRel(files, part.replace('charts/', 'charts/_rels/') + '.rels', REL_PACKAGE, `../embeddings/${workbook.split('/').at(-1)}`);
    const n = chart.categories.length;
    put(files, part, chartXml(chart, { name: 'Sheet1!$B$1', categories: `Sheet1!$A$2:$A$${n + 1}`, values: `Sheet1!$B$2:$B$${n + 1}` }, dataRid));
    addContentTypes(files, [[`/${part}`, CT_CHART]], [['xlsx', CT_XLSX]]);
    const rid = addRel(files, 'word/_rels/document.xml.rels', REL_CHART, part.slice('word/'.length));
    const at = body.indexOf(`>${marker}<`);
    if (at < 0) throw new Error(`chart ${i}: its place is not in document.xml`);
    const start = Math.max(body.lastIndexOf('<w:p>', at), body.lastIndexOf('<w:p ', at));
    const end = body.indexOf('</w:p>', at) + '</w:p>'.length;
    body = body.slice(0, start) + inlineChart(rid, i, chart) + body.slice(end);
  });
  put(files, 'word/document.xml', body);
  return zip(files);
}

/** A centred paragraph holding the chart inline, with the data as its alternative text (screen readers). */
function inlineChart(rid: string, n: number, c: ChartSpec): string {
  const alt = `${c.title}：${c.categories.map((name, i) => `${name} ${valueText(c, c.values[i]!)}${c.unit}`).join('；')}`;
  return (
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing>' +
    `<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
    `<wp:extent cx="${CHART_WIDTH_EMU}" cy="${chartHeightEmu(c.categories.length)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${5000 + n}" name="图表 ${n + 1}" descr="${xmlText(alt)}"/><wp:cNvGraphicFramePr/>` +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rid}"/>` +
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  );
}
