/**
 * Benchmark (issue #6, point 1): the daily reminders (R6.5) for 600 OCMWs over 5,000,000 help
 * requests. Prints the service's `runReminders(day, { dryRun: true })` next to the raw SQL
 * of `dueRemindersQuery(day)` run directly on the same database, in the same run, and one real
 * run (claims and mails recorded; no SMTP, so they stay in the dev outbox). Target: ≤ 2 s.
 * The baseline is the very statement the service runs (one row per OCMW, its due references as
 * one comma-separated text), without the service around it; both lists are compared reference
 * by reference. BENCH_DATABASE_URL runs it on a PostgreSQL server.
 * BENCH_REMINDER_SCALE=500000 runs it on 500,000 requests, BENCH_REMINDER_RUNS the number of
 * measured runs (3), BENCH_EXPLAIN=1 prints the plan of the due list on stderr. PGlite runs on
 * disk here: 5M rows (~1 GB) in PGlite's in-memory file system would take far longer to load.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/db/db.js';
import { addDays } from '../src/domain/clock.js';
import * as helpRequestsRepo from '../src/modules/help-requests/help-requests.repo.js';
import { backendOf, benchConfig, bulkLoad, loadAverage, machine, openDemoBench, percentile, type BenchLog, type BenchSummaryRow } from './lib.js';

const TARGET_MS = 2_000;
const OCMWS = 600;
const RUNS = Number(process.env.BENCH_REMINDER_RUNS ?? 3);

/**
 * The benchmark's data on a demo-seeded database: 600 OCMWs with reminders on (random delay 1–5,
 * frequency 1–3) and `rows` help requests over the 60 days before `day`, about 70 % read.
 */
export async function seedReminderData(db: Db, day: string, rows: number) {
  const year = Number(day.slice(0, 4));
  const t0 = performance.now();

  // 600 OCMWs that exist on the day and carry on their own work (no successor then): the
  // demo's, completed with synthetic ones (KBO 0997…) when there are fewer.
  const active = sql`kind = 'ocmw' and valid_from <= ${day}::date and (valid_to is null or valid_to > ${day}::date) and ocmw_successor(id, ${day}::date) = id`;
  const [{ n: demoOcmws } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organisations where ${active}`);
  if (demoOcmws < OCMWS) {
    await queryRows(
      db,
      sql`insert into organisations (kbo, kind, name_nl, name_fr, name_de, valid_from, is_demo)
          select '0997' || lpad(g::text, 6, '0'), 'ocmw', 'Bench OCMW ' || g, 'Bench CPAS ' || g, 'Bench ÖSHZ ' || g, '2000-01-01', true
          from generate_series(1, ${OCMWS - demoOcmws}) g`,
    );
  }
  await queryRows(db, sql`create table bench_reminder_ocmws as select row_number() over (order by kbo)::int as n, id from organisations where ${active} order by kbo limit ${OCMWS}`);

  // Each OCMW's OCMW Online settings (a new version; the newest one counts): reminders on,
  // delay 1–5 days, every 1–3 days. setseed() and the draws in one transaction (one connection).
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.2026)`);
    await tx.execute(
      sql`insert into configuration_versions (organisation_id, section, data)
          select id, 'online', jsonb_build_object(
                   'notificationsEnabled', false, 'remindersEnabled', true,
                   'reminderAddress', 'herinneringen.' || n || '@bench.example',
                   'reminderDelayDays', 1 + floor(random() * 5)::int, 'reminderFrequencyDays', 1 + floor(random() * 3)::int)
          from bench_reminder_ocmws`,
    );
  });
  // The references continue the receipt year's sequence (the demo seed used its first numbers).
  const first = (await helpRequestsRepo.reserveSequences(db, year, rows)) - 1;
  // rows requests, each at a random OCMW of the 600, received on one of the 60 days before the
  // day, about 70 % read; the draws are made per row in the inner query.
  const load = await bulkLoad(db, 'help_requests', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select setseed(0.6)`);
      await tx.execute(
        sql`insert into help_requests (reference, organisation_id, filed_at, received_on, language, kinds, postcode, nis, surname, first_name, phone, message, read_at)
            select 'OO-' || ${year} || '-' || lpad((${first} + s.g)::text, 7, '0') || '-0', o.ids[1 + floor(random() * ${OCMWS})::int],
                   s.received_on + time '10:00', s.received_on, 'nl', '{leefloon}', '2000', '11002', 'Bench', 'Burger', '0470', 'Bench',
                   case when s.is_read then s.received_on + time '14:00' end
            from (select array_agg(id order by n) as ids from bench_reminder_ocmws) o,
                 (select g, ${day}::date - 1 - floor(random() * 60)::int as received_on, random() < 0.7 as is_read from generate_series(1, ${rows}) g) s`,
      );
    });
  });
  const t1 = performance.now();
  // Autovacuum would have done this on a server; PGlite has none.
  await queryRows(db, sql`vacuum analyze help_requests`);
  await queryRows(db, sql`analyze configuration_versions`);
  const seedMs = performance.now() - t0;
  const vacuumMs = performance.now() - t1;
  return { demoOcmws, first, load, seedMs, vacuumMs };
}

export async function runRemindersBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  const ROWS = Math.round(Number(process.env.BENCH_REMINDER_SCALE ?? 5_000_000));
  const loadAtStart = loadAverage();
  const bench = await openDemoBench(benchConfig(), { onDisk: true });
  const { database, services, clock } = bench;
  const db = database.db;
  try {
    const day = clock.today();
    const { demoOcmws, load, seedMs, vacuumMs } = await seedReminderData(db, day, ROWS);
    const [stats] = await queryRows<{ requests: number; unread: number }>(
      db,
      sql`select count(*)::int as requests, (count(*) filter (where read_at is null))::int as unread from help_requests`,
    );

    // Alternate service and baseline runs, so that neither gets a warmer cache.
    const serviceTimes: number[] = [];
    const baselineTimes: number[] = [];
    let dueOcmws = 0;
    let dueReferences = 0;
    let baselineOcmws = 0;
    let baselineReferences = 0;
    let sameReferences = true;
    // The same mails in the same order: OCMW, address and every reference.
    const digest = (rows: { ocmw: string; to: string; references: string }[]) => {
      const hash = createHash('sha256');
      for (const r of rows) hash.update(`${r.ocmw}|${r.to}|${r.references}\n`);
      return hash.digest('hex');
    };
    for (let i = 0; i < RUNS; i++) {
      let s = performance.now();
      const dry = await services.helpRequests.runReminders(day, { dryRun: true });
      const serviceMs = performance.now() - s;
      s = performance.now();
      const raw = await queryRows<helpRequestsRepo.DueReminderRow>(db, helpRequestsRepo.dueRemindersQuery(day));
      const baselineMs = performance.now() - s;
      serviceTimes.push(serviceMs);
      baselineTimes.push(baselineMs);
      dueOcmws = dry.mails.length;
      dueReferences = dry.mails.reduce((n, m) => n + m.references.length, 0);
      baselineOcmws = raw.length;
      baselineReferences = raw.reduce((n, r) => n + r.references.split(',').length, 0);
      sameReferences &&=
        digest(dry.mails.map((m) => ({ ocmw: m.ocmw, to: m.to, references: m.references.join(',') }))) ===
        digest(raw.map((r) => ({ ocmw: r.kbo, to: r.to, references: r.references })));
    }

    // BENCH_EXPLAIN=1: the plan of the due list, on stderr (not in RESULTS.md).
    if (process.env.BENCH_EXPLAIN) {
      const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${helpRequestsRepo.dueRemindersQuery(day)}`);
      console.error(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }

    // One real run: claims the day's reminder per OCMW and records the mails (dev outbox).
    const s = performance.now();
    const real = await services.helpRequests.runReminders(day);
    const realMs = performance.now() - s;
    const [recorded] = await queryRows<{ mails: number; claims: number }>(
      db,
      sql`select (select count(*)::int from mails where kind = 'online-reminder') as mails,
                 (select count(*)::int from help_request_reminders where day = ${day}::date) as claims`,
    );

    const median = (v: number[]) => percentile(v, 50);
    const best = (v: number[]) => Math.min(...v);
    const serviceMedian = median(serviceTimes);
    const baselineMedian = median(baselineTimes);
    const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    log(
      `\n## OCMW Online reminders: ${OCMWS} OCMWs, ${stats!.requests.toLocaleString('en')} help requests (${stats!.unread.toLocaleString('en')} unread), day ${day} (${bench.kind})`,
    );
    log(
      `seeded in ${(seedMs / 1000).toFixed(1)} s after the demo seed (${(bench.demoMs / 1000).toFixed(1)} s): requests inserted in ${(load.loadMs / 1000).toFixed(1)} s, keys and indexes rebuilt in ${(load.rebuildMs / 1000).toFixed(1)} s, vacuum analyze ${(vacuumMs / 1000).toFixed(1)} s; ${demoOcmws} demo OCMWs${demoOcmws < OCMWS ? ` + ${OCMWS - demoOcmws} added` : ''}; received ${addDays(day, -60)} … ${addDays(day, -1)}; ${machine()}, load average ${loadAtStart} at start, ${loadAverage()} at end\n`,
    );
    log(`| what | median of ${RUNS} | best | OCMWs with mail | due references | target ≤ 2 s |`);
    log('| --- | --- | --- | --- | --- | --- |');
    log(
      `| service runReminders(day, { dryRun: true }) | ${secs(serviceMedian)} | ${secs(best(serviceTimes))} | ${dueOcmws} | ${dueReferences.toLocaleString('en')} | ${serviceMedian <= TARGET_MS ? 'PASS' : 'MISS'} |`,
    );
    log(
      `| raw SQL baseline (the service's statement dueRemindersQuery(day) run directly on the same db: one row per OCMW, references as one comma-separated text) | ${secs(baselineMedian)} | ${secs(best(baselineTimes))} | ${baselineOcmws} | ${baselineReferences.toLocaleString('en')} | |`,
    );
    log(`| ratio | ${(serviceMedian / baselineMedian).toFixed(2)}× | ${(best(serviceTimes) / best(baselineTimes)).toFixed(2)}× | | ${sameReferences ? 'same references, same order' : 'DIFFERENT references'} | |`);
    log(
      `| one real run (claims and mails, 50 OCMWs per transaction, dev outbox) | ${secs(realMs)} | | ${real.mails.length} (recorded: ${recorded!.mails} mails, ${recorded!.claims} claims) | ${real.mails.reduce((n, m) => n + m.references.length, 0).toLocaleString('en')} | |`,
    );
    return [
      {
        benchmark: 'reminders',
        backend: backendOf(bench.kind),
        figure: `runReminders(day, { dryRun: true }), ${OCMWS} OCMWs, ${stats!.requests.toLocaleString('en')} help requests (median of ${RUNS}; ${sameReferences ? 'same references as the baseline' : 'DIFFERENT references from the baseline'})`,
        value: serviceMedian / 1000,
        unit: 's',
        baseline: baselineMedian / 1000,
        baselineLabel: 'dueRemindersQuery(day) sent directly',
        target: `≤ ${TARGET_MS / 1000} s`,
        met: sameReferences && serviceMedian <= TARGET_MS,
      },
    ];
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runRemindersBench();
}
