import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { oidcIdentities, oidcTransactions } from '../../db/schema.js';

/** SQL for sign-ins through an identity provider (issue 21; owned by the auth module). */

export type OidcTransactionRow = typeof oidcTransactions.$inferSelect;

export async function insertTransaction(db: Db, row: typeof oidcTransactions.$inferInsert): Promise<void> {
  await db.insert(oidcTransactions).values(row);
}

/** Removes and returns the live transaction of a state: one callback per state, whatever it brings. */
export async function takeTransaction(db: Db, stateHash: string, now: Date): Promise<OidcTransactionRow | undefined> {
  const [row] = await db.delete(oidcTransactions).where(eq(oidcTransactions.stateHash, stateHash)).returning();
  return row && row.expiresAt > now ? row : undefined;
}

export async function deleteExpiredTransactions(db: Db, now: Date): Promise<void> {
  await db.delete(oidcTransactions).where(lt(oidcTransactions.expiresAt, now));
}

export async function findIdentity(db: Db, providerId: string, subject: string): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: oidcIdentities.userId })
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.providerId, providerId), eq(oidcIdentities.subject, subject)));
  return row?.userId;
}

/** Links (or re-links) a provider's subject to a person and notes the sign-in. */
export async function linkIdentity(db: Db, row: { providerId: string; subject: string; userId: string; now: Date }): Promise<void> {
  await db
    .insert(oidcIdentities)
    .values({ providerId: row.providerId, subject: row.subject, userId: row.userId, linkedAt: row.now, lastSignInAt: row.now })
    .onConflictDoUpdate({
      target: [oidcIdentities.providerId, oidcIdentities.subject],
      set: {
        userId: row.userId,
        lastSignInAt: row.now,
        linkedAt: sql`case when ${oidcIdentities.userId} = ${row.userId} then ${oidcIdentities.linkedAt} else ${row.now.toISOString()}::timestamptz end`,
      },
    });
}
