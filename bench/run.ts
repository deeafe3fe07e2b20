// `npm run bench`: every benchmark of the project, each figure next to its baseline measured in
// the same run. Set BENCH_DATABASE_URL to run them on a PostgreSQL server instead of PGlite.
import { runAccessListBench } from './access-list.bench.js';

await runAccessListBench();
