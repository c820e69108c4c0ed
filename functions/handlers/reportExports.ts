import { parseRange } from '../../shared/domain/care';
import { termCharts } from '../domain/report/charts';
import { draftOf } from '../domain/report/draft';
import { termReport } from '../domain/report/term';
import { figuresWorkbook } from '../domain/report/xlsx';
import { districtReport, termOfQuery } from '../domain/tally/district';
import { districtWorkbook } from '../domain/tally/xlsx';
import '../domain/orgs';
import { invalidInput } from '../lib/errors';
import { defineApi } from '../lib/http';

/** The term's figures (.xlsx): its own function, so the report's JSON routes don't load the spreadsheet library. */
export const handler = defineApi({
  'GET /orgs/{orgId}/report.xlsx': async ({ resource: org, query }) => {
    const range = parseRange(query.from, query.to);
    if (typeof range === 'string') throw invalidInput(range);
    const figures = await termReport(org, range);
    const bytes = await figuresWorkbook(draftOf(figures, org.name), figures, termCharts(figures));
    return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `工会工作数据-${range.from}至${range.to}.xlsx` } };
  },

  /** 区级汇总 as .xlsx: the school rows, the district's totals, and what each column counts. */
  'GET /districts/{districtId}/report.xlsx': async ({ resource: district, query }) => {
    const term = termOfQuery(query.term);
    const bytes = await districtWorkbook(await districtReport(district.districtId, term), district.name ?? '');
    return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `各校工会工作数据汇总-${term}.xlsx` } };
  },
});
