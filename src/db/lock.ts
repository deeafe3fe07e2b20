import { sql } from 'drizzle-orm';
import { pgArray } from './arrays.js';
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

/**
 * lockForTransaction for several keys in one statement, taken in the order of their hashes so
 * that two transactions locking overlapping sets never wait for each other in a circle.
 */
export async function lockAllForTransaction(tx: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(h) from (select distinct hashtext(k) as h from unnest(${pgArray([...new Set(keys)], 'text')}) as k order by 1) as ordered`);
}
