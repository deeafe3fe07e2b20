import path from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/db.js';
import { migrateDatabase } from './db/migrate.js';
import { withAdvisoryLock } from './db/lock.js';
import { createClock, type Clock } from './domain/clock.js';
import { createServices, type Services } from './services.js';

export interface Runtime {
  config: Config;
  clock: Clock;
  database: Database;
  services: Services;
  /** True when this start loaded the demo data. */
  seeded: boolean;
}

/** The demo vendor's certificate and key go beside the data folder (README: the curl example). */
export function demoFilesDir(config: Config): string {
  return path.join(path.resolve(config.dataDir), '..', 'demo-vendor');
}

// Serialises reference-data loading and demo seeding across instances starting together (N6).
const SEED_LOCK = 727_002;

/**
 * config → database → migrations → reference data → (demo data on an empty database when
 * config.seedDemo — never in production — and options.seed allows) → services.
 */
export async function bootstrap(config: Config, options: { seed?: boolean } = {}): Promise<Runtime> {
  const clock = createClock({ fixedToday: config.fixedToday });
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const services = createServices({ db: database.db, clock, config });
    const seeded = await withAdvisoryLock(database, SEED_LOCK, async () => {
      await services.registry.syncReferenceData();
      if (!config.seedDemo || options.seed === false) return false;
      // Loaded only when demo data may be loaded: a production process never imports it.
      const { hasData, seedDemo } = await import('./seed/demo.js');
      if (await hasData(database.db)) return false;
      await seedDemo({ db: database.db, registry: services.registry, mergers: services.mergers, today: clock.today(), demoFilesDir: demoFilesDir(config) });
      return true;
    });
    return { config, clock, database, services, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
