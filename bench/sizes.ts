import { execFileSync } from 'node:child_process';
import { ROOT } from '../local/serverlessConfig';

/** Functions that carry exceljs (.xlsx in and out): their own, higher bundle budget. */
export const EXCELJS_FUNCTIONS = ['roster', 'eventExports', 'donationExports', 'ballotExports', 'proposalExports', 'reportExports'];

/** Functions that carry the docx package (the draft 工作总结 as .docx): ~235 KB minified with its zip library. */
export const DOCX_FUNCTIONS = ['reportDraft'];

/** Builds the weapp and reads its main-package and total sizes from `npm run size:weapp`. */
export function weappSizes(): { mainKb: number; totalKb: number } {
  execFileSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
  const report = execFileSync('npm', ['run', '--silent', 'size:weapp'], { cwd: ROOT, encoding: 'utf8' });
  const number = (re: RegExp) => Number(re.exec(report)?.[1]);
  return { mainKb: number(/main package: ([\d.]+) KB/), totalKb: number(/total: ([\d.]+) KB/) };
}
