import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { setupTokens } from '../../db/schema.js';

export async function insertSetupToken(db: Db, row: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.insert(setupTokens).values(row);
}

/** The person of a live (unused, unexpired) setup token. */
export async function findLiveSetupToken(db: Db, tokenHash: string, now: Date): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .select({ userId: setupTokens.userId })
    .from(setupTokens)
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)));
  return row;
}

/** Marks a live token used, in one statement: of two concurrent uses only one gets the person. */
export async function consumeSetupToken(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(setupTokens)
    .set({ usedAt: now })
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
    .returning({ userId: setupTokens.userId });
  return row?.userId;
}
