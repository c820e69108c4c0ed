/**
 * A native bar chart (DrawingML `c:chartSpace`), written by hand: neither docx nor exceljs writes
 * charts. One series, horizontal bars (long Chinese names read best beside the bar, as in the
 * mini-program's report), the first item at the top, each bar labelled with its exact number, the
 * unit on the value axis. The categories and values are cached in the part (`c:strCache`,
 * `c:numCache`), so Word, WPS and Excel draw it without recalculating; `refs` points the series at
 * the cells that hold the same data (the .xlsx's sheet, the .docx chart's embedded workbook), so the
 * office app can edit it. Pure: shared by the .docx and the .xlsx export.
 */

export interface ChartSpec {
  title: string;
  categories: string[];
  /** In `unit`; money in yuan (fen / 100), written with `decimals` places. */
  values: number[];
  /** 人, 元, 件 … shown on the value axis and in the series name. */
  unit: string;
  /** Places after the point: 2 for yuan (exact to the fen), 0 (default) for counts. */
  decimals?: number;
}

/** Where the office app finds the chart's data: sheet references such as `'图表'!$A$3:$A$5`. */
export interface ChartRefs {
  name: string;
  categories: string;
  values: string;
}

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** XML text and attribute values: the five specials escaped, characters XML 1.0 forbids dropped (names come from user input). */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A chart with nothing to show (no items, or every value 0) is left out: the export says 本学期无数据 instead. */
export const hasData = (c: ChartSpec) => c.categories.length > 0 && c.values.some((v) => v !== 0);

/** The series' name: what the values are, with the unit. */
export const seriesName = (c: ChartSpec) => `${c.title}（${c.unit}）`;

/** A value as written in the part and the cells: `decimals` places (yuan: 4750.01). */
export const valueText = (c: ChartSpec, v: number) => v.toFixed(c.decimals ?? 0);

const formatCode = (c: ChartSpec) => ((c.decimals ?? 0) > 0 ? `0.${'0'.repeat(c.decimals!)}` : '0');

/** A whole-number step for count axes (1, 2, 5, 10, 20, 50 …): no 0.5 人 ticks. */
export function countStep(max: number): number {
  const rough = Math.max(1, max / 6);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
}

/** The chart's height for `n` bars, in EMU (360000 to the cm): the title and axis, then 0.9 cm a bar; at most 22 cm (an A4 page's text). */
export const chartHeightEmu = (n: number) => Math.round(Math.min(22, 4 + 0.9 * Math.max(n, 1)) * 360_000);
/** 15 cm: the text width of an A4 page with Word's default margins. */
export const CHART_WIDTH_EMU = 15 * 360_000;

const run = (sz: number, bold = false) => `<a:defRPr sz="${sz}" b="${bold ? 1 : 0}"><a:latin typeface="Times New Roman"/><a:ea typeface="宋体"/></a:defRPr>`;
const rich = (text: string, sz: number, bold: boolean) =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${run(sz, bold)}</a:pPr><a:r><a:rPr lang="zh-CN" altLang="en-US" sz="${sz}" b="${bold ? 1 : 0}"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
const textProps = (sz: number) => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${run(sz)}</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
const points = (vs: string[]) => `<c:ptCount val="${vs.length}"/>${vs.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('')}`;
const formula = (ref: string | undefined) => (ref === undefined ? '' : `<c:f>${xmlText(ref)}</c:f>`);

/** The chart part (`word/charts/chartN.xml`, `xl/charts/chartN.xml`); `externalDataRid`: the embedded workbook's relationship (.docx). */
export function chartXml(c: ChartSpec, refs?: ChartRefs, externalDataRid?: string): string {
  if (c.categories.length !== c.values.length) throw new Error(`chart ${c.title}: ${c.categories.length} categories, ${c.values.length} values`);
  const max = Math.max(0, ...c.values);
  const integer = (c.decimals ?? 0) === 0;
  const series =
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx><c:strRef>${formula(refs?.name)}<c:strCache>${points([seriesName(c)])}</c:strCache></c:strRef></c:tx>` +
    '<c:spPr><a:solidFill><a:srgbClr val="C0392B"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>' +
    `<c:dLbls><c:numFmt formatCode="${formatCode(c)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(1200)}<c:dLblPos val="outEnd"/>` +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef>${formula(refs?.categories)}<c:strCache>${points(c.categories)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef>${formula(refs?.values)}<c:numCache><c:formatCode>${formatCode(c)}</c:formatCode>${points(c.values.map((v) => valueText(c, v)))}</c:numCache></c:numRef></c:val>` +
    '</c:ser>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    `<c:title>${rich(c.title, 1400, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    '<c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    // Categories top to bottom in the table's order; the value axis then crosses at the last one (the bottom).
    '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(1200)}` +
    '<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    `<c:title>${rich(`单位：${c.unit}`, 1100, false)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${integer ? '0' : '#,##0'}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(1100)}` +
    `<c:crossAx val="1001"/><c:crosses val="max"/><c:crossBetween val="between"/>${integer ? `<c:majorUnit val="${countStep(max)}"/>` : ''}</c:valAx>` +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    textProps(1200) +
    (externalDataRid ? `<c:externalData r:id="${xmlText(externalDataRid)}"><c:autoUpdate val="0"/></c:externalData>` : '') +
    '</c:chartSpace>'
  );
}
