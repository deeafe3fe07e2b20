import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { apiClientUses, apiClients, organisations } from '../../db/schema.js';

/** SQL for institutions' machine credentials and the record of their uses. */

export async function insertApiClient(db: Db, row: { organisationId: string; name: string; tokenHash: string; scopes: string[]; expiresAt: Date | null }) {
  const [r] = await db.insert(apiClients).values(row).returning({ id: apiClients.id });
  return r!.id;
}

/** The token's client when it is neither revoked nor expired at `now`. */
export async function findActiveClient(db: Db, tokenHash: string, now: Date) {
  const [r] = await db
    .select({ id: apiClients.id, organisationId: apiClients.organisationId, name: apiClients.name, scopes: apiClients.scopes })
    .from(apiClients)
    .where(and(eq(apiClients.tokenHash, tokenHash), isNull(apiClients.revokedAt), or(isNull(apiClients.expiresAt), gt(apiClients.expiresAt, now))));
  return r;
}

export async function insertUse(db: Db, row: { clientId: string; method: string; route: string; at: Date }): Promise<void> {
  await db.insert(apiClientUses).values(row);
}

/** Every token (never its hash), newest first, with its use count and last use; of one organisation when given. */
export async function listClients(db: Db, organisationId?: string) {
  return db
    .select({
      id: apiClients.id,
      kbo: organisations.kbo,
      name: apiClients.name,
      scopes: apiClients.scopes,
      createdAt: apiClients.createdAt,
      expiresAt: apiClients.expiresAt,
      revokedAt: apiClients.revokedAt,
      uses: sql<number>`(select count(*)::int from api_client_uses u where u.client_id = ${apiClients.id})`,
      lastUsedAt: sql<string | null>`(select to_char(max(u.at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from api_client_uses u where u.client_id = ${apiClients.id})`,
    })
    .from(apiClients)
    .innerJoin(organisations, eq(organisations.id, apiClients.organisationId))
    .where(organisationId ? eq(apiClients.organisationId, organisationId) : undefined)
    .orderBy(desc(apiClients.createdAt), apiClients.id);
}

/** Revokes a token; false when there is no such token or it was revoked already. */
export async function revokeClient(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db.update(apiClients).set({ revokedAt: at }).where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt))).returning({ id: apiClients.id });
  return rows.length > 0;
}
