import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createClock } from '../domain/clock.js';
import { createRegistryService } from '../modules/registry/index.js';
import { withoutEntries } from './data-dir-archive.js';
import { openDatabase } from './db.js';
import { migrateDatabase } from './migrate.js';

/**
 * Issue 20: the first start of the embedded database. Creating a PGlite data directory runs
 * initdb inside the process (its own WASM module, a full catalogue written through memory),
 * and the migrations and reference data after it grew PGlite's heap to ~900 MiB RSS, which a
 * WASM heap never gives back. The build (`npm run build`) does that once instead: the migrated
 * database with the reference data and pg-boss's schema and queues, dumped as an archive beside this module
 * (build/db/pglite-template.tar.gz); a first start on an empty OCMW_DATA_DIR writes it into the
 * folder (data-dir-archive.ts) and then migrates (any newer migrations) and syncs the reference
 * data as every start does. Without the archive (a start from the sources with tsx) PGlite runs
 * initdb.
 */
export const PGLITE_TEMPLATE = fileURLToPath(new URL('./pglite-template.tar.gz', import.meta.url));


/** Builds the archive: a new in-memory database, migrated, with the reference data. */
export async function buildPgliteTemplate(file = PGLITE_TEMPLATE): Promise<number> {
  const database = await openDatabase({});
  try {
    await migrateDatabase(database);
    await createRegistryService({ db: database.db, clock: createClock({}) }).syncReferenceData();
    // pg-boss's schema and queues (loaded here only: a start imports the runner itself).
    await (await import('../jobs/runner.js')).installJobSchema(database);
    // The embedded database is one database ("postgres") in one process: the portal never
    // creates another, so initdb's template databases are only files a first start would write
    // (≈ 600 of the ≈ 1,280, each file creation costing more than its bytes).
    for (const name of ['template0', 'template1']) {
      await database.pglite!.query(`alter database ${name} is_template false`);
      await database.pglite!.query(`drop database ${name}`);
    }
    // Statistics for the planner from the first query on, and every page written out.
    await database.pglite!.query('vacuum analyze');
    await database.pglite!.query('checkpoint');
    // Only the WAL segment the checkpoint starts from is needed to open the database; the older
    // one is 16 MiB a first start would write for nothing.
    const [redo] = (await database.pglite!.query<{ file: string }>('select redo_wal_file as file from pg_control_checkpoint()')).rows;
    const dump = Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer());
    const tar = withoutEntries(dump, (name) => name.startsWith('pg_wal/') && /^[0-9A-F]{24}$/.test(name.slice(7)) && name.slice(7) !== redo!.file);
    const bytes = gzipSync(tar, { level: 9 });
    writeFileSync(file, bytes);
    return bytes.length;
  } finally {
    await database.close();
  }
}

// `node build/db/pglite-template.js` (scripts/build.mjs, after tsc).
if (import.meta.url === `file://${process.argv[1]}`) {
  const bytes = await buildPgliteTemplate();
  process.stdout.write(`build: embedded database template (migrated, reference data) in ${PGLITE_TEMPLATE} (${Math.round(bytes / 1024)} KiB)\n`);
}
