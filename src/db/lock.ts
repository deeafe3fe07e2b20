import type { Database } from './db.js';

/**
 * Runs fn while holding a PostgreSQL advisory lock, so that several instances starting at
 * once do one-time work (migrations, seeding) one after the other. PGlite has one process, so
 * no lock is needed there.
 */
export async function withAdvisoryLock<T>(database: Database, key: number, fn: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite' || !database.pool) return fn();
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [key]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
    client.release();
  }
}
