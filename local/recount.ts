/**
 * `npm run recount -- <orgId> <from> <to>`: the recount check of a school's term report, against
 * the local stack's table (started with `npm run api` or `npm start`; DYNAMODB_PORT and TABLE_NAME
 * as there). Prints every figure, the report's value, the recount and OK or MISMATCH; exits 1 on
 * any mismatch. Dates are YYYY-MM-DD in China time, both included.
 *
 * `npm run recount -- <orgId> <term>` (e.g. 2026-2027-1): the tally check of that school and term
 * (functions/domain/tally/check.ts): every figure kept on the school's term tally against its term
 * report for the term's dates, row by row; exits 1 on any mismatch. With `--rebuild` it first writes
 * the tally and member counts from the records (functions/domain/tally/rebuild.ts), then checks.
 */
import { parseRange } from '../shared/domain/care';
import { isTerm, termLabel } from '../shared/domain/term';

const rebuild = process.argv.includes('--rebuild');
const [orgId, from, to] = process.argv.slice(2).filter((a) => a !== '--rebuild');
const term = from && !to && isTerm(from) ? from : undefined;
if (!orgId || !from || (!to && !term)) {
  console.error('用法：npm run recount -- <orgId> <from YYYY-MM-DD> <to YYYY-MM-DD>\n或：npm run recount -- <orgId> <学期，如 2026-2027-1>');
  process.exit(2);
}
const range = term ? undefined : parseRange(from, to);
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
if (term && rebuild) {
  const done = await (await import('../functions/domain/tally/rebuild')).rebuildTally(orgId, term);
  console.log(`已按记录重建 ${termLabel(term)} 的学期累计（${done.figures} 项）`);
}
const { rows, ok } = term
  ? await (await import('../functions/domain/tally/check')).checkTally(orgId, term)
  : await (await import('../functions/domain/report/recount')).checkTerm(orgId, range!);
const show = (v: number | null | undefined) => (v === undefined ? '—' : v === null ? 'null' : String(v));
const width = Math.max(...rows.map((r) => r.figure.length), 6);
if (term) console.log(`${termLabel(term)}：学期累计（tally）对照学期报告`);
const [left, right] = term ? ['report', 'tally'] : ['report', 'recount'];
console.log(`${'figure'.padEnd(width)}  ${left.padStart(12)}  ${right.padStart(12)}  check`);
for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${show(r.report).padStart(12)}  ${show(r.recount).padStart(12)}  ${r.ok ? 'OK' : 'MISMATCH'}`);
console.log(ok ? `全部 ${rows.length} 项一致 (OK)` : `有 ${rows.filter((r) => !r.ok).length} 项不一致 (MISMATCH)`);
process.exit(ok ? 0 : 1);
