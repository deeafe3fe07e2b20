import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { pgArray } from '../../db/arrays.js';
import { queryRows, type Db } from '../../db/db.js';
import { mails } from '../../db/schema.js';

/** SQL for the mails table (every mail the system sends, with its delivery status). */

export type MailRow = typeof mails.$inferSelect;

export async function insertMail(db: Db, row: typeof mails.$inferInsert): Promise<MailRow> {
  const [r] = await db.insert(mails).values(row).returning();
  return r!;
}

/** Issue 20: several mails in one statement (a batch of citizen submissions); rows in the order given. */
export async function insertMails(db: Db, rows: (typeof mails.$inferInsert)[]): Promise<MailRow[]> {
  return rows.length ? db.insert(mails).values(rows).returning() : [];
}

/**
 * How many mails of a kind went to each address (case-insensitive) since a moment, in one
 * statement; keyed by the lower-case address.
 * Each address is counted up to `cap` (the caller's limit): beyond it the number changes nothing,
 * and one address with many mails costs no more than the limit (a range of the index mails_to).
 */
export async function countMailsToEach(db: Db, kind: string, addresses: string[], since: Date, cap: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (addresses.length === 0) return counts;
  const lowered = [...new Set(addresses.map((a) => a.toLowerCase()))];
  const rows = await queryRows<{ to: string; n: number }>(
    db,
    sql`select a.address as "to", (select count(*)::int from (select 1 from mails m
              where m.kind = ${kind} and lower(m.to_address) = a.address and m.created_at >= ${since.toISOString()}::timestamptz
              limit ${Math.max(0, Math.floor(cap))}) x) as n
        from unnest(${pgArray(lowered, 'text')}) as a(address)`,
  );
  for (const r of rows) if (r.n > 0) counts.set(r.to, Number(r.n));
  return counts;
}

/** When the newest mail of a kind about an organisation was recorded (issue 19: one alert a day); undefined: never. */
export async function lastMailAbout(db: Db, kind: string, organisationId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: sql<string | null>`max(${mails.createdAt})::text` })
    .from(mails)
    .where(and(eq(mails.kind, kind), eq(mails.organisationId, organisationId)));
  return row?.at ? new Date(row.at) : undefined;
}

export async function updateMail(db: Db, id: string, fields: Partial<typeof mails.$inferInsert>): Promise<void> {
  await db.update(mails).set(fields).where(eq(mails.id, id));
}

export async function listMails(db: Db, offset: number, limit: number) {
  const rows = await db.select().from(mails).orderBy(desc(mails.createdAt)).limit(limit).offset(offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(mails);
  return { rows, total: count?.n ?? 0 };
}

/** Whether the mail still exists and is being sent (an erasure deletes a citizen's mails, issue 24). */
export async function isSending(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: mails.id }).from(mails).where(and(eq(mails.id, id), eq(mails.status, 'sending')));
  return row !== undefined;
}

/**
 * Takes one queued mail for sending: only one process gets it (status queued → sending, in one
 * statement). Undefined when another process has it already or it is no longer queued.
 */
export async function claimMail(db: Db, id: string, now: Date): Promise<MailRow | undefined> {
  const [row] = await db
    .update(mails)
    .set({ status: 'sending', claimedAt: now })
    .where(and(eq(mails.id, id), eq(mails.status, 'queued')))
    .returning();
  return row;
}

/**
 * Takes the mails that a stopped process left behind, oldest first: queued ones recorded before
 * `queuedBefore` (never taken), and ones taken before `claimedBefore` and never finished. Rows
 * another process is taking at the same moment are skipped (SKIP LOCKED).
 */
export async function claimStale(db: Db, queuedBefore: Date, claimedBefore: Date, now: Date, limit: number): Promise<MailRow[]> {
  const stale = db
    .select({ id: mails.id })
    .from(mails)
    .where(
      or(
        // Queued and left behind, or waiting for its next attempt after a transient failure (due now).
        and(eq(mails.status, 'queued'), lt(mails.createdAt, queuedBefore), or(isNull(mails.nextAttemptAt), lte(mails.nextAttemptAt, now))),
        and(eq(mails.status, 'sending'), lt(mails.claimedAt, claimedBefore)),
      ),
    )
    .orderBy(asc(mails.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db.update(mails).set({ status: 'sending', claimedAt: now }).where(inArray(mails.id, stale)).returning();
}

/** Permanent delivery failures of the mails to one organisation, newest first. */
export async function listFailedMails(db: Db, organisationId: string) {
  return db
    .select({ id: mails.id, kind: mails.kind, to: mails.toAddress, subject: mails.subject, createdAt: mails.createdAt, lastError: mails.lastError })
    .from(mails)
    .where(and(eq(mails.organisationId, organisationId), eq(mails.status, 'failed')))
    .orderBy(desc(mails.createdAt))
    .limit(50);
}

/** An administrator's resend of a failed mail: queued again with a new retry window; undefined when it is not failed. */
export async function requeueFailed(db: Db, id: string, retryUntil: Date): Promise<MailRow | undefined> {
  const [row] = await db
    .update(mails)
    .set({ status: 'queued', nextAttemptAt: null, retryUntil, claimedAt: null })
    .where(and(eq(mails.id, id), eq(mails.status, 'failed')))
    .returning();
  return row;
}
