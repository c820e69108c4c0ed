import { parseRange, type DateRange } from '../../shared/domain/care';
import { figureRecords } from '../domain/report/records';
import { loadTerm, termFigures } from '../domain/report/term';
import '../domain/orgs';
import { invalidInput } from '../lib/errors';
import { defineApi, ok } from '../lib/http';

/** 学期工作总结: the term's figures for the chair and the committee, and the records behind each. Read-only. */

function rangeOf(query: Record<string, string>): DateRange {
  const range = parseRange(query.from, query.to);
  if (typeof range === 'string') throw invalidInput(range);
  return range;
}

export const handler = defineApi({
  'GET /orgs/{orgId}/report': async ({ resource: org, query }) => ok(termFigures(await loadTerm(org, rangeOf(query)))),

  /** Extension: `?figure=events.participants&from&to` → the records the figure counts or sums. */
  'GET /orgs/{orgId}/report/records': async ({ resource: org, query }) => {
    const range = rangeOf(query);
    const figure = query.figure;
    if (!figure || !/^[A-Za-z]+\.[A-Za-z]+(\.[A-Za-z0-9_-]{1,64}\.[A-Za-z]+)?$/.test(figure)) throw invalidInput('请提供指标名 figure，例如 events.participants');
    const records = await figureRecords(await loadTerm(org, range), figure);
    return ok({ figure, from: range.from, to: range.to, count: records.length, records });
  },
});
