import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/db.js';
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
  const pglite = database.pglite!;
  // One PGlite per process, shared with Drizzle: parameterised queries → query, scripts → exec.
  return new PgBoss({
    ...timekeeping,
    db: {
      executeSql: async (text: string, values: unknown[]) => {
        if (values && values.length > 0) return { rows: (await pglite.query(text, values as unknown[])).rows };
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    },
  });
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
