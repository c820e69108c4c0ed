import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Draft } from './draft';

/** The draft 工作总结 as a Word document (.docx): headings, paragraphs and the figures' tables. */
export async function draftDocx(d: Draft): Promise<Uint8Array> {
  const cell = (text: string | number, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(text), bold })] })] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: d.title, bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: d.subtitle, italics: true })] }),
  ];
  for (const s of d.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: s.heading, bold: true })] }));
    for (const p of s.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)], spacing: { after: 120 } }));
    for (const t of s.tables) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(t.title)] }));
      if (t.rows.length === 0) {
        children.push(new Paragraph('（无）'));
        continue;
      }
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: t.headers.map((h) => cell(h, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))],
        }),
      );
    }
  }
  const doc = new Document({
    creator: '教工之家',
    title: d.title,
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', eastAsia: '宋体' }, size: 24 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
