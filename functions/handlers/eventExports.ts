import { registrationsReport } from '../domain/eventReport';
import type { EventRecord } from '../domain/events';
import { eventRosterWorkbook } from '../domain/eventXlsx';
import { defineApi } from '../lib/http';

/** The event's roster as .xlsx: its own function, so sign-ups don't load the spreadsheet library. */
export const handler = defineApi({
  'GET /events/{eventId}/roster.xlsx': async ({ resource }) => {
    const e = resource as EventRecord;
    const r = await registrationsReport(e);
    const bytes = await eventRosterWorkbook(e, r.confirmed, r.waitlist, r.byGroup, r.participationRate);
    return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${e.title}-名单.xlsx` } };
  },
});
