// `npm run bench`: every benchmark of the project, each figure next to its baseline measured in
// the same run, printed and written to bench/RESULTS.md. BENCH_DATABASE_URL runs them on a
// PostgreSQL server instead of the embedded PGlite.
import { writeFileSync } from 'node:fs';
import { runAccessListBench } from './access-list.bench.js';
import { runMutationsBench } from './mutations.bench.js';
import { machine } from './lib.js';

const lines: string[] = [
  '# Benchmark results',
  '',
  `Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine()}); do not edit by hand.`,
];
const log = (line: string) => {
  console.log(line);
  lines.push(line);
};
await runAccessListBench(log);
await runMutationsBench(log);
writeFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
