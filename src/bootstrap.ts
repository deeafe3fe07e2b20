import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/db.js';
import { migrateDatabase } from './db/migrate.js';
import { PGLITE_TEMPLATE } from './db/pglite-template.js';
import { withAdvisoryLock } from './db/lock.js';
import { createClock, type Clock } from './domain/clock.js';
import { createServices, type Services } from './services.js';
import { hashDemoPasswords } from './seed/demo-credentials.js';

export interface Runtime {
  config: Config;
  clock: Clock;
  database: Database;
  services: Services;
  /** True when this start loaded the demo data. */
  seeded: boolean;
  /** Milliseconds each phase of the start took (the start-up line shows them). */
  phases: { database: number; migrations: number; referenceData: number; demo?: number };
}

/** The demo vendor's certificate and key go beside the data folder (README: the curl example). */
export function demoFilesDir(config: Config): string {
  return path.join(path.resolve(config.dataDir), '..', 'demo-vendor');
}

/**
 * Issue 20: the embedded database's shared buffers. They are part of PGlite's WASM heap, which
 * never shrinks: PGlite's default of 128MB alone made a quarter of the portal's RSS. The pages
 * beyond them are read from the data directory through the operating system's file cache.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

// Serialises reference-data loading and demo seeding across instances starting together (N6).
const SEED_LOCK = 727_002;

/**
 * config → database → migrations → reference data → (demo data on an empty database when
 * config.seedDemo — never in production — and options.seed allows) → services.
 */
export async function bootstrap(config: Config, options: { seed?: boolean } = {}): Promise<Runtime> {
  const clock = createClock({ fixedToday: config.fixedToday });
  let t = performance.now();
  const lap = () => {
    const ms = performance.now() - t;
    t += ms;
    return Math.round(ms);
  };
  const phases: Runtime['phases'] = { database: 0, migrations: 0, referenceData: 0 };
  // Hashed on the thread pool while the database opens (a start that finds data never waits for them).
  const demoHashes = config.seedDemo && options.seed !== false ? hashDemoPasswords() : undefined;
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, template: PGLITE_TEMPLATE, sharedBuffers: PGLITE_SHARED_BUFFERS });
  try {
    phases.database = lap();
    await migrateDatabase(database);
    phases.migrations = lap();
    const services = createServices({ db: database.db, clock, config });
    const seeded = await withAdvisoryLock(database, SEED_LOCK, async () => {
      await services.registry.syncReferenceData();
      phases.referenceData = lap();
      if (!config.seedDemo || options.seed === false) return false;
      // Loaded only when demo data may be loaded: a production process never imports it.
      const { hasData, seedDemo } = await import('./seed/demo.js');
      if (await hasData(database.db)) return false;
      await seedDemo({ db: database.db, registry: services.registry, mergers: services.mergers, today: clock.today(), until: config.demoUntil, demoFilesDir: demoFilesDir(config), passwordHash: demoHashes?.people });
      await (await import('./seed/demo-file-channel.js')).seedDemoFileChannel(database.db, demoHashes?.sftp);
      phases.demo = lap();
      return true;
    });
    return { config, clock, database, services, seeded, phases };
  } catch (error) {
    await database.close();
    throw error;
  }
}
