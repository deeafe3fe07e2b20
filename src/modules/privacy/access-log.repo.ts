import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { accessLog, organisations, users } from '../../db/schema.js';

/** SQL for the append-only access log (insert and read; only the retention purge deletes). */

export type AccessRow = typeof accessLog.$inferInsert;

/** Writes a batch of entries in one statement (one multi-row INSERT, never a row per round trip). */
export async function insertAccessEntries(db: Db, rows: AccessRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(accessLog).values(rows);
}

export interface AccessFilter {
  /** Null only for the operator's CLI, which searches every organisation. */
  organisationId: string | null;
  insz?: string;
  actorUserId?: string;
  /** Business dates, both included. */
  from?: string;
  to?: string;
  /** Keyset: only entries older than this id (the previous page's last). */
  before?: number;
}

function where(f: AccessFilter): SQL | undefined {
  return and(
    f.organisationId ? eq(accessLog.organisationId, f.organisationId) : undefined,
    f.insz ? eq(accessLog.insz, f.insz) : undefined,
    f.actorUserId ? eq(accessLog.actorUserId, f.actorUserId) : undefined,
    f.from ? gte(accessLog.businessDate, f.from) : undefined,
    f.to ? lte(accessLog.businessDate, f.to) : undefined,
    f.before ? lt(accessLog.id, f.before) : undefined,
  );
}

export interface AccessLogRow {
  id: number;
  at: Date;
  businessDate: string;
  organisationId: string;
  organisationKbo: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorAccount: string | null;
  channel: string;
  action: string;
  objectKind: string;
  objectId: string | null;
  insz: string | null;
}

/** Entries newest first (keyset on id), at most `limit`. */
export async function searchAccessEntries(db: Db, f: AccessFilter, limit: number): Promise<AccessLogRow[]> {
  return db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      businessDate: accessLog.businessDate,
      organisationId: accessLog.organisationId,
      organisationKbo: organisations.kbo,
      actorUserId: accessLog.actorUserId,
      actorUsername: users.username,
      actorName: sql<string | null>`case when ${users.id} is null then null else ${users.firstName} || ' ' || ${users.surname} end`,
      actorRole: accessLog.actorRole,
      actorAccount: accessLog.actorAccount,
      channel: accessLog.channel,
      action: accessLog.action,
      objectKind: accessLog.objectKind,
      objectId: accessLog.objectId,
      insz: accessLog.insz,
    })
    .from(accessLog)
    .innerJoin(organisations, eq(organisations.id, accessLog.organisationId))
    .leftJoin(users, eq(users.id, accessLog.actorUserId))
    .where(where(f))
    .orderBy(desc(accessLog.id))
    .limit(limit);
}
