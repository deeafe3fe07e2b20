/**
 * Benchmark (issue 16): the CLI's start, `node bin/ocmw.js validate kbo … --json` (the built CLI;
 * it loads only what the command needs), timed from spawn to exit, next to a bare `node -e 0`
 * in the same run. Median of BENCH_CLI_RUNS (9) of each, alternated. Target: ≤ 5× the bare start.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIsFresh } from '../scripts/build-state.mjs';
import { ROOT } from './process.js';
import { loadAverage, machine, percentile, type BenchLog, type BenchSummaryRow } from './lib.js';
import { BACKENDS } from './report.js';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 9);
const TARGET_RATIO = 5;

function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export async function runCliStartBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  if (!buildIsFresh()) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const validate = [path.join(ROOT, 'bin/ocmw.js'), 'validate', 'kbo', '0212.235.604', '--json'];
  const cli: number[] = [];
  const bare: number[] = [];
  timed(validate); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    bare.push(timed(['-e', '0']));
    cli.push(timed(validate));
  }
  const c = percentile(cli, 50);
  const b = percentile(bare, 50);
  const met = c <= TARGET_RATIO * b;
  log(`\n## CLI start: \`ocmw validate kbo … --json\` (built CLI) next to a bare \`node -e 0\``);
  log(`spawn to exit, median of ${RUNS} runs each, alternated; ${machine()}, load average ${loadAverage()}\n`);
  log('| what | spawn → exit | target |');
  log('| --- | --- | --- |');
  log(`| \`ocmw validate kbo 0212.235.604 --json\` | ${Math.round(c)} ms | ≤ ${TARGET_RATIO}× bare node: ${met ? 'PASS' : 'MISS'} (${(c / b).toFixed(1)}×) |`);
  log(`| baseline: \`node -e 0\` | ${Math.round(b)} ms | |`);
  // validate opens no database: one measurement, reported under each backend of the summary.
  return BACKENDS.map((backend) => ({
    benchmark: 'cli-start',
    backend,
    figure: 'ocmw validate kbo (built CLI, no database), spawn to exit',
    value: c / 1000,
    unit: 's',
    baseline: b / 1000,
    baselineLabel: 'bare node -e 0',
    target: `≤ ${TARGET_RATIO}× baseline`,
    met,
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCliStartBench();
}
