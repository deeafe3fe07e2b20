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

export async function startJobs(database: Database, services: Services, log: FastifyBaseLogger): Promise<() => Promise<void>> {
  const boss = bossFor(database);
  boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(JOBS.certificateExpiry.name);
  await boss.schedule(JOBS.certificateExpiry.name, JOBS.certificateExpiry.cron, {}, { tz: 'Europe/Brussels' });
  await boss.work(JOBS.certificateExpiry.name, async () => {
    const result = await services.channels.sendExpiryWarnings();
    log.info({ job: JOBS.certificateExpiry.name, date: result.date, mails: result.warnings.length }, 'certificate expiry warnings');
  });
  return async () => {
    await boss.stop({ graceful: true, timeout: 5_000 });
  };
}
