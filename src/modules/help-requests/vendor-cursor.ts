/**
 * Issue 20: the vendor list's cursor (R6.9, keyset paging). It names the last row a vendor has,
 * by its place in the list order (receipt date, filing instant to the microsecond, id; newest
 * first): opaque to the vendor, base64url of "receivedOn|filedAt|id". Pure (the request schema,
 * shared with the web build, checks it).
 */

/** Where a keyset page starts: after this row in the list order. */
export interface ListKey {
  receivedOn: string;
  filedAt: string;
  id: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

export function encodeCursor(key: ListKey): string {
  return btoa(`${key.receivedOn}|${key.filedAt}|${key.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The row a cursor names, or undefined when it is not one this API gives out. */
export function decodeCursor(cursor: string): ListKey | undefined {
  if (!BASE64URL.test(cursor) || cursor.length % 4 === 1) return undefined;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const [receivedOn, filedAt, id, ...rest] = text.split('|');
  if (rest.length > 0 || !receivedOn || !filedAt || !id) return undefined;
  if (!DATE.test(receivedOn) || Number.isNaN(Date.parse(`${receivedOn}T00:00:00Z`))) return undefined;
  if (!INSTANT.test(filedAt) || Number.isNaN(Date.parse(filedAt)) || !UUID.test(id)) return undefined;
  return { receivedOn, filedAt, id: id.toLowerCase() };
}
