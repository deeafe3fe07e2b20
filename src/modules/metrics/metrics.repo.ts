import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';

/** What an operator watches, read at each scrape (read-only, a few indexed aggregates). */
export interface OperationalState {
  mailsByStatus: { status: string; count: number }[];
  oldestUnsentSeconds: number;
  certificatesExpiring: number;
  helpRequestsOverdue: number;
  cutoversByStatus: { status: string; count: number }[];
  jobQueue: { queue: string; waiting: number; lastSuccess: number | null }[];
  /** Issue 24: the last finished retention purge (any instance, job or CLI): rows per kind, and when. */
  retention: { finishedAt: number; counts: { kind: string; count: number }[] } | null;
}

export async function readOperationalState(db: Db, opts: { today: string; decisionDays: number; expiryDays: number }): Promise<OperationalState> {
  const mailsByStatus = await queryRows<{ status: string; count: number }>(db, sql`select status, count(*)::int as count from mails group by status`);
  const [scalars] = await queryRows<{ oldest: number; certs: number; overdue: number }>(
    db,
    sql`select
      coalesce((select extract(epoch from now() - min(created_at)) from mails where status in ('queued', 'sending')), 0)::float8 as oldest,
      (select count(*)::int from certificates where is_active and not_after < now() + make_interval(days => ${opts.expiryDays})) as certs,
      (select count(*)::int from help_requests where decided_at is null and received_on + ${opts.decisionDays}::int < ${opts.today}::date) as overdue`,
  );
  // planned (not scheduled), scheduled (the daily job runs it on its date), applied.
  const cutoversByStatus = await queryRows<{ status: string; count: number }>(
    db,
    sql`select case when status = 'planned' and scheduled then 'scheduled' else status end as status, count(*)::int as count from mergers group by 1`,
  );
  return {
    mailsByStatus,
    oldestUnsentSeconds: Number(scalars?.oldest ?? 0),
    certificatesExpiring: scalars?.certs ?? 0,
    helpRequestsOverdue: scalars?.overdue ?? 0,
    cutoversByStatus,
    jobQueue: await readJobQueue(db),
    retention: await readLastPurge(db),
  };
}

/**
 * pg-boss 12's tables (absent until a process has run the jobs): waiting jobs and each queue's last
 * completed run. `pgboss.job` is the parent of every queue's partition; a completed job stays there
 * until its retention ends (pg-boss 12 has no archive table).
 */
async function readJobQueue(db: Db): Promise<OperationalState['jobQueue']> {
  const [present] = await queryRows<{ job: boolean }>(
    db,
    sql`select to_regclass('pgboss.queue') is not null and to_regclass('pgboss.job') is not null as job`,
  );
  if (!present?.job) return [];
  const rows = await queryRows<{ queue: string; waiting: number; last: number | null }>(
    db,
    sql`select q.name as queue,
        (select count(*)::int from pgboss.job j where j.name = q.name and j.state in ('created', 'retry')) as waiting,
        (select extract(epoch from max(j.completed_on))::float8 from pgboss.job j where j.name = q.name and j.state = 'completed') as last
      from pgboss.queue q where q.name not like '\\_\\_%' order by 1`,
  );
  return rows.map((r) => ({ queue: r.queue, waiting: r.waiting, lastSuccess: r.last === null ? null : Number(r.last) }));
}

/** The last finished retention purge: what it removed or pseudonymised per kind (read from the database, so every instance reports it). */
async function readLastPurge(db: Db): Promise<OperationalState['retention']> {
  const [row] = await queryRows<{ finished: number; counts: Record<string, unknown> }>(
    db,
    sql`select extract(epoch from finished_at)::float8 as finished, counts from retention_purge_runs where finished_at is not null order by finished_at desc, id desc limit 1`,
  );
  if (!row) return null;
  return { finishedAt: Number(row.finished), counts: Object.entries(row.counts).map(([kind, n]) => ({ kind, count: Number(n) })) };
}
