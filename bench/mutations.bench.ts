/**
 * Benchmark (issue #5): route 1,000,000 mutations over 600 OCMWs with 2,000,000 dossiers.
 * Prints the service's routing time (ingest's routing statement, per 5,000-mutation batch as the
 * service runs it) next to a raw SQL baseline doing the same join in one plain INSERT … SELECT,
 * in the same run. BENCH_MUTATION_SCALE=0.1 runs a tenth of it; BENCH_DATABASE_URL runs it in a
 * new database on that PostgreSQL server.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/db.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { routeMutations } from '../src/modules/mutations/mutations.repo.js';
import { backendOf, machine, openBenchDatabase, type BenchLog, type BenchSummaryRow } from './lib.js';

export async function runMutationsBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  const scale = Number(process.env.BENCH_MUTATION_SCALE ?? 1);
  const OCMWS = 600;
  const DOSSIERS = Math.round(2_000_000 * scale);
  const MUTATIONS = Math.round(1_000_000 * scale);
  const PEOPLE = Math.round(1_500_000 * scale);
  const { database, drop } = await openBenchDatabase();
  const db = database.db;
  await migrateDatabase(database);
  const t0 = performance.now();
  // 600 OCMWs (synthetic KBO numbers in a range no real enterprise uses in the demo: 0998…).
  await queryRows(
    db,
    sql`insert into organisations (kbo, kind, name_nl, name_fr, name_de, valid_from, is_demo)
        select '0998' || lpad(g::text, 6, '0'), 'ocmw', 'Bench OCMW ' || g, 'Bench CPAS ' || g, 'Bench ÖSHZ ' || g, '2000-01-01', true
        from generate_series(1, ${OCMWS}) g on conflict do nothing`,
  );
  await queryRows(
    db,
    sql`create temporary table bench_orgs as select row_number() over (order by kbo) as n, id from organisations where kbo like '0998%'`,
  );
  // 2M dossiers over 1.5M people: a person is followed by one or two OCMWs; 10 % closed mid-2025.
  await queryRows(
    db,
    sql`insert into dossiers (organisation_id, insz, opened_on, closed_on)
        select o.id, lpad((g % ${PEOPLE})::text, 11, '0'), date '2024-01-01',
               case when g % 10 = 0 then date '2025-06-01' end
        from generate_series(1, ${DOSSIERS}) g join bench_orgs o on o.n = 1 + (g::bigint * 7919) % ${OCMWS}`,
  );
  // Selections: every OCMW takes MURG and MUFC since 2024; half took MURN, off between March and May 2025.
  await queryRows(
    db,
    sql`insert into mutation_selections (organisation_id, mutation_type, valid_from, valid_to)
        select o.id, c.code, date '2024-01-01', null from bench_orgs o cross join (values ('MURG'), ('MUFC')) c(code)
        union all select o.id, 'MURN', date '2024-01-01', date '2025-03-01' from bench_orgs o where o.n % 2 = 0
        union all select o.id, 'MURN', date '2025-05-01', null from bench_orgs o where o.n % 2 = 0`,
  );
  // 1M mutations over 2025.
  await queryRows(
    db,
    sql`insert into mutations (type, code, insz, occurred_at, payload, source)
        select c.code, c.code, lpad(((g::bigint * 104729) % ${PEOPLE})::text, 11, '0'),
               timestamptz '2025-01-01 09:00+01' + ((g % 365) || ' days')::interval, '{}'::jsonb, 'bench'
        from generate_series(1, ${MUTATIONS}) g
        join (values (0, 'MURG'), (1, 'MUFC'), (2, 'MURN'), (3, 'MUPK')) c(k, code) on c.k = g % 4`,
  );
  await queryRows(db, sql`analyze`);
  const seedMs = performance.now() - t0;
  const [range] = await queryRows<{ first: number; last: number }>(db, sql`select min(id)::int as first, max(id)::int as last from mutations`);

  // The service's routing, batch by batch as ingest() runs it.
  let s0 = performance.now();
  let delivered = 0;
  for (let from = range!.first; from <= range!.last; from += 5_000) {
    delivered += await routeMutations(db, { first: from, last: Math.min(range!.last, from + 4_999) }, '2026-01-01');
  }
  const serviceMs = performance.now() - s0;
  await queryRows(db, sql`truncate mutation_deliveries`);

  // The baseline: the same join as one plain INSERT … SELECT.
  s0 = performance.now();
  await queryRows(
    db,
    sql`insert into mutation_deliveries (mutation_id, organisation_id, batch_date)
        select distinct m.id, d.organisation_id, date '2026-01-01'
        from mutations m
        join dossiers d on d.insz = m.insz and d.opened_on <= (m.occurred_at at time zone 'Europe/Brussels')::date
                       and (d.closed_on is null or d.closed_on > (m.occurred_at at time zone 'Europe/Brussels')::date)
        join mutation_selections s on s.organisation_id = d.organisation_id and s.mutation_type = m.code
                                  and s.valid_from <= (m.occurred_at at time zone 'Europe/Brussels')::date
                                  and (s.valid_to is null or s.valid_to > (m.occurred_at at time zone 'Europe/Brussels')::date)`,
  );
  const baselineMs = performance.now() - s0;
  const [check] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from mutation_deliveries`);
  log(`\n## Mutation routing: ${MUTATIONS.toLocaleString('en')} mutations, ${OCMWS} OCMWs, ${DOSSIERS.toLocaleString('en')} dossiers (${database.kind})`);
  log(`seeded in ${(seedMs / 1000).toFixed(1)} s; ${machine()}\n`);
  log('| what | time | deliveries |');
  log('| --- | --- | --- |');
  log(`| service routing (5,000 per statement, as ingest runs it) | ${(serviceMs / 1000).toFixed(2)} s | ${delivered.toLocaleString('en')} |`);
  log(`| raw SQL baseline (one INSERT … SELECT) | ${(baselineMs / 1000).toFixed(2)} s | ${check!.n.toLocaleString('en')} |`);
  log(`| ratio | ${(serviceMs / baselineMs).toFixed(2)}× | ${delivered === check!.n ? 'same rows' : 'DIFFERENT rows'} |`);
  await database.close();
  await drop();
  return [
    {
      benchmark: 'mutations',
      backend: backendOf(database.kind),
      figure: `routing ${MUTATIONS.toLocaleString('en')} mutations over ${OCMWS} OCMWs (5,000 per statement, as ingest runs it)`,
      value: serviceMs / 1000,
      unit: 's',
      baseline: baselineMs / 1000,
      baselineLabel: 'one plain INSERT … SELECT',
      target: 'the same deliveries as the baseline',
      met: delivered === check!.n,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runMutationsBench();
}
