import type { Db } from '../../db/db.js';
import * as repo from './audit.repo.js';

export interface AuditEntry {
  actorUserId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  domainId: string | null;
  action: string;
  subjectUserId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditQuery {
  organisationId: string;
  domainId?: string;
  action?: string;
  subjectUserId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The audit log (R2.12): every module records its changes here, inside its own transaction. */
export function createAuditService({ db }: { db: Db }) {
  return {
    /** Appends entries using the caller's transaction, so an entry exists exactly when its change does. */
    async record(tx: Db, entries: AuditEntry | AuditEntry[]): Promise<void> {
      const list = Array.isArray(entries) ? entries : [entries];
      await repo.insertAudit(
        tx,
        list.map((e) => ({
          actorUserId: e.actorUserId,
          actorRole: e.actorRole,
          organisationId: e.organisationId,
          domainId: e.domainId,
          action: e.action,
          subjectUserId: e.subjectUserId ?? null,
          before: e.before ?? null,
          after: e.after ?? null,
        })),
      );
    },

    /** How many entries of `action` the person caused since `since`. */
    countByActorSince(actorUserId: string, action: string, since: Date): Promise<number> {
      return repo.countByActorSince(db, actorUserId, action, since);
    },

    /** Pages through an organisation's (or one domain's) entries, newest first. */
    async list(q: AuditQuery) {
      const { rows, total } = await repo.listAudit(
        db,
        {
          organisationId: q.organisationId,
          domainId: q.domainId,
          action: q.action,
          subjectUserId: q.subjectUserId,
          from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
          to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
        },
        (q.page - 1) * q.pageSize,
        q.pageSize,
      );
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
