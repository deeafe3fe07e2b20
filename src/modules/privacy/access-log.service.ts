import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import type { Caller, Cell, ExportTable } from '../access/index.js';
import type { AccessChannel } from './access-log-channels.js';
import { accessActionLabel, accessChannelLabel, accessLogMessages } from './access-log-messages.js';
import { searchAccessEntries, type AccessFilter, type AccessLogRow } from './access-log.repo.js';
import { privacyOfficerOf } from './privacy-officer.js';

const msg = accessLogMessages.msg;

/** The officer's filter: by INSZ, by the person who read (a user id), by a period of business dates. */
export interface AccessQuery {
  insz?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  pageSize?: number;
}

export interface AccessLogItem {
  id: number;
  at: string;
  businessDate: string;
  organisation: string;
  actor: string;
  actorUserId: string | null;
  actorRole: string | null;
  channel: AccessChannel;
  action: string;
  objectKind: string;
  objectId: string | null;
  insz: string | null;
}

/** An export holds at most this many entries (newest first); the officer narrows the period for more. */
export const EXPORT_MAX_ROWS = 50_000;

/** The cursor is the last id of the previous page, base-10 text: nothing to forge beyond one's own organisation. */
function cursorOf(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,18}$/.test(cursor)) throw new AppError('validation', msg('privacy.access_log.cursor_invalid'), { cursor: msg('privacy.access_log.cursor_invalid') });
  return Number(cursor);
}

function checkPeriod(q: { from?: string; to?: string }) {
  if (q.from && q.to && q.from > q.to) throw new AppError('validation', msg('privacy.access_log.period_order'), { from: msg('privacy.access_log.period_order') });
}

/** How an entry names who read: the person (username and name), or the machine account. */
function actorOf(r: AccessLogRow): string {
  if (r.actorUsername) return `${r.actorUsername} (${r.actorName})`;
  return r.actorAccount ?? 'cli';
}

function itemOf(r: AccessLogRow): AccessLogItem {
  return {
    id: r.id,
    at: r.at.toISOString(),
    businessDate: r.businessDate,
    organisation: r.organisationKbo,
    actor: actorOf(r),
    actorUserId: r.actorUserId,
    actorRole: r.actorRole,
    channel: r.channel as AccessChannel,
    action: r.action,
    objectKind: r.objectKind,
    objectId: r.objectId,
    insz: r.insz,
  };
}

/** Issue 24: the data protection officer's search and export of its own organisation's access log, and the operator's search (CLI). */
export function createAccessLogService({ db, clock }: { db: Db; clock: Clock }) {
  /** The officer's organisation; throws forbidden for anyone without the application `privacy-officer` there. */
  const officerOrganisation = (caller: Caller): string => privacyOfficerOf(caller, msg('privacy.access_log.forbidden')).organisationId;

  function filterOf(organisationId: string | null, q: AccessQuery): AccessFilter {
    checkPeriod(q);
    return { organisationId, insz: q.insz, actorUserId: q.actorUserId, from: q.from, to: q.to, before: cursorOf(q.cursor) };
  }

  async function page(filter: AccessFilter, pageSize: number) {
    const rows = await searchAccessEntries(db, filter, pageSize + 1);
    const items = rows.slice(0, pageSize).map(itemOf);
    return { items, pageSize, nextCursor: rows.length > pageSize ? String(items[items.length - 1]!.id) : null };
  }

  return {
    /** A page of the officer's organisation's entries, newest first (keyset); throws forbidden without the application. */
    async search(caller: Caller, q: AccessQuery) {
      const organisationId = officerOrganisation(caller);
      return page(filterOf(organisationId, q), q.pageSize ?? 50);
    },

    /** The officer's search as a table for CSV/XLSX (at most EXPORT_MAX_ROWS entries); throws forbidden without the application. */
    async export(caller: Caller, q: Omit<AccessQuery, 'cursor' | 'pageSize'>): Promise<ExportTable> {
      const organisationId = officerOrganisation(caller);
      const rows = await searchAccessEntries(db, filterOf(organisationId, q), EXPORT_MAX_ROWS);
      const header = ['at', 'business_date', 'actor', 'role', 'channel', 'action', 'object', 'insz'] as const;
      return {
        basename: `toegangslog-${clock.today()}`,
        sheet: { nl: 'Toegangslog', fr: "Journal d'accès", de: 'Zugriffsprotokoll', en: 'Access log' },
        header: header.map((h) => msg(`privacy.access_log.col.${h}`)),
        rows: rows.map((r): Cell[] => {
          const i = itemOf(r);
          // Keys inside, text at the edges: the file shows the channel's and the action's label in the reader's language.
          return [i.at, i.businessDate, i.actor, i.actorRole ?? '', accessChannelLabel(i.channel), accessActionLabel(i.action), `${i.objectKind}${i.objectId ? ` ${i.objectId}` : ''}`, i.insz ?? ''];
        }),
        createdAt: clock.now(),
      };
    },

    /** The operator's search (CLI): every organisation, by INSZ and period, newest first. */
    async searchAll(q: Pick<AccessQuery, 'insz' | 'from' | 'to'>, limit = EXPORT_MAX_ROWS) {
      const rows = await searchAccessEntries(db, filterOf(null, q), limit);
      return rows.map((r) => ({ ...itemOf(r), organisationId: r.organisationId }));
    },
  };
}

export type AccessLogService = ReturnType<typeof createAccessLogService>;
