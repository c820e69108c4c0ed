/**
 * `npm run recount -- <orgId> <from> <to>`: the recount check of a school's term report, against
 * the local stack's table (started with `npm run api` or `npm start`; DYNAMODB_PORT and TABLE_NAME
 * as there). Prints every figure, the report's value, the recount and OK or MISMATCH; exits 1 on
 * any mismatch. Dates are YYYY-MM-DD in China time, both included.
 */
import { parseRange } from '../shared/domain/care';

const [orgId, from, to] = process.argv.slice(2);
if (!orgId || !from || !to) {
  console.error('用法：npm run recount -- <orgId> <from YYYY-MM-DD> <to YYYY-MM-DD>');
  process.exit(2);
}
const range = parseRange(from, to);
if (typeof range === 'string') {
  console.error(range);
  process.exit(2);
}
Object.assign(process.env, {
  STAGE: process.env.STAGE ?? 'local',
  AWS_ENDPOINT_URL_DYNAMODB: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
  AWS_REGION: process.env.AWS_REGION ?? 'local',
  AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
  AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'ERROR',
});
const { checkTerm } = await import('../functions/domain/report/recount');
const { rows, ok } = await checkTerm(orgId, range);
const show = (v: number | null | undefined) => (v === undefined ? '—' : v === null ? 'null' : String(v));
const width = Math.max(...rows.map((r) => r.figure.length), 6);
console.log(`${'figure'.padEnd(width)}  ${'report'.padStart(12)}  ${'recount'.padStart(12)}  check`);
for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${show(r.report).padStart(12)}  ${show(r.recount).padStart(12)}  ${r.ok ? 'OK' : 'MISMATCH'}`);
console.log(ok ? `全部 ${rows.length} 项一致 (OK)` : `有 ${rows.filter((r) => !r.ok).length} 项不一致 (MISMATCH)`);
process.exit(ok ? 0 : 1);
