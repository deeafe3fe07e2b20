import { createHash } from 'node:crypto';
import type { Db } from '../../db/db.js';
import * as repo from './help-requests.repo.js';
import { decodeCursor, encodeCursor } from './vendor-cursor.js';

/**
 * Issue 20: the vendor list's keyset paging and entity tags (R6.9). Vendor software polls "what
 * is new"; a cursor (vendor-cursor.ts) names the last row it has, so the next page is read from
 * there in the index, and a page is never shifted by requests filed meanwhile. An ETag (of the
 * page's content) lets an unchanged poll be answered 304 without a body.
 */

/** A strong entity tag of a body: the same bytes, the same tag. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header matches the tag (a list, weak tags compared weakly, or *). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * The organisations each OCMW sees on a date (R6.7), reused for `ms` by the vendor list: they
 * change only with a merger (planned ahead; the date is in the key), so a list does not work
 * them out again at every poll.
 */
export function visibleSets(db: Db, now: () => number, ms: number) {
  const known = new Map<string, { until: number; ids: Promise<string[]> }>();
  return (organisationId: string, date: string): Promise<string[]> => {
    const key = `${organisationId}|${date}`;
    const t = now();
    const hit = known.get(key);
    if (hit && hit.until > t) return hit.ids;
    if (known.size >= 1_000) known.clear();
    const ids = repo.visibleOrganisationIds(db, organisationId, date);
    known.set(key, { until: t + ms, ids });
    ids.catch(() => known.get(key)?.ids === ids && known.delete(key));
    return ids;
  };
}

/** The page's next cursor: after its last row, when there may be more. */
export function nextCursorOf(rows: repo.KeyedSummaryRow[], more: boolean): string | null {
  const last = rows.at(-1);
  return more && last ? encodeCursor({ receivedOn: last.receivedOn, filedAt: last.filedAtKey, id: last.id }) : null;
}

export interface VendorRowsQuery {
  page: number;
  pageSize: number;
  unread?: boolean;
  since?: string;
  cursor?: string;
}

/**
 * The rows of a vendor list page. With a cursor: the keyset page after it, without a total (one
 * range of the index, however deep). Without: the numbered page with its total, as before. Both
 * give the cursor of their last row when more may follow.
 */
export async function readVendorRows(db: Db, visibleOf: (organisationId: string, date: string) => Promise<string[]>, organisationId: string, today: string, q: VendorRowsQuery) {
  const filter = { status: q.unread ? ('unread' as const) : undefined, since: q.since };
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (after) {
    const found = await repo.listRequestsAfter(db, await visibleOf(organisationId, today), today, filter, after, q.pageSize + 1);
    const rows = found.slice(0, q.pageSize);
    return { rows, nextCursor: nextCursorOf(rows, found.length > q.pageSize) };
  }
  const offset = (q.page - 1) * q.pageSize;
  const { rows, total } = await repo.listRequests(db, organisationId, today, filter, offset, q.pageSize, await visibleOf(organisationId, today));
  return { rows, total, page: q.page, nextCursor: nextCursorOf(rows, offset + rows.length < total) };
}
