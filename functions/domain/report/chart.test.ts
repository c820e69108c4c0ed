import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen } from '../../../shared/domain/fen';
import { findAll, parseXml, type XmlNode } from '../../../tests/support/xml';
import { chartXml, countStep, hasData, valueText, xmlText, type ChartSpec } from './chart';
import { termCharts } from './charts';
import type { TermFigures } from './term';

/** What a viewer reads from the part: the title, the series name, the cached categories and values, and the references. */
function readBack(xml: string) {
  const doc = parseXml(xml);
  const ser = findAll(doc, 'c:ser');
  expect(ser).toHaveLength(1);
  const pts = (n: XmlNode) => findAll(n, 'c:pt').map((p) => findAll(p, 'c:v')[0]!.text);
  const part = (name: string) => findAll(ser[0]!, name)[0]!;
  return {
    root: doc.name,
    title: findAll(findAll(doc, 'c:title')[0]!, 'a:t')[0]!.text,
    name: pts(part('c:tx'))[0],
    categories: pts(part('c:cat')),
    counts: [findAll(part('c:cat'), 'c:ptCount')[0]!.attrs.val, findAll(part('c:val'), 'c:ptCount')[0]!.attrs.val].map(Number),
    values: pts(part('c:val')),
    formulas: findAll(ser[0]!, 'c:f').map((f) => f.text),
    externalData: findAll(doc, 'c:externalData')[0]?.attrs['r:id'],
    doc,
  };
}

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({ title: '各活动参与人数', categories: ['春游', '羽毛球赛'], values: [12, 3], unit: '人', ...over });

describe('the chart part (DrawingML c:chartSpace)', () => {
  it('is a bar chart whose cached categories and values are the spec, with its title and the unit on the value axis', () => {
    const r = readBack(chartXml(spec()));
    expect(r.root).toBe('c:chartSpace');
    expect(findAll(r.doc, 'c:barChart')).toHaveLength(1);
    expect(r.title).toBe('各活动参与人数');
    expect(r.name).toBe('各活动参与人数（人）');
    expect(r.categories).toEqual(['春游', '羽毛球赛']);
    expect(r.values).toEqual(['12', '3']);
    expect(r.counts).toEqual([2, 2]);
    expect(findAll(findAll(r.doc, 'c:valAx')[0]!, 'a:t')[0]!.text).toBe('单位：人');
    expect(findAll(r.doc, 'c:catAx')).toHaveLength(1);
    expect(r.formulas).toEqual([]); // no references unless given
  });

  it('round-trips any names and values: XML specials escaped, characters XML forbids dropped, the part still well-formed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('a', '<', '>', '&', '"', "'", '活', '动', ' ', '\u0001', ']]>') , maxLength: 12 }), fc.nat(10_000)), { minLength: 1, maxLength: 30 }),
        fc.string({ maxLength: 20 }),
        (rows, title) => {
          const r = readBack(chartXml(spec({ title, categories: rows.map(([n]) => n), values: rows.map(([, v]) => v) })));
          const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
          expect(r.categories).toEqual(rows.map(([n]) => clean(n)));
          expect(r.values).toEqual(rows.map(([, v]) => String(v)));
          expect(r.title).toBe(clean(title));
          return true;
        },
      ),
    );
  });

  it('escapes a hostile name rather than letting it close or open tags', () => {
    const xml = chartXml(spec({ title: '</c:title><c:x a="1">', categories: ['秋游 <香山> & "红叶"'], values: [5] }));
    expect(xml).toContain('秋游 &lt;香山&gt; &amp; &quot;红叶&quot;');
    expect(xml).not.toContain('<c:x ');
    expect(readBack(xml).categories).toEqual(['秋游 <香山> & "红叶"']);
    expect(xmlText('a\u0000b&')).toBe('ab&amp;');
  });

  it('writes yuan exactly to the fen: fen / 100 with two places is the amount formatFen prints', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => valueText({ ...spec(), decimals: 2 }, fen / 100) === formatFen(fen)));
    const r = readBack(chartXml(spec({ title: '各募捐活动金额', unit: '元', decimals: 2, categories: ['一日捐', '慰问'], values: [475_001 / 100, 50_000 / 100] })));
    expect(r.values).toEqual(['4750.01', '500.00']);
    expect(findAll(findAll(r.doc, 'c:numCache')[0]!, 'c:formatCode')[0]!.text).toBe('0.00');
  });

  it('points the series at the given cells (c:f) beside the caches, and at the embedded workbook', () => {
    const r = readBack(chartXml(spec(), { name: "'图表'!$B$2", categories: "'图表'!$A$3:$A$4", values: "'图表'!$B$3:$B$4" }, 'rId7'));
    expect(r.formulas).toEqual(["'图表'!$B$2", "'图表'!$A$3:$A$4", "'图表'!$B$3:$B$4"]);
    expect(r.categories).toEqual(['春游', '羽毛球赛']);
    expect(r.externalData).toBe('rId7');
  });

  it('leaves out a chart with nothing to show, and refuses a spec whose names and values differ in number', () => {
    expect(hasData(spec({ categories: [], values: [] }))).toBe(false);
    expect(hasData(spec({ values: [0, 0] }))).toBe(false);
    expect(hasData(spec({ values: [0, 1] }))).toBe(true);
    expect(() => chartXml(spec({ values: [1] }))).toThrow();
  });

  it('steps a count axis in whole numbers', () => {
    expect([0, 3, 6, 7, 13, 40, 130].map(countStep)).toEqual([1, 1, 1, 2, 5, 10, 50]);
  });
});

describe('the term report’s charts', () => {
  it('are participation per event, yuan per campaign and the seven proposal outcomes, from the figures', () => {
    const f = {
      events: { perEvent: [{ title: '春游', participants: 12 }] },
      donations: { perCampaign: [{ title: '一日捐', confirmedFen: 475_001 }] },
      proposals: { accepted: 5, converted: 2, rejected: 1, merged: 1, answered: 4, done: 3, withdrawn: 0 },
    } as unknown as TermFigures;
    const [events, money, outcomes] = termCharts(f).map((c) => c.chart);
    expect(events).toMatchObject({ title: '各活动参与人数', categories: ['春游'], values: [12], unit: '人' });
    expect(money).toMatchObject({ title: '各募捐活动金额', categories: ['一日捐'], values: [4750.01], unit: '元', decimals: 2 });
    expect(outcomes!.categories).toEqual(['立案', '转为建议', '不予立案', '并案', '已答复', '已落实', '撤回']);
    expect(outcomes!.values).toEqual([5, 2, 1, 1, 4, 3, 0]);
  });
});
