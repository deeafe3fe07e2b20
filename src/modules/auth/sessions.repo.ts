import { and, eq, gt, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import { sessions } from '../../db/schema.js';

/** SQL for the sessions table (owned by the auth module). */

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findLiveSession(db: Db, idHash: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
  return row;
}

/** Deletes a session; returns the identity provider it was opened through (issue 21), if any. */
export async function deleteSession(db: Db, idHash: string): Promise<{ providerId: string; idToken: string } | null> {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.idHash, idHash))
    .returning({ providerId: sessions.oidcProvider, idToken: sessions.oidcIdToken });
  return row?.providerId && row.idToken ? { providerId: row.providerId, idToken: row.idToken } : null;
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptIdHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptIdHash ? sql`${sessions.idHash} <> ${exceptIdHash}` : undefined));
}

export async function touchSession(db: Db, idHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.idHash, idHash));
}

export async function clearContext(db: Db, idHash: string): Promise<void> {
  await db.update(sessions).set({ organisationId: null, domainId: null, role: null }).where(eq(sessions.idHash, idHash));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`with gone as (delete from sessions where expires_at < ${now.toISOString()}::timestamptz returning 1) select count(*)::int as n from gone`);
  return row?.n ?? 0;
}
