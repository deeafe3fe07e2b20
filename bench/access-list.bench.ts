/**
 * Benchmark (issue #3 point 4): the user list of one domain with 100,000 accounts. Prints the
 * p50/p95 of the service's filtered page query (authorization, the list query and its count)
 * next to the same SQL run directly in the same process, as the baseline. Target: p95 < 20 ms.
 * Run: npm run bench   (BENCH_DATABASE_URL=postgres://… to run it on a PostgreSQL server)
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/db.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { createClock } from '../src/domain/clock.js';
import { PRE_MERGER_DATE, seedDemo } from '../src/seed/demo.js';
import { createServices } from '../src/services.js';
import type { Caller } from '../src/modules/access/index.js';
import { backendOf, fmt, machine, measure, openBenchDatabase, type BenchLog, type BenchSummaryRow } from './lib.js';
import { searchKey } from '../src/shared/search-key.js';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const TARGET_P95 = 20;

export async function runAccessListBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  const { database, drop } = await openBenchDatabase();
  const db = database.db;
  await migrateDatabase(database);
  const services = createServices({ db, clock: createClock(), config: { sessionHours: 8, loginMaxFailures: 5, loginLockMinutes: 15 } });
  await services.registry.syncReferenceData();
  await seedDemo({ db, registry: services.registry, mergers: services.mergers, today: createClock().today(), until: PRE_MERGER_DATE });

  const [domain] = await queryRows<{ id: string }>(db, sql`select d.id from domains d join organisations o on o.id = d.organisation_id where o.kbo = '0212235604' and d.code = 'MW'`);
  const domainId = domain!.id;
  const seedStart = performance.now();
  // Set-based: 100k people, their memberships (5 % blocked) and two applications each.
  await queryRows(
    db,
    sql`insert into users (username, password_hash, insz, surname, first_name, email)
        select 'bench.' || g, '!', '99' || lpad(g::text, 9, '0'),
               (array['Peeters','Janssens','Maes','Jacobs','Mertens','Willems','Claes','Goossens','Wouters','De Smet',
                      'Dubois','Hermans','Aerts','Lambrechts','Dupont','Van Damme','Martens','Leclercq','Pauwels','Michiels',
                      'Segers','Hendrickx','Dumont','Vermeulen','De Backer','Smets','Desmet','Bogaerts','Verhoeven','Van den Broeck',
                      'De Clercq','Stevens','Lemmens','Nys','Coppens','Vandenberghe','Cools','Baert','Vervoort','Jansen'])[1 + g % 40] || ' ' || (g % 997),
               (array['Jan','Els','Pieter','Sofie','Tom','Lien','Koen','Nathalie','Bart','Inge','Wim','Katrien','Dirk','Ann','Luc',
                      'Marleen','Lotte','Emma','Noah','Louise','Arthur','Olivia','Jules','Mila','Lucas','Nora','Adam','Elena','Victor','Lena'])[1 + (g / 40) % 30],
               'bench.' || g || '@demo.example'
        from generate_series(1, ${ACCOUNTS}) g`,
  );
  await queryRows(
    db,
    sql`insert into memberships (domain_id, user_id, type, status, surname_key, first_name_key, username_key, insz)
        select ${domainId}, u.id, 'USER', case when substr(u.insz, 8, 4)::int % 20 = 0 then 'blocked' else 'active' end,
               ocmw_search_key(u.surname), ocmw_search_key(u.first_name), ocmw_search_key(u.username), u.insz
        from users u where u.username like 'bench.%'`,
  );
  await queryRows(
    db,
    sql`insert into membership_applications (membership_id, application)
        select m.id, (array['ebox','sociale-agent','ocmw-online','chaman','uniek-verslag','ebox-rsz'])[1 + (substr(u.insz, 6, 6)::int + k) % 6]
        from memberships m join users u on u.id = m.user_id, generate_series(0, 1) k
        where m.domain_id = ${domainId} and u.username like 'bench.%'`,
  );
  await queryRows(db, sql`analyze`);
  const seedMs = performance.now() - seedStart;

  const tbSession = await services.auth.login('tb.antwerpen', 'Demo-Portaal-2025!', 'nl');
  const actor = await services.auth.resolve(tbSession.token);
  const caller: Caller = { userId: actor!.userId, language: 'nl', context: actor!.context };

  const cases = [
    { name: 'filter surname "Pee…", sort surname, page 1', q: { surname: 'Pee', sort: 'surname', order: 'asc', page: 1, pageSize: 10 } },
    { name: 'application chaman + active, sort username, page 50', q: { application: 'chaman', status: 'active', sort: 'username', order: 'asc', page: 50, pageSize: 10 } },
    { name: 'no filter, sort surname, page 1 (the first screen)', q: { sort: 'surname', order: 'asc', page: 1, pageSize: 10 } },
    { name: 'INSZ exact', q: { insz: '99000054321', sort: 'surname', order: 'asc', page: 1, pageSize: 10 } },
    { name: 'first name "Lot…" + blocked, sort first name desc', q: { firstName: 'Lot', status: 'blocked', sort: 'firstName', order: 'desc', page: 1, pageSize: 10 } },
  ] as const;

  // The baseline: the same list and count SQL the repository sends, straight to the database
  // (no authorization, no session, no mapping).
  function rawSql(q: Record<string, unknown>) {
    const where = [sql`m.domain_id = ${domainId}`];
    const key = (v: unknown) => `${searchKey(String(v))}%`;
    if (q.surname) where.push(sql`m.surname_key like ${key(q.surname)}`);
    if (q.firstName) where.push(sql`m.first_name_key like ${key(q.firstName)}`);
    if (q.status) where.push(sql`m.status = ${q.status}`);
    if (q.insz) where.push(sql`m.insz = ${q.insz}`);
    if (q.application) where.push(sql`exists (select 1 from membership_applications a where a.membership_id = m.id and a.application = ${q.application})`);
    const w = sql.join(where, sql` and `);
    const col = { surname: 'surname_key', username: 'username_key', firstName: 'first_name_key' }[q.sort as 'surname'];
    const dir = q.order === 'desc' ? 'desc' : 'asc';
    const offset = ((q.page as number) - 1) * 10;
    const countedOnly = !q.surname && !q.firstName && !q.insz;
    return async () => {
      await queryRows(
        db,
        sql`select u.id, u.username, u.surname, u.first_name, u.insz, u.email, u.title, u.language, p.type, p.status, p.local_email,
                   to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                   coalesce((select array_agg(a.application order by a.application) from membership_applications a where a.membership_id = p.id), '{}')
            from (select m.* from memberships m where ${w} order by ${sql.raw(`m.${col} ${dir}, m.user_id ${dir}`)} limit 10 offset ${offset}) p
            join users u on u.id = p.user_id order by ${sql.raw(`p.${col} ${dir}, p.user_id ${dir}`)}`,
      );
      if (countedOnly) {
        await queryRows(
          db,
          sql`select coalesce(sum(n), 0)::int from membership_counts where domain_id = ${domainId} and application = ${(q.application as string) ?? '*'}
              ${q.status ? sql`and status = ${q.status}` : sql``}`,
        );
      } else {
        await queryRows(db, sql`select count(*)::int from memberships m where ${w}`);
      }
    };
  }

  log(`\n## Toegangsbeheer: user list of one domain with ${ACCOUNTS.toLocaleString('en')} accounts (${database.kind})`);
  log(`seeded in ${(seedMs / 1000).toFixed(1)} s; ${machine()}\n`);
  log('| query | service p50 | service p95 | raw SQL p50 | raw SQL p95 | target p95 < 20 ms |');
  log('| --- | --- | --- | --- | --- | --- |');
  const rows: BenchSummaryRow[] = [];
  for (const c of cases) {
    let found = 0;
    const service = await measure(async () => {
      found = (await services.management.listMembers(caller, domainId, c.q as never)).total;
    });
    const raw = await measure(rawSql(c.q));
    const ok = service.p95 < TARGET_P95;
    rows.push({
      benchmark: 'access-list',
      backend: backendOf(database.kind),
      figure: `service p95, ${c.name} (${ACCOUNTS.toLocaleString('en')} accounts)`,
      value: service.p95,
      unit: 'ms',
      baseline: raw.p95,
      baselineLabel: 'the same SQL sent directly',
      target: `< ${TARGET_P95} ms`,
      met: ok,
    });
    log(`| ${c.name} (${found} found) | ${fmt(service.p50)} | ${fmt(service.p95)} | ${fmt(raw.p50)} | ${fmt(raw.p95)} | ${ok ? 'met' : 'MISSED'} |`);
  }
  await database.close();
  await drop();
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runAccessListBench();
}
