import { eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../../db/db.js';
import { retentionPurgeRuns, retentionSettings } from '../../db/schema.js';
import type { RetentionKindCode } from './retention-rules.js';

/**
 * SQL of retention (issue 24): the settings, the purge runs, and per kind of data what has expired
 * and its removal. The purge is the one place that deletes from other modules' tables: it is the
 * storage limit over the whole portal, and a step per module would scatter one rule (the cut-off)
 * over nine repositories. Each step is one statement over at most `limit` rows (set-based, in
 * batches), on the business cut-off date: a timestamp has expired when its Brussels date lies
 * before the cut-off.
 */

/** The operator's changes (kinds without a row keep their default). */
export async function listOverrides(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ kind: retentionSettings.kind, days: retentionSettings.days }).from(retentionSettings);
  return new Map(rows.map((r) => [r.kind, r.days]));
}

export async function setOverride(db: Db, kind: string, days: number, by: string): Promise<void> {
  await db
    .insert(retentionSettings)
    .values({ kind, days, updatedBy: by })
    .onConflictDoUpdate({ target: retentionSettings.kind, set: { days, updatedBy: by, updatedAt: sql`now()` } });
}

/** Back to the default; whether there was a change to remove. */
export async function clearOverride(db: Db, kind: string): Promise<boolean> {
  const rows = await db.delete(retentionSettings).where(eq(retentionSettings.kind, kind)).returning({ kind: retentionSettings.kind });
  return rows.length > 0;
}

/** One table's part of a kind: its rows that have expired on cut-off `c` (`ts`: the cut-off's first instant). */
interface Step {
  table: string;
  /** The columns that name a row (a primary key), for the batch's `in (select … limit n)`. */
  key: string;
  expired: (c: string, ts: SQL) => SQL;
  /** An update instead of a delete (pseudonymisation). */
  set?: string;
  /** For the dry run, when the step's rows depend on an earlier step's deletions. */
  wouldExpire?: (c: string, ts: SQL) => SQL;
  /** A statement of its own instead of the generic delete: one that answers `n`, the rows removed. */
  purge?: (c: string, limit: number) => SQL;
}

const raw = sql.raw;
/** What a pseudonymised help request loses (the purge's and a citizen's erasure's one definition). */
export const PSEUDONYMISE_HELP_REQUEST = "surname = '', first_name = '', insz = null, email = null, phone = null, message = '', pseudonymised_at = now()";

/** What expires per kind, in the order the steps run (children before their parents). */
const STEPS: Record<RetentionKindCode, Step[]> = {
  'help-requests': [
    // The forwarding reasons are free text about the person: gone with the name.
    {
      table: 'help_request_events',
      key: 'id',
      set: 'reason = null',
      // Past its term whether or not the request is pseudonymised yet: the two steps take their batches
      // apart, so a request pseudonymised in one batch may keep events for the next (review, issue 24).
      expired: (c, ts) => sql`reason is not null and request_id in (select id from help_requests where ${helpRequestPastTerm(c, ts)})`,
    },
    { table: 'help_requests', key: 'id', set: PSEUDONYMISE_HELP_REQUEST, expired: (c, ts) => helpRequestExpired(c, ts) },
  ],
  // Queued and sending mails wait for delivery, whatever their age.
  mails: [{ table: 'mails', key: 'id', expired: (_c, ts) => sql`status in ('sent', 'failed', 'outbox') and created_at < ${ts}` }],
  sessions: [
    { table: 'sessions', key: 'id_hash', expired: (_c, ts) => sql`expires_at < ${ts}` },
    { table: 'oidc_transactions', key: 'state_hash', expired: (_c, ts) => sql`expires_at < ${ts}` },
  ],
  'ebox-documents': [{ table: 'ebox_documents', key: 'id', expired: (_c, ts) => sql`received_at < ${ts}` }],
  mutations: [
    { table: 'mutation_deliveries', key: 'mutation_id, organisation_id', expired: (c) => sql`batch_date < ${c}::date` },
    {
      table: 'mutations',
      key: 'id',
      expired: (_c, ts) => sql`received_at < ${ts} and not exists (select 1 from mutation_deliveries d where d.mutation_id = mutations.id)`,
      wouldExpire: (c, ts) => sql`received_at < ${ts} and not exists (select 1 from mutation_deliveries d where d.mutation_id = mutations.id and d.batch_date >= ${c}::date)`,
    },
  ],
  'channel-uploads': [{ table: 'channel_uploads', key: 'id', expired: (_c, ts) => sql`received_at < ${ts}` }],
  'dossier-forms': [
    { table: 'dossier_forms', key: 'id', expired: (c) => formExpired(c) },
    // A dossier goes with its last form once it was closed before the cut-off; an open dossier stays (mutations are routed by it).
    {
      table: 'dossiers',
      key: 'id',
      expired: (c) => sql`closed_on < ${c}::date and not exists (select 1 from dossier_forms f where f.dossier_id = dossiers.id)`,
      wouldExpire: (c) => sql`closed_on < ${c}::date and not exists (select 1 from dossier_forms f where f.dossier_id = dossiers.id and not (${formExpired(c)}))`,
    },
  ],
  'access-log': [
    // Through access_log_purge (migration 0028, SECURITY DEFINER): the portal's role needs no DELETE on the access log.
    // The function never removes an entry written less than 3,650 days ago (the minimum), whatever the cut-off: the dry run counts the same.
    { table: 'access_log', key: 'id', expired: (c) => sql`business_date < ${c}::date and at < now() - interval '3650 days'`, purge: (c, limit) => sql`select access_log_purge(${c}::date, ${limit}::int) as n` },
    // The register of citizens' requests (migration 0028) holds the INSZ with the officer's reason: kept as long as the access log,
    // append-only like it (migration 0031) and purged the same way, through subject_requests_purge with the same 3,650-day floor.
    {
      table: 'subject_requests',
      key: 'id',
      expired: (c) => sql`business_date < ${c}::date and at < now() - interval '3650 days'`,
      purge: (c, limit) => sql`select subject_requests_purge(${c}::date, ${limit}::int) as n`,
    },
  ],
  'login-throttles': [{ table: 'login_throttles', key: 'key', expired: (_c, ts) => sql`last_attempt_at < ${ts}` }],
};

function helpRequestPastTerm(c: string, ts: SQL): SQL {
  return sql`(case when decided_at is not null then decided_at < ${ts} else received_on < ${c}::date end)`;
}

function helpRequestExpired(c: string, ts: SQL): SQL {
  return sql`pseudonymised_at is null and ${helpRequestPastTerm(c, ts)}`;
}

function formExpired(c: string): SQL {
  return sql`coalesce(end_date, (stopped_at at time zone 'Europe/Brussels')::date) < ${c}::date`;
}

const cutoffInstant = (c: string): SQL => sql`(${c}::date)::timestamp at time zone 'Europe/Brussels'`;
const Count = z.object({ n: z.coerce.number().int() });

/** How many rows of the kind have expired on cut-off `c` (what the purge would remove now). */
export async function countExpired(db: Db, kind: RetentionKindCode, c: string): Promise<number> {
  let total = 0;
  for (const step of STEPS[kind]) {
    // A pseudonymisation of dependent rows (the events' reasons) is part of its request: not counted apart.
    if (step.set && step.table !== 'help_requests') continue;
    const where = (step.wouldExpire ?? step.expired)(c, cutoffInstant(c));
    const [row] = await queryRows<unknown>(db, sql`select count(*)::int as n from ${raw(step.table)} where ${where}`);
    total += Count.parse(row).n;
  }
  return total;
}

/**
 * Removes (or pseudonymises) at most `limit` expired rows of one step of the kind; the rows
 * changed per step, in order. Call it until every step returns less than `limit`. The access log
 * and the register of citizens' requests refuse a DELETE unless the transaction says it is the purge
 * (migrations 0025, 0031): their steps call access_log_purge (0028) and subject_requests_purge (0031),
 * which set that flag for their own statement only.
 */
export async function purgeBatch(tx: Db, kind: RetentionKindCode, c: string, limit: number): Promise<{ counted: number; changed: number[] }> {
  const changed: number[] = [];
  let counted = 0;
  for (const step of STEPS[kind]) {
    const pick = sql`(${raw(step.key)}) in (select ${raw(step.key)} from ${raw(step.table)} where ${step.expired(c, cutoffInstant(c))} limit ${limit})`;
    const statement = step.purge
      ? step.purge(c, limit)
      : step.set
      ? sql`with changed as (update ${raw(step.table)} set ${raw(step.set)} where ${pick} returning 1) select count(*)::int as n from changed`
      : sql`with changed as (delete from ${raw(step.table)} where ${pick} returning 1) select count(*)::int as n from changed`;
    const [row] = await queryRows<unknown>(tx, statement);
    const n = Count.parse(row).n;
    changed.push(n);
    if (!step.set || step.table === 'help_requests') counted += n;
  }
  return { counted, changed };
}

/** Claims the daily job's run of a business date; undefined when another instance (or an earlier run) has it. */
export async function claimJobRun(db: Db, businessDate: string, instance: string): Promise<number | undefined> {
  const rows = await db
    .insert(retentionPurgeRuns)
    .values({ businessDate, trigger: 'job', instance })
    .onConflictDoNothing()
    .returning({ id: retentionPurgeRuns.id });
  return rows[0]?.id;
}

/** A run from the CLI (any number a day). */
export async function insertCliRun(db: Db, businessDate: string, instance: string): Promise<number> {
  const [row] = await db.insert(retentionPurgeRuns).values({ businessDate, trigger: 'cli', instance }).returning({ id: retentionPurgeRuns.id });
  return row!.id;
}

export async function finishRun(db: Db, id: number, counts: Record<string, number>): Promise<void> {
  await db.update(retentionPurgeRuns).set({ finishedAt: sql`now()`, counts }).where(eq(retentionPurgeRuns.id, id));
}
