import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { type sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { extractDataDir } from './data-dir-archive.js';
import * as schema from './schema.js';

/** The Drizzle handle every repository receives; a transaction handle has the same type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The PGlite instance when embedded (pg-boss shares it), else undefined. */
  pglite?: PGlite;
  /** The node-postgres pool when on a server, else undefined. */
  pool?: pg.Pool;
  /** Connection string when on a server (pg-boss opens its own pool). */
  url?: string;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; undefined means in memory. */
  dataDir?: string;
  /** A dumped PGlite data directory to start from (tests clone a migrated template). */
  loadDataDir?: Blob;
  /**
   * Issue 20: the archive of a dumped data directory (PGlite `dumpDataDir`, .tar or .tar.gz) to
   * start `dataDir` from when it is new (no PG_VERSION yet): the build's migrated database with
   * the reference data, instead of running initdb here. Ignored when the file does not exist.
   */
  template?: string;
  /** PGlite's shared_buffers (PostgreSQL units, e.g. "32MB"); PGlite's own default is 128MB. */
  sharedBuffers?: string;
  /** node-postgres pool size. */
  poolSize?: number;
}

// PGlite does not lock its directory: two instances on one directory corrupt it. Keep one per
// directory per process, shared by Drizzle and pg-boss.
const openPglites = new Map<string, PGlite>();

/** Opens PGlite (default) or a PostgreSQL server (url) behind the same Drizzle API. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      pool,
      url: options.url,
      ping: async () => {
        await pool.query('select 1');
      },
      close: async () => {
        if (!pool.ended) await pool.end();
      },
    };
  }

  const key = options.dataDir ? path.resolve(options.dataDir) : undefined;
  if (key && openPglites.has(key)) throw new Error(`PGlite data directory ${key} is already open in this process`);
  if (key) assertPgliteMajor(key);
  if (key) {
    mkdirSync(key, { recursive: true });
    lockDataDir(key);
  }
  let pglite: PGlite;
  try {
    // Written with Node's file functions before PGlite opens the folder (data-dir-archive.ts):
    // PGlite's loadDataDir costs more time and keeps ≈ 130 MiB more resident.
    if (key && options.template && !existsSync(path.join(key, 'PG_VERSION')) && existsSync(options.template)) await extractDataDir(options.template, key);
    pglite = await PGlite.create(key, {
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      // The buffers live in PGlite's WASM heap, which never shrinks: the portal bounds them.
      ...(options.sharedBuffers ? { postgresqlconf: [`shared_buffers=${options.sharedBuffers}`] } : {}),
    });
  } catch (error) {
    if (key) unlockDataDir(key);
    throw error;
  }
  if (key) openPglites.set(key, pglite);
  const db = drizzlePglite(pglite, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite,
    ping: async () => {
      await pglite.query('select 1');
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
      if (key) {
        openPglites.delete(key);
        unlockDataDir(key);
      }
    },
  };
}

/** The PostgreSQL major version of the bundled PGlite (0.6.x); db.int.test.ts checks it against the running one. */
export const PGLITE_POSTGRES_MAJOR = 19;

/**
 * A data folder written by another PostgreSQL major cannot be opened (PGlite 0.5 was PostgreSQL 18,
 * 0.6 is 19); PGlite then fails with a bare "PGlite failed to initialize properly". Say what it is
 * and what to do instead (docs/DEPLOYMENT.md, "Upgrading a release").
 */
function assertPgliteMajor(dir: string): void {
  const file = path.join(dir, 'PG_VERSION');
  if (!existsSync(file)) return;
  const major = Number(readFileSync(file, 'utf8').trim());
  if (major === PGLITE_POSTGRES_MAJOR) return;
  throw new Error(
    `The embedded database in ${dir} was written by PostgreSQL ${major} (an older release of the portal); this release embeds PostgreSQL ${PGLITE_POSTGRES_MAJOR} and cannot open it. ` +
      'Start on a new OCMW_DATA_DIR, or carry the data over as docs/DEPLOYMENT.md ("Upgrading a release") describes.',
  );
}

/**
 * How many statements the database handle runs at once: the pool's size on a server, 1 on PGlite
 * (one connection, its WASM in this thread). Work that could overlap (issue 20: batches of
 * citizens' submissions) overlaps only as far as this allows.
 */
export function connectionsOf(db: Db): number {
  const client = (db as unknown as { $client?: { options?: { max?: number } } }).$client;
  return client instanceof pg.Pool ? (client.options?.max ?? 10) : 1;
}

/**
 * queryRows as a named prepared statement: on a server each connection parses and plans the
 * statement once and then only binds and runs it (issue 20: the vendor list's statements, polled
 * many times a second, spent as long being planned as being run). The name comes from the SQL
 * text, so one text is one statement whatever the parameters. PGlite runs it as queryRows does.
 * Only for statements whose text comes from a bounded set (not built from data).
 */
export async function queryRowsPrepared<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const { session, dialect } = db as unknown as {
    session: { prepareQuery(q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> } };
    dialect: { sqlToQuery(q: ReturnType<typeof sql>): { sql: string; params: unknown[] } };
  };
  const built = dialect.sqlToQuery(query);
  const name = `ocmw_${createHash('sha1').update(built.sql).digest('hex').slice(0, 24)}`;
  const result = (await session.prepareQuery(built, undefined, name, false).execute()) as { rows: T[] };
  return result.rows;
}

/** Runs a query that returns rows and gives them typed; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

function lockPath(dir: string): string {
  return `${dir}.lock`;
}

/**
 * PGlite does not lock its data directory, and a second process on the same directory corrupts
 * it (e.g. the CLI while the portal runs). A lock file next to the directory, holding the pid,
 * refuses that; a lock left by a dead process is taken over.
 */
function lockDataDir(dir: string): void {
  const file = lockPath(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      process.once('exit', () => rmSync(file, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${pid}. Stop that process first, or use a PostgreSQL server (DATABASE_URL).`,
        );
      }
      rmSync(file, { force: true });
    }
  }
}

function unlockDataDir(dir: string): void {
  rmSync(lockPath(dir), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
