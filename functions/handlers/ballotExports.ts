import '../domain/ballots/scope';
import { ballotResults } from '../domain/ballots/views';
import { resultsWorkbook } from '../domain/ballots/xlsx';
import { defineApi } from '../lib/http';

/** A closed ballot's results as .xlsx (no per-voter data): its own function, so votes don't load the spreadsheet library. */
export const handler = defineApi({
  'GET /ballots/{ballotId}/results.xlsx': async ({ resource: b }) => {
    const results = await ballotResults(b); // 409 BALLOT_NOT_CLOSED before the close
    const bytes = await resultsWorkbook(b, results);
    return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${b.title}-表决结果.xlsx` } };
  },
});
