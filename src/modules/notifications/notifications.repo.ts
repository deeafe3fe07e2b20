import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { mails } from '../../db/schema.js';

/** SQL for the mails table (every mail the system sends, with its delivery status). */

export type MailRow = typeof mails.$inferSelect;

export async function insertMail(db: Db, row: typeof mails.$inferInsert): Promise<MailRow> {
  const [r] = await db.insert(mails).values(row).returning();
  return r!;
}

export async function updateMail(db: Db, id: string, fields: Partial<typeof mails.$inferInsert>): Promise<void> {
  await db.update(mails).set(fields).where(eq(mails.id, id));
}

export async function listMails(db: Db, offset: number, limit: number) {
  const rows = await db.select().from(mails).orderBy(desc(mails.createdAt)).limit(limit).offset(offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(mails);
  return { rows, total: count?.n ?? 0 };
}

/** Mails still queued that were recorded before `before` (their process stopped before sending), oldest first. */
export async function listStaleQueued(db: Db, before: Date, limit: number): Promise<MailRow[]> {
  return db.select().from(mails).where(and(eq(mails.status, 'queued'), lt(mails.createdAt, before))).orderBy(asc(mails.createdAt)).limit(limit);
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
