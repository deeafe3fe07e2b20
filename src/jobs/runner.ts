import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { fromPglite, PgBoss } from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import { queryRows, type Database } from '../db/db.js';
import { withAdvisoryLock } from '../db/lock.js';
import type { Services } from '../services.js';

/**
 * The scheduled jobs (pg-boss): queues and schedules live in the database, so with several
 * instances each cron tick becomes one job that one instance runs (N6). Every job is also
 * idempotent per day in its own tables, so a rerun never repeats its effect.
 */
export const JOBS = {
  certificateExpiry: { name: 'certificate-expiry', cron: '0 6 * * *' },
  /** R6.5: OCMW Online reminders, once a day. */
  onlineReminders: { name: 'online-reminders', cron: '0 7 * * *' },
  /** R10.1: the e-Box notification mails of last night (job data `date` = the night). */
  eboxNotifications: { name: 'ebox-notifications', cron: '30 1 * * *' },
  /**
   * R7.4: the cut-overs scheduled for today (or missed earlier), just after midnight. On the
   * business date, not the job's: a merger runs once (its row lock, and a merger that is already
   * applied is skipped), however many instances or jobs ask.
   */
  mergerCutover: { name: 'merger-cutover', cron: '5 0 * * *' },
  /**
   * Issue 24: the retention purge, once per business date across instances (its run row claims the
   * date), at night when the portal is quiet; idempotent, so a missed night is caught up the next.
   */
  retentionPurge: { name: 'retention-purge', cron: '45 2 * * *' },
  /** Every quarter of an hour: expired sessions removed; mails left queued by a stopped process sent. */
  housekeeping: { name: 'housekeeping', cron: '*/15 * * * *' },
} as const;

export type JobName = keyof typeof JOBS;

const JOBS_SETUP_LOCK = 727_003;

/** This process, as named in a job's output. */
const INSTANCE = `${hostname()}:${process.pid}`;

/** A job's cron schedule: its daily time, or every minute in test mode (OCMW_JOBS_EVERY_MINUTE). */
export function cronOf(job: JobName, everyMinute = false): string {
  return everyMinute ? '* * * * *' : JOBS[job].cron;
}

function bossFor(database: Database, everyMinute: boolean): PgBoss {
  // pg-boss checks the schedules every 30 s and moves a due one into its queue every 5 s; a test
  // that waits for the every-minute schedule wants that within a few seconds.
  const timekeeping = everyMinute ? { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 } : {};
  if (database.kind === 'postgres') return new PgBoss({ connectionString: database.url!, max: 2, ...timekeeping });
  // One PGlite per process, shared with Drizzle, through pg-boss's own adapter: parameterised
  // queries → query, scripts → exec (all their rows), and a failed statement rolls back the one
  // connection instead of leaving it in an aborted transaction.
  return new PgBoss({ ...timekeeping, backend: 'pglite', db: fromPglite(database.pglite!) });
}

/**
 * Issue 20: pg-boss's schema and the portal's queues (a table each), and nothing that runs: the
 * build puts them in the embedded database's template (src/db/pglite-template.ts), so a first
 * start's `startJobs` finds them instead of creating them (DDL that grows PGlite's heap, which
 * never shrinks). The schedules stay with every start.
 */
export async function installJobSchema(database: Database): Promise<void> {
  const boss = new PgBoss({ backend: 'pglite', db: fromPglite(database.pglite!), supervise: false, schedule: false });
  await boss.start();
  try {
    for (const job of Object.keys(JOBS) as JobName[]) await boss.createQueue(JOBS[job].name);
  } finally {
    await boss.stop({ graceful: false });
  }
}

/** pg-boss 10 kept its schema at version 24; pg-boss 11 rewrote it (25) and 12 has no way up from 24. */
const FIRST_SCHEMA_AFTER_PGBOSS_10 = 25;

/**
 * A database whose `pgboss` schema was made by pg-boss 10 (releases before pg-boss 12) cannot be
 * migrated by pg-boss 12: it stops with "Cannot migrate pg-boss schema from version 24". That
 * schema is renamed to `pgboss_v10` (kept for the operator to inspect or drop) and pg-boss 12
 * creates a new `pgboss`. Nothing is lost that the portal needs: the schedules are written at every
 * start, and every job is idempotent per day in its own tables (a missed cut-over runs on the next
 * tick). Returns whether it retired one. Call it under JOBS_SETUP_LOCK, before pg-boss starts.
 */
export async function retirePgBoss10Schema(database: Database): Promise<boolean> {
  const [installed] = await queryRows<{ present: boolean }>(database.db, sql`select to_regclass('pgboss.version') is not null as present`);
  if (!installed?.present) return false;
  const [found] = await queryRows<{ version: number | null }>(database.db, sql`select max(version)::int as version from pgboss.version`);
  if (found?.version == null || found.version >= FIRST_SCHEMA_AFTER_PGBOSS_10) return false;
  const [taken] = await queryRows<{ taken: boolean }>(database.db, sql`select to_regnamespace('pgboss_v10') is not null as taken`);
  if (taken?.taken) throw new Error('The pg-boss 10 schema "pgboss" must be retired as "pgboss_v10", but that schema exists already: drop or rename one of them.');
  await database.db.execute(sql`alter schema pgboss rename to pgboss_v10`);
  return true;
}

export interface JobRunner {
  /** Queues today's run of a job; several instances asking for the same day create one job. */
  runNow(job: JobName, date: string): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startJobs(
  database: Database,
  services: Services,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  options: { pollingSeconds?: number; everyMinute?: boolean } = {},
): Promise<JobRunner> {
  const everyMinute = options.everyMinute ?? false;
  if (await withAdvisoryLock(database, JOBS_SETUP_LOCK, () => retirePgBoss10Schema(database))) {
    log.info({ schema: 'pgboss_v10' }, 'pg-boss 10 schema renamed to pgboss_v10; pg-boss 12 creates a new pgboss schema (drop pgboss_v10 when no longer wanted)');
  }
  const boss = bossFor(database, everyMinute);
  boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  // What each job did. It is also the job's output in pg-boss (pgboss.job.output), with the
  // instance that ran it: where a day's run happened, and that it happened once, can be read back.
  const handlers: Record<JobName, (date: string | undefined) => Promise<Record<string, unknown>>> = {
    certificateExpiry: async (date) => {
      const result = await services.channels.sendExpiryWarnings(date);
      return { date: result.date, mails: result.warnings.length };
    },
    onlineReminders: async (date) => {
      const result = await services.helpRequests.runReminders(date);
      return { date: result.date, mails: result.mails.length };
    },
    eboxNotifications: async (date) => {
      const result = await services.mailbox.runNightlyNotifications(date);
      return { night: result.night, mails: result.mails.length };
    },
    // On the business date, not the job's: see JOBS.mergerCutover.
    mergerCutover: async (date) => {
      const results = await services.mergers.cutover.runScheduled();
      return { date, runs: results.map((r) => ({ mergerId: r.mergerId, runId: r.runId, changes: r.changes })) };
    },
    // On the business date, not the job's (see JOBS.retentionPurge); counts per kind.
    retentionPurge: async () => {
      const result = await services.retention.purge('job');
      return { date: result.date, skipped: result.skipped ?? false, counts: Object.fromEntries(result.kinds.map((k) => [k.kind, k.count])) };
    },
    housekeeping: async () => ({
      expiredSessions: await services.auth.purgeExpired(),
      spentProofs: await services.helpRequests.purgeSpentProofs(),
      staleMails: await services.notifications.redeliverStale(),
    }),
  };
  // Queues and schedules are created one instance at a time: two instances creating the same
  // queue at once deadlock in PostgreSQL (pg-boss creates a table per queue), and one of them
  // would fail to start (found by test/multi-instance.int.test.ts).
  await withAdvisoryLock(database, JOBS_SETUP_LOCK, async () => {
    for (const job of Object.keys(JOBS) as JobName[]) {
      await boss.createQueue(JOBS[job].name);
      await boss.schedule(JOBS[job].name, cronOf(job, everyMinute), {}, { tz: 'Europe/Brussels' });
    }
  });
  for (const job of Object.keys(JOBS) as JobName[]) {
    const { name } = JOBS[job];
    await boss.work(name, { pollingIntervalSeconds: options.pollingSeconds ?? (everyMinute ? 0.5 : 2) }, async (jobs) => {
      let output: Record<string, unknown> = {};
      for (const queued of jobs) {
        output = { instance: INSTANCE, ...(await handlers[job]((queued.data as { date?: string } | null)?.date)) };
        log.info({ job: name, ...output }, `job ${name} done`);
      }
      return output;
    });
  }
  return {
    runNow: (job, date) => boss.send(JOBS[job].name, { date }, { singletonKey: `${JOBS[job].name}:${date}`, singletonSeconds: 43_200 }),
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}
