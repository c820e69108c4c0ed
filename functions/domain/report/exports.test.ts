import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findAll, parseXml, type XmlNode } from '../../../tests/support/xml';
import * as ExcelJS from '../../lib/workbook';
import { termCharts } from './charts';
import { draftDocx } from './docx';
import { draftOf } from './draft';
import type { TermFigures } from './term';
import { CHART_SHEET, figuresWorkbook } from './xlsx';

/** The exports with their charts, opened as packages: each chart part wired (content types, rels, the drawing) and the files still readable. */

const zero = { visits: 0, giftFen: 0 };
const HOSTILE = '秋游 <香山> & "红叶"';
const figures = (over: Partial<TermFigures> = {}): TermFigures =>
  ({
    from: '2026-09-01',
    to: '2027-01-31',
    members: { active: 40, retired: 6, new: 2 },
    events: {
      held: 2,
      participants: 13,
      participationRate: 0.325,
      checkedIn: 3,
      participations: 14,
      perEvent: [
        { eventId: 'e1', title: HOSTILE, startsAt: '2026-10-01T00:00:00+08:00', participants: 12, participationRate: 0.3, checkedIn: 3 },
        { eventId: 'e2', title: '羽毛球赛', startsAt: '2026-11-01T00:00:00+08:00', participants: 2, participationRate: 0.05, checkedIn: 0 },
      ],
    },
    donations: { campaigns: 1, confirmedFen: 475_001, donors: 38, perCampaign: [{ campaignId: 'c1', title: '慈善一日捐', kind: 'day-pay', closesAt: '2026-10-01T00:00:00+08:00', confirmedFen: 475_001, donors: 38 }] },
    proposals: { received: 0, accepted: 0, answered: 0, answerRate: null, converted: 0, rejected: 0, merged: 0, done: 0, withdrawn: 0, satisfactionRate: null, sessions: [] },
    ideas: { received: 0, adopted: 0 },
    ballots: { held: 0, turnout: null, cast: 0, eligible: 0, perBallot: [] },
    care: { visits: 0, giftFen: 0, byKind: { illness: zero, wedding: zero, birth: zero, bereavement: zero, hardship: zero, retiree: zero, other: zero } },
    aid: { count: 0, fen: 0, byCategory: { illness: { count: 0, fen: 0 }, disaster: { count: 0, fen: 0 }, family: { count: 0, fen: 0 }, other: { count: 0, fen: 0 } } },
    ...over,
  }) as TermFigures;
const empty = () => figures({ events: { held: 0, participants: 0, participationRate: 0, checkedIn: 0, participations: 0, perEvent: [] }, donations: { campaigns: 0, confirmedFen: 0, donors: 0, perCampaign: [] } } as Partial<TermFigures>);

type Files = Record<string, Uint8Array>;
const xml = (files: Files, name: string): XmlNode => {
  expect(Object.keys(files), name).toContain(name);
  return parseXml(strFromU8(files[name]!));
};
/** The content type the package declares for a part (its override, else its extension's default). */
const contentType = (files: Files, part: string) => {
  const types = xml(files, '[Content_Types].xml');
  const override = types.children.find((t) => t.name === 'Override' && t.attrs.PartName === `/${part}`);
  return override?.attrs.ContentType ?? types.children.find((t) => t.name === 'Default' && t.attrs.Extension === part.split('.').at(-1))?.attrs.ContentType;
};
/** A relationship of `part` by id: its type and the part it points at (resolved against the part's folder). */
const rel = (files: Files, part: string, id: string) => {
  const dir = part.split('/').slice(0, -1);
  const r = xml(files, [...dir, '_rels', `${part.split('/').at(-1)}.rels`].join('/')).children.find((c) => c.attrs.Id === id);
  expect(r, `${part} ${id}`).toBeDefined();
  const target = [...dir];
  for (const seg of r!.attrs.Target!.split('/')) seg === '..' ? target.pop() : target.push(seg);
  return { type: r!.attrs.Type!.split('/').at(-1), target: target.join('/') };
};
/** The cached categories and values of a chart part, and its references. */
const chartData = (files: Files, part: string) => {
  const doc = xml(files, part);
  const pts = (n: string) => findAll(findAll(doc, n)[0]!, 'c:v').map((v) => v.text);
  return { title: findAll(findAll(doc, 'c:title')[0]!, 'a:t')[0]!.text, categories: pts('c:cat'), values: pts('c:val'), refs: findAll(doc, 'c:f').map((f) => f.text), doc };
};
const textOf = (n: XmlNode): string => findAll(n, 'w:t').map((t) => t.text).join('');

describe('the draft .docx with its charts', () => {
  it('puts each chart inline right after its table, wired through the document’s rels and content types, with its data embedded', async () => {
    const f = figures();
    const files = unzipSync(await draftDocx(draftOf(f, '阳光小学'), termCharts(f)));
    const body = findAll(xml(files, 'word/document.xml'), 'w:body')[0]!.children;
    const charts: string[] = [];
    body.forEach((n, i) => {
      const chart = findAll(n, 'c:chart')[0];
      if (!chart) return;
      expect(findAll(n, 'wp:inline')).toHaveLength(1);
      expect(body[i - 1]!.name, 'a chart follows its table').toBe('w:tbl');
      const { type, target } = rel(files, 'word/document.xml', chart.attrs['r:id']!);
      expect(type).toBe('chart');
      expect(contentType(files, target)).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      charts.push(target);
    });
    expect(charts).toEqual(['word/charts/chart1.xml', 'word/charts/chart2.xml']);
    // After the table of events, the events; after the campaigns, the money (exact to the fen).
    const events = chartData(files, charts[0]!);
    expect(events).toMatchObject({ title: '各活动参与人数', categories: [HOSTILE, '羽毛球赛'], values: ['12', '2'] });
    expect(textOf(body[body.indexOf(body.find((n) => findAll(n, 'c:chart').length > 0)!) - 2]!)).toBe('各项活动参与情况');
    expect(chartData(files, charts[1]!)).toMatchObject({ title: '各募捐活动金额', categories: ['慈善一日捐'], values: ['4750.01'] });
    // No proposals this term: a line says so where the chart would be, under its heading.
    const texts = body.map(textOf);
    expect(texts[texts.indexOf('提案办理情况') + 1]).toBe('提案办理情况：本学期无数据');
    expect(texts.join('\n')).not.toContain('CHART-');
    // 编辑数据: the chart's embedded workbook holds what the references point at.
    const data = findAll(xml(files, charts[0]!), 'c:externalData')[0]!;
    const embedded = rel(files, charts[0]!, data.attrs['r:id']!);
    expect(embedded.type).toBe('package');
    expect(contentType(files, embedded.target)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files[embedded.target]!) as never);
    const sheet = wb.getWorksheet('Sheet1')!;
    expect(events.refs).toEqual(['Sheet1!$B$1', 'Sheet1!$A$2:$A$3', 'Sheet1!$B$2:$B$3']);
    expect([sheet.getCell('B1').value, sheet.getCell('A2').value, sheet.getCell('B2').value, sheet.getCell('A3').value, sheet.getCell('B3').value]).toEqual(['各活动参与人数（人）', HOSTILE, 12, '羽毛球赛', 2]);
  });

  it('has no chart parts when nothing happened: three lines say 本学期无数据', async () => {
    const f = empty();
    const files = unzipSync(await draftDocx(draftOf(f, '阳光小学'), termCharts(f)));
    expect(Object.keys(files).filter((n) => n.includes('chart'))).toEqual([]);
    const texts = findAll(xml(files, 'word/document.xml'), 'w:p').map(textOf);
    expect(texts.filter((t) => t.endsWith('：本学期无数据'))).toEqual(['各活动参与人数：本学期无数据', '各募捐活动金额：本学期无数据', '提案办理情况：本学期无数据']);
  });
});

describe('the figures .xlsx with its charts', () => {
  it('draws each chart on 图表 beside the cells its series reads, and still opens in exceljs', async () => {
    const f = figures({ proposals: { ...figures().proposals, accepted: 3, answered: 2, done: 1, rejected: 1 } });
    const bytes = await figuresWorkbook(draftOf(f, '阳光小学'), f, termCharts(f));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['概况', CHART_SHEET]);
    expect(wb.getWorksheet('全部指标')!.rowCount).toBeGreaterThan(10);

    const files = unzipSync(bytes);
    const sheetPart = 'xl/worksheets/sheet2.xml';
    expect(rel(files, 'xl/workbook.xml', findAll(xml(files, 'xl/workbook.xml'), 'sheet')[1]!.attrs['r:id']!).target).toBe(sheetPart);
    const drawingRef = findAll(xml(files, sheetPart), 'drawing');
    expect(drawingRef).toHaveLength(1);
    const drawing = rel(files, sheetPart, drawingRef[0]!.attrs['r:id']!);
    expect(drawing.type).toBe('drawing');
    expect(contentType(files, drawing.target)).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    const anchors = findAll(xml(files, drawing.target), 'xdr:twoCellAnchor');
    expect(anchors).toHaveLength(3);
    // One below the other, none over another's cells.
    const spans = anchors.map((a) => findAll(a, 'xdr:row').map((r) => Number(r.text)));
    spans.slice(1).forEach(([from], i) => expect(from).toBeGreaterThan(spans[i]![1]!));

    const sheet = wb.getWorksheet(CHART_SHEET)!;
    /** The values of the cells a reference such as '图表'!$A$3:$A$4 names. */
    const cells = (ref: string) => {
      const [, , c1, r1, , , r2] = /^'(.+)'!\$([A-Z])\$(\d+)(:\$([A-Z])\$(\d+))?$/.exec(ref)!;
      const rows = Array.from({ length: Number(r2 ?? r1) - Number(r1) + 1 }, (_, i) => Number(r1) + i);
      return rows.map((r) => String(sheet.getCell(`${c1}${r}`).value));
    };
    const read = anchors.map((a) => {
      const { type, target } = rel(files, drawing.target, findAll(a, 'c:chart')[0]!.attrs['r:id']!);
      expect(type).toBe('chart');
      expect(contentType(files, target)).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      const c = chartData(files, target);
      const [name, categories, values] = c.refs;
      // The caches are what the cells hold: the viewer shows the chart without recalculating, and editing the cells redraws it.
      expect(cells(categories!)).toEqual(c.categories);
      expect(cells(values!).map(Number)).toEqual(c.values.map(Number));
      expect(cells(name!)).toEqual([`${c.title}（${c.title === '各募捐活动金额' ? '元' : c.title === '提案办理情况' ? '件' : '人'}）`]);
      // The anchor starts at the chart's title row.
      expect(sheet.getCell(`A${Number(findAll(a, 'xdr:row')[0]!.text) + 1}`).value).toBe(c.title);
      return { title: c.title, categories: c.categories, values: c.values };
    });
    expect(read).toEqual([
      { title: '各活动参与人数', categories: [HOSTILE, '羽毛球赛'], values: ['12', '2'] },
      { title: '各募捐活动金额', categories: ['慈善一日捐'], values: ['4750.01'] },
      { title: '提案办理情况', categories: ['立案', '转为建议', '不予立案', '并案', '已答复', '已落实', '撤回'], values: ['3', '0', '1', '0', '2', '1', '0'] },
    ]);
    // Money in the cell is a number shown with two places.
    const money = sheet.getColumn(1).values.indexOf('慈善一日捐');
    expect(sheet.getCell(`B${money}`).value).toBe(4750.01);
    expect(sheet.getCell(`B${money}`).numFmt).toBe('0.00');
  });

  it('says 本学期无数据 on 图表 and adds no drawing when nothing happened', async () => {
    const f = empty();
    const bytes = await figuresWorkbook(draftOf(f, '阳光小学'), f, termCharts(f));
    expect(Object.keys(unzipSync(bytes)).filter((n) => n.includes('drawing') || n.includes('chart'))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const col = wb.getWorksheet(CHART_SHEET)!.getColumn(1).values.filter(Boolean);
    expect(col).toEqual(['各活动参与人数', '本学期无数据', '各募捐活动金额', '本学期无数据', '提案办理情况', '本学期无数据']);
  });
});
