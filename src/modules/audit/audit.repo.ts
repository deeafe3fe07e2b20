import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { auditLog, users } from '../../db/schema.js';

/** SQL for the append-only audit log (insert and read; there is no update or delete). */

export type AuditInsert = typeof auditLog.$inferInsert;

export async function insertAudit(db: Db, rows: AuditInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(auditLog).values(rows);
}

/** How many entries of one action one person caused since a moment (rate limits that hold across instances). */
export async function countByActorSince(db: Db, actorUserId: string, action: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.actorUserId, actorUserId), eq(auditLog.action, action), gte(auditLog.at, since)));
  return Number(row?.n ?? 0);
}

export interface AuditFilter {
  organisationId: string;
  domainId?: string;
  action?: string;
  subjectUserId?: string;
  from?: Date;
  to?: Date;
}

function where(f: AuditFilter): SQL {
  return and(
    eq(auditLog.organisationId, f.organisationId),
    f.domainId ? eq(auditLog.domainId, f.domainId) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.subjectUserId ? eq(auditLog.subjectUserId, f.subjectUserId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
  )!;
}

export async function listAudit(db: Db, f: AuditFilter, offset: number, limit: number) {
  const actor = sql<string | null>`(select u.username from users u where u.id = ${auditLog.actorUserId})`;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorUsername: actor,
      actorRole: auditLog.actorRole,
      organisationId: auditLog.organisationId,
      domainId: auditLog.domainId,
      action: auditLog.action,
      subjectUserId: auditLog.subjectUserId,
      subjectUsername: users.username,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.subjectUserId))
    .where(where(f))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where(f));
  return { rows, total: count?.n ?? 0 };
}
