import { parseRange } from '../../shared/domain/care';
import { draftDocx } from '../domain/report/docx';
import { termCharts } from '../domain/report/charts';
import { draftOf } from '../domain/report/draft';
import { termReport } from '../domain/report/term';
import '../domain/orgs';
import { invalidInput } from '../lib/errors';
import { defineApi } from '../lib/http';

/** The draft 工作总结 (.docx): its own function, so the report's other routes don't load the Word library. */
export const handler = defineApi({
  'GET /orgs/{orgId}/report.docx': async ({ resource: org, query }) => {
    const range = parseRange(query.from, query.to);
    if (typeof range === 'string') throw invalidInput(range);
    const figures = await termReport(org, range);
    const bytes = await draftDocx(draftOf(figures, org.name), termCharts(figures));
    return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename: `工会工作总结-${range.from}至${range.to}.docx` } };
  },
});
