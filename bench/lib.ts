import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, queryRows, type Database, type Db } from '../src/db/db.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { createClock, type Clock } from '../src/domain/clock.js';
import { PRE_MERGER_DATE, seedDemo } from '../src/seed/demo.js';
import { createServices, type Services } from '../src/services.js';

/** Runs fn `runs` times after `warmup` runs and returns latency percentiles in ms. */
export async function measure(fn: () => Promise<unknown>, runs = 100, warmup = 10) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return { p50: pct(50), p95: pct(95), p99: pct(99), runs };
}

export function machine() {
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}`;
}

/** The 1-minute load average, to tell a quiet machine from a busy one when reading the figures. */
export function loadAverage(): string {
  return os.loadavg()[0]!.toFixed(1);
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/** The two databases the portal runs on: the embedded PGlite (default) and a PostgreSQL server (DATABASE_URL). */
export type Backend = 'pglite' | 'postgresql';

/** The backend of a `Database.kind` or a `DemoBench.kind` ("pglite", "pglite on disk", "postgres"). */
export function backendOf(kind: string): Backend {
  return kind.startsWith('pglite') ? 'pglite' : 'postgresql';
}

/** Where a benchmark writes its detailed section: one line at a time, Markdown. */
export type BenchLog = (line: string) => void;

/**
 * One measured figure, for the summary table at the top of bench/RESULTS.md. A benchmark's run
 * function returns one row per figure that has a target or a baseline; bench/run.ts adds the ratio
 * (value / baseline), the machine and the date. A benchmark's detailed section starts with a
 * `## ` heading that ends with its backend in parentheses, e.g. `(pglite on disk)` or `(postgres)`:
 * that is how run.ts files the section under its backend.
 */
export interface BenchSummaryRow {
  /** The benchmark, as `npm run bench -- NAME` names it: "vendor-api". */
  benchmark: string;
  /** The database the figure was measured on. */
  backend: Backend;
  /** What was measured, short: "p99 latency, list page of 20 over mutual TLS, 50 connections". */
  figure: string;
  /** The measured value, in `unit`. */
  value: number;
  /** The unit of `value` and `baseline`: "ms", "s", "req/s", "MiB". */
  unit: string;
  /** The same figure of the baseline, measured in the same run, in `unit`; absent when there is none. */
  baseline?: number;
  /** What the baseline is: "bare Fastify HTTPS route, static JSON". */
  baselineLabel?: string;
  /** The target, as text: "< 50 ms", "≥ 50 % of baseline", "≤ 1.5 × baseline"; absent when there is none. */
  target?: string;
  /** Whether the target is met; absent when there is no target. */
  met?: boolean;
}

/** What every bench/*.bench.ts exports: runs the benchmark, logs its section, returns its summary rows. */
export type BenchRun = (log: BenchLog) => Promise<BenchSummaryRow[] | unknown>;

/** The p-th percentile (0–100) of a list of numbers (nearest rank on the sorted list). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface BenchDatabaseOptions {
  /** node-postgres pool size (BENCH_DATABASE_URL). */
  poolSize?: number;
  /**
   * PGlite in a temporary data directory on disk (as the portal runs it, OCMW_DATA_DIR) instead
   * of in memory: PGlite's in-memory file system copies a whole file each time it grows, so a
   * table of a few hundred MB fills quadratically slower there (1M narrow rows: 41 s in memory,
   * 5 s on disk).
   */
  onDisk?: boolean;
}

/** A benchmark's database: open it, drop it, or (`twin`) turn it into two identical copies. */
export interface BenchDatabase {
  database: Database;
  drop: () => Promise<void>;
  /**
   * Closes this database and returns two open databases with the same data, byte for byte:
   * this one reopened and a physical copy of it (`create database … template` on a server, a
   * copy of the data directory for PGlite on disk). Both sides of a benchmark then start from
   * the same files, built once. Not for PGlite in memory.
   */
  twin: () => Promise<[BenchDatabase, BenchDatabase]>;
}

/**
 * A fresh, empty database for one benchmark: PGlite (in memory, or on disk with `onDisk`), or
 * (BENCH_DATABASE_URL) a new database on that PostgreSQL server; `drop` removes it again.
 */
export async function openBenchDatabase(options: BenchDatabaseOptions = {}): Promise<BenchDatabase> {
  if (!process.env.BENCH_DATABASE_URL) {
    if (!options.onDisk) {
      const database = await openDatabase({});
      return { database, drop: async () => {}, twin: () => Promise.reject(new Error('twin needs PGlite on disk (onDisk) or BENCH_DATABASE_URL')) };
    }
    const onDir = async (dir: string): Promise<BenchDatabase> => {
      const database = await openDatabase({ dataDir: path.join(dir, 'db') });
      return {
        database,
        drop: async () => rmSync(dir, { recursive: true, force: true }),
        twin: async () => {
          await database.close();
          const copy = mkdtempSync(path.join(os.tmpdir(), 'ocmw-bench-'));
          cpSync(path.join(dir, 'db'), path.join(copy, 'db'), { recursive: true });
          return [await onDir(dir), await onDir(copy)];
        },
      };
    };
    return onDir(mkdtempSync(path.join(os.tmpdir(), 'ocmw-bench-')));
  }
  const pg = (await import('pg')).default;
  const server = process.env.BENCH_DATABASE_URL;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const onServer = async (name: string): Promise<BenchDatabase> => {
    const u = new URL(server);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString(), poolSize: options.poolSize });
    return {
      database,
      drop: () => admin(`drop database if exists ${name} with (force)`),
      twin: async () => {
        await database.close();
        const copy = `${name}_twin`;
        await admin(`create database ${copy} template ${name}`);
        return [await onServer(name), await onServer(copy)];
      },
    };
  };
  const name = `ocmw_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(`create database ${name}`);
  return onServer(name);
}

/** The configuration of a benchmark: production defaults, silent logs, no jobs, no SMTP (mails go to the dev outbox). */
export function benchConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', OCMW_JOBS: 'off', OCMW_SEED_DEMO: 'never', ...env });
}

export interface DemoBench {
  database: Database;
  /** What the figures ran on: "pglite", "pglite on disk" or "postgres". */
  kind: string;
  services: Services;
  clock: Clock;
  config: Config;
  /** Time to migrate, load the reference data and seed the demo, in ms. */
  demoMs: number;
  close(): Promise<void>;
  /** Closes this benchmark and returns two with the same data (see `BenchDatabase.twin`). */
  twin(): Promise<[DemoBench, DemoBench]>;
}

/** A fresh database, migrated, with the reference data and the demo seed, and the services on it. */
export async function openDemoBench(config: Config = benchConfig(), options: BenchDatabaseOptions = {}): Promise<DemoBench> {
  const t0 = performance.now();
  const opened = await openBenchDatabase(options);
  const { database, drop } = opened;
  try {
    await migrateDatabase(database);
    const bench = demoBenchOn(opened, config, database.kind === 'pglite' && options.onDisk ? 'pglite on disk' : database.kind);
    await bench.services.registry.syncReferenceData();
    await seedDemo({ db: database.db, registry: bench.services.registry, mergers: bench.services.mergers, today: bench.clock.today(), until: PRE_MERGER_DATE });
    bench.demoMs = performance.now() - t0;
    return bench;
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
}

/** The services of a benchmark on an open database. */
function demoBenchOn(opened: BenchDatabase, config: Config, kind: string): DemoBench {
  const { database, drop } = opened;
  const clock = createClock({ fixedToday: config.fixedToday });
  const services = createServices({ db: database.db, clock, config });
  return {
    database,
    kind,
    services,
    clock,
    config,
    demoMs: 0,
    close: async () => {
      await services.notifications.close();
      await database.close();
      await drop();
    },
    twin: async () => {
      await services.notifications.close();
      const [a, b] = await opened.twin();
      return [demoBenchOn(a, config, kind), demoBenchOn(b, config, kind)];
    },
  };
}

/**
 * Loads a large table the way pg_restore does: drops its primary key, unique and foreign keys,
 * the foreign keys pointing at it and its other indexes, runs `load`, then recreates every one
 * of them from the definitions the database gave (so the schema ends up exactly as migrated,
 * each index built once by a sort instead of row by row). On PGlite this makes 1M help
 * requests load in ~12 s instead of ~50 s. Returns the load and rebuild times in ms.
 */
export async function bulkLoad(db: Db, table: string, load: () => Promise<void>): Promise<{ loadMs: number; rebuildMs: number }> {
  const constraints = await queryRows<{ name: string; owner: string; def: string; type: string }>(
    db,
    sql`select conname as name, conrelid::regclass::text as owner, pg_get_constraintdef(oid) as def, contype as type
        from pg_constraint
        where (conrelid = ${table}::regclass and contype in ('p', 'u', 'f')) or (confrelid = ${table}::regclass and contype = 'f')`,
  );
  const indexes = await queryRows<{ name: string; def: string }>(
    db,
    sql`select i.relname as name, pg_get_indexdef(x.indexrelid) as def
        from pg_index x join pg_class i on i.oid = x.indexrelid
        where x.indrelid = ${table}::regclass and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
  );
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  // Foreign keys first (they depend on the keys), then the keys, then the plain indexes.
  const order = (c: { type: string }) => (c.type === 'f' ? 0 : 1);
  for (const c of [...constraints].sort((a, b) => order(a) - order(b))) {
    await queryRows(db, sql.raw(`alter table ${c.owner} drop constraint ${ident(c.name)}`));
  }
  for (const i of indexes) await queryRows(db, sql.raw(`drop index ${ident(i.name)}`));
  const t0 = performance.now();
  await load();
  const t1 = performance.now();
  for (const c of [...constraints].sort((a, b) => order(b) - order(a))) {
    await queryRows(db, sql.raw(`alter table ${c.owner} add constraint ${ident(c.name)} ${c.def}`));
  }
  for (const i of indexes) await queryRows(db, sql.raw(i.def));
  return { loadMs: t1 - t0, rebuildMs: performance.now() - t1 };
}
