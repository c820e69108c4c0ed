import { registrationsReport } from '../domain/events/report';
import '../domain/events/scope';
import { eventRosterWorkbook } from '../domain/events/xlsx';
import { defineApi } from '../lib/http';

/** The event's roster as .xlsx: its own function, so sign-ups don't load the spreadsheet library. */
export const handler = defineApi({
  'GET /events/{eventId}/roster.xlsx': async ({ resource: e }) => {
    const r = await registrationsReport(e);
    const bytes = await eventRosterWorkbook(e, r.confirmed, r.waitlist, r.byGroup, r.participationRate);
    return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${e.title}-名单.xlsx` } };
  },
});
