import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { pgArray } from '../../db/arrays.js';
import type { Db } from '../../db/db.js';
import { accessLog, organisations, users } from '../../db/schema.js';

/** SQL for the append-only access log (insert and read; only the retention purge deletes). */

export type AccessRow = typeof accessLog.$inferInsert;

/**
 * Writes a batch of entries in one statement: one INSERT … SELECT from `unnest` of a column array
 * each (11 parameters whatever the batch's size). Drizzle's multi-row `values()` binds one
 * parameter per value and costs more CPU than the write itself at thousands of rows a second
 * (issue 20's vendor poll: a page of 20 is 20 entries).
 */
export async function insertAccessEntries(db: Db, rows: AccessRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (r: AccessRow) => T) => rows.map(pick);
  await db.execute(sql`insert into access_log (at, business_date, organisation_id, actor_user_id, actor_role, actor_account, channel, action, object_kind, object_id, insz)
    select * from unnest(
      ${pgArray(column((r) => (r.at instanceof Date ? r.at.toISOString() : (r.at ?? new Date().toISOString()))), 'timestamptz')},
      ${pgArray(column((r) => r.businessDate), 'date')},
      ${pgArray(column((r) => r.organisationId), 'uuid')},
      ${pgArray(column((r) => r.actorUserId), 'uuid')},
      ${pgArray(column((r) => r.actorRole), 'text')},
      ${pgArray(column((r) => r.actorAccount), 'text')},
      ${pgArray(column((r) => r.channel), 'text')},
      ${pgArray(column((r) => r.action), 'text')},
      ${pgArray(column((r) => r.objectKind), 'text')},
      ${pgArray(column((r) => r.objectId), 'text')},
      ${pgArray(column((r) => r.insz), 'bpchar')})`);
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
