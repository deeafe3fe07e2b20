// `npm run bench`: every benchmark of the project, each figure next to its baseline measured in
// the same run, printed and written to bench/RESULTS.md. BENCH_DATABASE_URL runs them on a
// PostgreSQL server instead of the embedded PGlite. `npm run bench -- reminders vendor-api` runs
// only the named ones (printed only: RESULTS.md is written by a full run).
import { writeFileSync } from 'node:fs';
import { runAccessListBench } from './access-list.bench.js';
import { runMergerBench } from './merger.bench.js';
import { runMutationsBench } from './mutations.bench.js';
import { runRemindersBench } from './reminders.bench.js';
import { runSubmissionsBench } from './submissions.bench.js';
import { runVendorApiBench } from './vendor-api.bench.js';
import { machine } from './lib.js';

const BENCHES: [string, (log: (line: string) => void) => Promise<unknown>][] = [
  ['access-list', runAccessListBench],
  ['mutations', runMutationsBench],
  ['reminders', runRemindersBench],
  ['vendor-api', runVendorApiBench],
  ['submissions', runSubmissionsBench],
  ['merger', runMergerBench],
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !BENCHES.some(([n]) => n === name));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${BENCHES.map(([n]) => n).join(', ')}.`);
  process.exit(2);
}

const lines: string[] = [
  '# Benchmark results',
  '',
  `Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine()}); do not edit by hand.`,
];
const log = (line: string) => {
  console.log(line);
  lines.push(line);
};
for (const [name, run] of BENCHES) {
  if (only.length === 0 || only.includes(name)) await run(log);
}
if (only.length === 0) writeFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
