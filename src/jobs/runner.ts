import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/db.js';
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
} as const;

function bossFor(database: Database): PgBoss {
  if (database.kind === 'postgres') return new PgBoss({ connectionString: database.url!, max: 2 });
  const pglite = database.pglite!;
  // One PGlite per process, shared with Drizzle: parameterised queries → query, scripts → exec.
  return new PgBoss({
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
  runNow(job: keyof typeof JOBS, date: string): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startJobs(
  database: Database,
  services: Services,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  options: { pollingSeconds?: number } = {},
): Promise<JobRunner> {
  const boss = bossFor(database);
  boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(JOBS.certificateExpiry.name);
  await boss.schedule(JOBS.certificateExpiry.name, JOBS.certificateExpiry.cron, {}, { tz: 'Europe/Brussels' });
  await boss.work(JOBS.certificateExpiry.name, { pollingIntervalSeconds: options.pollingSeconds ?? 2 }, async (jobs) => {
    for (const job of jobs) {
      const date = (job.data as { date?: string } | null)?.date;
      const result = await services.channels.sendExpiryWarnings(date);
      log.info({ job: JOBS.certificateExpiry.name, date: result.date, mails: result.warnings.length }, 'certificate expiry warnings');
    }
  });
  await boss.createQueue(JOBS.onlineReminders.name);
  await boss.schedule(JOBS.onlineReminders.name, JOBS.onlineReminders.cron, {}, { tz: 'Europe/Brussels' });
  await boss.work(JOBS.onlineReminders.name, { pollingIntervalSeconds: options.pollingSeconds ?? 2 }, async (jobs) => {
    for (const job of jobs) {
      const result = await services.helpRequests.runReminders((job.data as { date?: string } | null)?.date);
      log.info({ job: JOBS.onlineReminders.name, date: result.date, mails: result.mails.length }, 'OCMW Online reminders');
    }
  });
  await boss.createQueue(JOBS.eboxNotifications.name);
  await boss.schedule(JOBS.eboxNotifications.name, JOBS.eboxNotifications.cron, {}, { tz: 'Europe/Brussels' });
  await boss.work(JOBS.eboxNotifications.name, { pollingIntervalSeconds: options.pollingSeconds ?? 2 }, async (jobs) => {
    for (const job of jobs) {
      const result = await services.mailbox.runNightlyNotifications((job.data as { date?: string } | null)?.date);
      log.info({ job: JOBS.eboxNotifications.name, night: result.night, mails: result.mails.length }, 'e-Box notifications');
    }
  });
  await boss.createQueue(JOBS.mergerCutover.name);
  await boss.schedule(JOBS.mergerCutover.name, JOBS.mergerCutover.cron, {}, { tz: 'Europe/Brussels' });
  await boss.work(JOBS.mergerCutover.name, { pollingIntervalSeconds: options.pollingSeconds ?? 2 }, async (jobs) => {
    for (const job of jobs) {
      const results = await services.mergers.cutover.runScheduled();
      log.info(
        { job: JOBS.mergerCutover.name, date: (job.data as { date?: string } | null)?.date, runs: results.map((r) => ({ mergerId: r.mergerId, runId: r.runId, changes: r.changes })) },
        'scheduled merger cut-overs',
      );
    }
  });
  return {
    runNow: (job, date) => boss.send(JOBS[job].name, { date }, { singletonKey: `${JOBS[job].name}:${date}`, singletonSeconds: 43_200 }),
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}
