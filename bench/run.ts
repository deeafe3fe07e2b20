// `npm run bench`: every benchmark of the project, each figure next to its baseline measured in
// the same run, printed and written to bench/RESULTS.md: one summary table (a row per figure:
// benchmark, backend, figure, baseline, ratio, target, met, machine, date) above each
// benchmark's detailed section. The benchmarks run on PGlite, or with BENCH_DATABASE_URL on that
// PostgreSQL server; cold-start measures both backends in every run. A full run replaces the
// sections and rows of the backends it measured and keeps the others from their last run, so the
// file holds both. `npm run bench -- reminders vendor-api` runs only the named ones and only
// prints; with --write (`npm run bench -- --write merger`) it also files their sections and rows
// in the report, keeping every other one from its last run. BENCH_RESULTS=path writes the report
// elsewhere (to try a scaled-down full run).
import { writeFileSync } from 'node:fs';
import { runAccessListBench } from './access-list.bench.js';
import { runAccessLogBench } from './access-log.bench.js';
import { runCliStartBench } from './cli-start.bench.js';
import { runColdStartBench } from './cold-start.bench.js';
import { runFileChannelBench } from './file-channel.bench.js';
import { runMergerBench } from './merger.bench.js';
import { runMergerWaveBench } from './merger-wave.bench.js';
import { runMutationsBench } from './mutations.bench.js';
import { runRemindersBench } from './reminders.bench.js';
import { runSubmissionsBench } from './submissions.bench.js';
import { runVendorApiBench } from './vendor-api.bench.js';
import { machine, type BenchRun } from './lib.js';
import { BACKENDS, blocksOf, isSummaryRow, readBlocks, renderReport, summary, type Block, type RunInfo } from './report.js';

const BENCHES: [string, BenchRun][] = [
  ['cold-start', runColdStartBench],
  ['cli-start', runCliStartBench],
  ['access-list', runAccessListBench],
  ['access-log', runAccessLogBench],
  ['mutations', runMutationsBench],
  ['reminders', runRemindersBench],
  ['vendor-api', runVendorApiBench],
  ['submissions', runSubmissionsBench],
  ['merger', runMergerBench],
  ['merger-wave', runMergerWaveBench],
  ['file-channel', runFileChannelBench],
];
const RESULTS = process.env.BENCH_RESULTS ?? new URL('./RESULTS.md', import.meta.url).pathname;

const args = process.argv.slice(2);
const write = args.includes('--write');
const only = args.filter((a) => a !== '--write');
const unknown = only.filter((name) => !BENCHES.some(([n]) => n === name));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${BENCHES.map(([n]) => n).join(', ')}.`);
  process.exit(2);
}

const info: RunInfo = {
  backend: process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite',
  date: new Date().toISOString().slice(0, 10),
  machine: machine(),
  // The settings that change what is measured (scales, runs), printed beside the run's date.
  settings: Object.entries(process.env)
    .filter(([k, v]) => k.startsWith('BENCH_') && !k.endsWith('_URL') && k !== 'BENCH_RESULTS' && k !== 'BENCH_PORT' && v)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(' '),
};
const order = (b: Block) => BENCHES.findIndex(([n]) => n === b.benchmark) * 10 + BACKENDS.indexOf(b.backend);

const fresh: Block[] = [];
const failed: string[] = [];
for (const [name, run] of BENCHES) {
  if (only.length && !only.includes(name)) continue;
  const lines: string[] = [];
  const log = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  let result: unknown;
  try {
    result = await run(log);
  } catch (error) {
    // The other benchmarks still run; this one keeps its sections from the last run.
    console.error(`\n${name} FAILED: ${(error as Error).stack ?? String(error)}`);
    failed.push(name);
    continue;
  }
  const rows = Array.isArray(result) ? result.filter(isSummaryRow) : [];
  if (rows.length === 0) console.log(`\n(${name} returned no summary rows)`);
  fresh.push(...blocksOf(name, lines, rows, info));
}

console.log(`\n## Summary of this run\n\n${summary(fresh).join('\n')}`);

// A scaled-down run (BENCH_* settings) is no figure for the report: only with BENCH_RESULTS elsewhere.
const scaled = info.settings !== '' && !process.env.BENCH_RESULTS;
if ((only.length === 0 || write) && scaled) {
  console.log(`\nNot writing ${RESULTS}: this run has settings (${info.settings}); set BENCH_RESULTS=path to write its report elsewhere.`);
} else if (only.length === 0 || write) {
  const replaced = new Set(fresh.map((b) => `${b.benchmark}/${b.backend}`));
  const blocks = [...fresh, ...readBlocks(RESULTS).filter((b) => !replaced.has(`${b.benchmark}/${b.backend}`))].sort((a, b) => order(a) - order(b));
  writeFileSync(RESULTS, renderReport(blocks));
  console.log(`\nWrote ${RESULTS} (${fresh.length} new block(s), ${blocks.length - fresh.length} kept from earlier runs).`);
}
if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
