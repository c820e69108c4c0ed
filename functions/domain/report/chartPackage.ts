import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { seriesName, valueText, xmlText, type ChartSpec } from './chart';

/**
 * Wiring chart parts into an Office package (.docx, .xlsx) after its library wrote it: the zip's
 * files as a map, content types, relationships. Shared by docx.ts and xlsx.ts.
 */

export type Files = Record<string, Uint8Array>;

export const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const REL_PACKAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/package';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CT_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const text = (files: Files, name: string): string => {
  const f = files[name];
  if (!f) throw new Error(`no ${name} in the package`);
  return strFromU8(f);
};
export const put = (files: Files, name: string, xml: string) => {
  files[name] = strToU8(xml);
};

/** The first `prefix<n>suffix` not yet in the package (chart1.xml, chart2.xml …). */
export function freeName(files: Files, prefix: string, suffix: string, from = 1): string {
  for (let n = from; ; n++) if (!(`${prefix}${n}${suffix}` in files)) return `${prefix}${n}${suffix}`;
}

/** Adds `<Override>`s (part name → type) and `<Default>`s (extension → type) to `[Content_Types].xml`, each once. */
export function addContentTypes(files: Files, overrides: [string, string][], defaults: [string, string][] = []) {
  let xml = text(files, '[Content_Types].xml');
  const add = (tag: string) => (xml = xml.replace('</Types>', `${tag}</Types>`));
  for (const [ext, type] of defaults) if (!new RegExp(`<Default [^>]*Extension="${ext}"`, 'i').test(xml)) add(`<Default Extension="${ext}" ContentType="${type}"/>`);
  for (const [part, type] of overrides) if (!xml.includes(`PartName="${part}"`)) add(`<Override PartName="${xmlText(part)}" ContentType="${type}"/>`);
  put(files, '[Content_Types].xml', xml);
}

/** Adds a relationship to a part's `.rels` (created if the part has none); returns its new, unused id. */
export function addRel(files: Files, relsName: string, type: string, target: string): string {
  const xml = relsName in files ? text(files, relsName) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  let n = 1;
  while (xml.includes(`Id="rIdC${n}"`)) n++;
  const id = `rIdC${n}`;
  put(files, relsName, xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${xmlText(target)}"/></Relationships>`));
  return id;
}

export const zip = (files: Files): Uint8Array => zipSync(files as Zippable, { level: 6 });

/**
 * The chart's data as a minimal workbook (one sheet: names in A, values in B, the series' name in
 * B1), embedded in the .docx beside the chart so that Word's and WPS's 编辑数据 opens it. Its cells
 * are what the chart's `Sheet1!` references point at.
 */
export function embeddedWorkbook(c: ChartSpec): Uint8Array {
  const str = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${xmlText(s)}</t></is></c>`;
  const rows = [
    `<row r="1">${str('A1', '项目')}${str('B1', seriesName(c))}</row>`,
    ...c.categories.map((name, i) => `<row r="${i + 2}">${str(`A${i + 2}`, name)}<c r="B${i + 2}"><v>${valueText(c, c.values[i]!)}</v></c></row>`),
  ];
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return zip({
    '[Content_Types].xml': strToU8(
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`${head}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`${head}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`${head}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(`${head}<worksheet xmlns="${main}"><cols><col min="1" max="1" width="30" customWidth="1"/><col min="2" max="2" width="18" customWidth="1"/></cols><sheetData>${rows.join('')}</sheetData></worksheet>`),
  });
}
