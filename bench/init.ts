/**
 * Module init per Lambda function: what a cold start pays before the first request.
 *
 * Each function is bundled as serverless.yml bundles it (custom.esbuild), then a fresh Node
 * process, in the environment Lambda gives it, imports its handler module; many times over,
 * functions interleaved so that noise from other work on the machine falls on all of them alike.
 * The figure is each function's init CPU time as a ratio to the baseline's (budget: 1.5×);
 * absolute times are only a guide.
 *
 * `npm run bench:init` runs it alone (exit status 1 when a function is over budget);
 * `npm run bench` runs it after the rush.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { ROOT, readServerlessYml } from '../local/serverlessConfig';

export const INIT_BUDGET_RATIO = 1.5;
const RUNS = Number(process.env.BENCH_INIT_RUNS ?? 15);
// Inside the repository, so that the bundles' external `@aws-sdk/*` imports resolve from
// node_modules as they resolve from the Lambda runtime's own copy.
const OUT_DIR = join(ROOT, '.esbuild/init-bench');

/** What one fresh process reports, from its own start until the handler module is loaded. */
interface Sample {
  /** CPU time (user + system), the figure: on a machine shared with other work it varies far less than wall time. */
  cpuMs: number;
  /** Wall time: Lambda's "Init Duration" analogue. */
  wallMs: number;
  /** Wall time of the `import()` of the handler module alone. */
  importMs: number;
}

export interface InitResult extends Sample {
  fn: string;
  /** The minified handler module, bytes. */
  bytes: number;
  /** Whether the module imports the AWS SDK (from the Lambda runtime): ~100 ms of every init that does. */
  awsSdk: boolean;
  /** Median over runs of cpuMs ÷ the baseline's cpuMs in the same run. */
  ratio: number;
  baseline: boolean;
}

/** One bundle per function, with the options serverless-esbuild is given in serverless.yml. */
async function bundleFunctions(): Promise<{ fn: string; file: string }[]> {
  const yml = readServerlessYml();
  // exclude and outputFileExtension are the plugin's own names for esbuild's external and outExtension.
  const { exclude, outputFileExtension, ...options } = yml.custom.esbuild;
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  return Promise.all(
    Object.entries(yml.functions).map(async ([fn, { handler }]) => {
      const source = handler.slice(0, handler.lastIndexOf('.'));
      await build({
        ...(options as BuildOptions),
        entryPoints: { [fn]: join(ROOT, `${source}.ts`) },
        external: exclude,
        outdir: OUT_DIR,
        outExtension: { '.js': outputFileExtension },
        logLevel: 'error',
      });
      return { fn, file: join(OUT_DIR, `${fn}${outputFileExtension}`) };
    }),
  );
}

/** The environment Lambda gives the functions (provider.environment), with a local stage so config() starts. */
function lambdaEnv(): NodeJS.ProcessEnv {
  const literal = Object.entries(readServerlessYml().provider.environment).filter(([, v]) => typeof v === 'string' && !v.includes('${'));
  return { PATH: process.env.PATH, ...Object.fromEntries(literal), STAGE: 'local', TABLE_NAME: 'staff-home', AWS_REGION: 'cn-northwest-1' };
}

// Runs in the fresh process: performance.now() and process.cpuUsage() count from its own start.
const CHILD = `const t = performance.now(); await import(process.argv[1]); const end = performance.now(); const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs: end, importMs: end - t })); process.exit(0);`;

function timeImport(file: string, env: NodeJS.ProcessEnv): Sample {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, pathToFileURL(file).href], { cwd: ROOT, env, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`importing ${file} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The baseline is the quickest function that loads the AWS SDK. A function that loads nothing
 * (fallback answers a constant 404) starts in a fraction of the time of any function that reads
 * the table, whatever that function bundles, so it would say nothing about bundles.
 */
export async function measureInit(runs = RUNS): Promise<InitResult[]> {
  const bundles = await bundleFunctions();
  const env = lambdaEnv();
  for (const b of bundles) timeImport(b.file, env); // warm the file cache; not counted
  // One sample per function per run, functions back to back so that a run's samples share the
  // machine's load of the moment.
  const runsOf: Record<string, Sample>[] = [];
  for (let run = 0; run < runs; run++) runsOf.push(Object.fromEntries(bundles.map((b) => [b.fn, timeImport(b.file, env)])));
  const medianOf = (fn: string, key: keyof Sample) => median(runsOf.map((r) => r[fn]![key]));
  const rows = bundles.map(({ fn, file }) => ({
    fn,
    bytes: statSync(file).size,
    awsSdk: readFileSync(file, 'utf8').includes('"@aws-sdk/'),
    cpuMs: medianOf(fn, 'cpuMs'),
    wallMs: medianOf(fn, 'wallMs'),
    importMs: medianOf(fn, 'importMs'),
  }));
  const baseline = rows.filter((r) => r.awsSdk).sort((a, b) => a.cpuMs - b.cpuMs)[0]!.fn;
  return rows
    .map((r) => ({ ...r, baseline: r.fn === baseline, ratio: median(runsOf.map((run) => run[r.fn]!.cpuMs / run[baseline]!.cpuMs)) }))
    .sort((a, b) => a.ratio - b.ratio);
}

export const overBudget = (results: InitResult[]) => results.filter((r) => r.ratio > INIT_BUDGET_RATIO);

export function initTable(results: InitResult[]): string {
  const ms = (x: number) => x.toFixed(1);
  const note = (r: InitResult) => (r.baseline ? ' (baseline)' : !r.awsSdk ? ' (no AWS SDK)' : r.ratio > INIT_BUDGET_RATIO ? ' **over**' : '');
  return [
    `| function | bundle (KB, minified) | init CPU (ms) | init wall (ms) | of which import, wall (ms) | CPU ratio to baseline (budget ${INIT_BUDGET_RATIO}×) |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.fn} | ${(r.bytes / 1024).toFixed(1)} | ${ms(r.cpuMs)} | ${ms(r.wallMs)} | ${ms(r.importMs)} | ${r.ratio.toFixed(2)}${note(r)} |`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(`module init: ${RUNS} fresh processes per function…`);
  const results = await measureInit();
  console.log(initTable(results));
  if (overBudget(results).length) process.exitCode = 1;
}
