import { sql } from 'drizzle-orm';
import type { Database, Db } from './db.js';

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

/**
 * Holds a transaction-scoped advisory lock on a text key until the transaction ends: steps that
 * check and then write (the overlap rule of dossier forms, a once-a-day mail) run one at a time
 * for that key across every instance on one PostgreSQL. Call it inside a transaction.
 */
export async function lockForTransaction(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
