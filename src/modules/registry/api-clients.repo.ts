import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { apiClients } from '../../db/schema.js';

/** SQL for institutions' machine credentials. */

export async function insertApiClient(db: Db, row: { organisationId: string; name: string; tokenHash: string }) {
  const [r] = await db.insert(apiClients).values(row).returning({ id: apiClients.id });
  return r!.id;
}

export async function findActiveClient(db: Db, tokenHash: string) {
  const [r] = await db
    .select({ id: apiClients.id, organisationId: apiClients.organisationId, name: apiClients.name })
    .from(apiClients)
    .where(and(eq(apiClients.tokenHash, tokenHash), isNull(apiClients.revokedAt)));
  return r;
}
