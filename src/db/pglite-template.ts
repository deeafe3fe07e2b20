import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClock } from '../domain/clock.js';
import { createRegistryService } from '../modules/registry/index.js';
import { openDatabase } from './db.js';
import { migrateDatabase } from './migrate.js';

/**
 * Issue 20: the first start of the embedded database. Creating a PGlite data directory runs
 * initdb inside the process (its own WASM module, a full catalogue written through memory),
 * and the migrations and reference data after it grew PGlite's heap to ~900 MiB RSS, which a
 * WASM heap never gives back. The build (`npm run build`) does that once instead: the migrated
 * database with the reference data, dumped as an archive beside this module
 * (build/db/pglite-template.tar.gz); a first start on an empty OCMW_DATA_DIR loads it (PGlite
 * loadDataDir) and then migrates (any newer migrations) and syncs the reference data as every
 * start does. Without the archive (a start from the sources with tsx) PGlite runs initdb.
 */
export const PGLITE_TEMPLATE = fileURLToPath(new URL('./pglite-template.tar.gz', import.meta.url));

/** The archive to start a new data directory from, when the build made one. */
export function pgliteTemplate(file = PGLITE_TEMPLATE): Blob | undefined {
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Builds the archive: a new in-memory database, migrated, with the reference data. */
export async function buildPgliteTemplate(file = PGLITE_TEMPLATE): Promise<number> {
  const database = await openDatabase({});
  try {
    await migrateDatabase(database);
    await createRegistryService({ db: database.db, clock: createClock({}) }).syncReferenceData();
    // Statistics for the planner from the first query on, and every page written out.
    await database.pglite!.query('vacuum analyze');
    await database.pglite!.query('checkpoint');
    const archive = await database.pglite!.dumpDataDir('gzip');
    const bytes = Buffer.from(await archive.arrayBuffer());
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
