/**
 * Benchmark (issue 24): what the access log costs a hot read. Two portal apps on the same demo
 * database, one with the access log on (as the product always runs) and one with it off (a switch
 * only this benchmark uses): a social worker of OCMW Antwerpen opens a help request's detail
 * (one entry per read) and the first page of the list (one entry per person shown, 20). The runs
 * of both apps alternate in blocks, so a change in the machine's load falls on both alike.
 * Target: the log adds less than 10 % to the p50 of each read (or under 0.5 ms).
 * Run: npm run bench -- access-log   (BENCH_ACCESS_LOG_RUNS=… per app and read, default 400)
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { queryRows } from '../src/db/db.js';
import { createServices } from '../src/services.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { backendOf, benchConfig, fmt, loadAverage, machine, measure, openDemoBench, type BenchLog, type BenchSummaryRow } from './lib.js';

const RUNS = Number(process.env.BENCH_ACCESS_LOG_RUNS ?? 400);
const BLOCKS = 4;
const REQUESTS = 40;

export async function runAccessLogBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  const config = benchConfig({ OCMW_RATE_LIMIT_PER_MINUTE: '100000000' });
  const loadAtStart = loadAverage();
  const bench = await openDemoBench(config);
  const { database, clock } = bench;
  const db = database.db;
  try {
    for (let i = 0; i < REQUESTS; i++) {
      await bench.services.helpRequests.submit({ language: 'nl', kinds: ['huisvesting'], postcode: '2000', surname: `Bench${i}`, firstName: 'Tom', phone: '03 111 22 33', message: 'Ik zoek een woning.' });
    }
    const [request] = await queryRows<{ id: string }>(db, sql`select h.id from help_requests h join organisations o on o.id = h.organisation_id where o.kbo = '0212235604' order by h.filed_at desc limit 1`);
    const on = bench.services;
    const off = createServices({ db, clock, config, accessLogEnabled: false });
    const apps = {
      on: await buildApp({ config, database, services: on, clock }),
      off: await buildApp({ config, database, services: off, clock }),
    };
    const { token } = await on.auth.login('user.antwerpen', DEMO_PASSWORD, 'bench');
    const cookie = `ocmw_session=${token}`;
    const reads = [
      { name: 'help request detail (1 entry per read)', url: `/api/v1/help-requests/${request!.id}`, entries: 1 },
      { name: 'help request list, 20 a page (20 entries per read)', url: '/api/v1/help-requests?pageSize=20', entries: 20 },
    ];
    const count = async () => Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from access_log`))[0]!.n);

    log(`\n## Access log: a hot read with the log on and off (${database.kind})`);
    log(`${machine()}; load average ${loadAtStart} at the start; ${RUNS} runs per app and read, alternating in ${BLOCKS} blocks\n`);
    log('| read | log on p50 | log on p95 | log off p50 | log off p95 | added at p50 | entries written | target |');
    log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    const rows: BenchSummaryRow[] = [];
    for (const read of reads) {
      const call = (app: (typeof apps)['on']) => async () => {
        const res = await app.inject({ method: 'GET', url: read.url, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`${read.url}: ${res.statusCode} ${res.body}`);
      };
      const times = { on: [] as number[], off: [] as number[] };
      const before = await count();
      for (let b = 0; b < BLOCKS; b++) {
        for (const side of b % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
          const m = await measure(call(apps[side]), RUNS / BLOCKS, 10);
          times[side].push(m.p50, m.p95);
        }
      }
      await on.accessLog.flush();
      const written = (await count()) - before;
      // Each block's p50 and p95; the figure is their median over the blocks.
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const pick = (xs: number[], k: 0 | 1) => median(xs.filter((_, i) => i % 2 === k));
      const onP50 = pick(times.on, 0);
      const offP50 = pick(times.off, 0);
      const added = onP50 - offP50;
      const met = added < Math.max(0.5, offP50 * 0.1);
      rows.push({
        benchmark: 'access-log',
        backend: backendOf(database.kind),
        figure: `p50 with the access log, ${read.name}`,
        value: onP50,
        unit: 'ms',
        baseline: offP50,
        baselineLabel: 'the same read with the access log off',
        target: '< +10 % (or +0.5 ms)',
        met,
      });
      log(`| ${read.name} | ${fmt(onP50)} | ${fmt(pick(times.on, 1))} | ${fmt(offP50)} | ${fmt(pick(times.off, 1))} | ${fmt(added)} | ${written} (expected ${(RUNS + BLOCKS * 10) * read.entries}) | ${met ? 'met' : 'MISSED'} |`);
    }
    log(`\nload average ${loadAverage()} at the end`);
    await apps.on.close();
    await apps.off.close();
    return rows;
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runAccessLogBench();
}
