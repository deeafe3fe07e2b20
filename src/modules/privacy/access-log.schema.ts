/**
 * Issue 24: the contracts of the access log's search and export (isomorphic: the web page uses them).
 */
import { z } from 'zod';
import { Insz, IsoDate, Language } from '../../shared/schema.js';
import { ACCESS_CHANNELS } from './access-log-channels.js';

const filters = {
  actorUserId: z.uuid().optional().describe('Only reads by this person (their user id)'),
  from: IsoDate.optional().describe('First business date, included'),
  to: IsoDate.optional().describe('Last business date, included'),
};
const paging = {
  cursor: z.string().max(20).optional().describe("The previous page's nextCursor: the page after its last entry"),
};
const inszFilter = Insz.optional().describe('Only reads of this national number (INSZ; dots and dash allowed)');

/**
 * The GET search: by reader and period only. The INSZ never travels in a URL (URLs reach logs and
 * browser history): `insz` in the query string is refused with 400 naming the field; search by INSZ
 * with POST /privacy/access-log/search.
 */
export const AccessLogQuery = z.strictObject({
  ...filters,
  ...paging,
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('Entries per page (1–200, default 50)'),
}).meta({ description: 'Search of the access log by reader and period (every filter optional, combined with AND); the INSZ only in POST /privacy/access-log/search.' });

const SEARCH_EXAMPLE = { insz: '85073003328', from: '2026-01-01', to: '2026-12-31', pageSize: 50 };

export const AccessLogSearchBody = z.strictObject({
  insz: inszFilter,
  ...filters,
  ...paging,
  pageSize: z.number().int().min(1).max(200).default(50).describe('Entries per page (1–200, default 50)'),
}).meta({ id: 'AccessLogSearch', description: 'Search of the access log: every filter optional, combined with AND. The INSZ is in the body, never in a URL.', examples: [SEARCH_EXAMPLE] });

export const AccessLogExportBody = z.strictObject({
  insz: inszFilter,
  ...filters,
  format: z.enum(['csv', 'xlsx']).describe('CSV (UTF-8, ";") or XLSX'),
  lang: Language.optional().describe("The headers' and labels' language (default: the reader's)"),
}).meta({ id: 'AccessLogExport', description: 'The search as a CSV or XLSX file (at most 50,000 entries, newest first).', examples: [{ insz: '85073003328', from: '2026-01-01', format: 'csv', lang: 'nl' }] });

export const AccessLogItem = z.object({
  id: z.number().int(),
  at: z.string().meta({ format: 'date-time', description: 'When it was read (ISO 8601, UTC)' }),
  businessDate: z.string().meta({ format: 'date', description: "The business clock's date of the read (YYYY-MM-DD)" }),
  organisation: z.string().describe('KBO number of the OCMW whose data was read'),
  actor: z.string().describe('Who read: username (name), or the machine account'),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  channel: z.enum(ACCESS_CHANNELS),
  action: z.string().describe('e.g. help-request.read, dossier.read, users.export'),
  objectKind: z.string(),
  objectId: z.string().nullable(),
  insz: z.string().nullable(),
}).meta({
  id: 'AccessLogItem',
  description: 'One read of a citizen’s data (issue 24).',
  examples: [{ id: 4711, at: '2026-03-02T09:15:00.000Z', businessDate: '2026-03-02', organisation: '0212235604', actor: 'an.peeters (An Peeters)', actorUserId: '3f1c2a9e-8d7b-4c6a-9e5f-0a1b2c3d4e5f', actorRole: 'USER', channel: 'portal', action: 'help-request.read', objectKind: 'help-request', objectId: '6b8e2f10-4c3d-4a5b-8c7d-9e0f1a2b3c4d', insz: '85073003328' }],
});

export const AccessLogPage = z.object({
  items: z.array(AccessLogItem),
  pageSize: z.number().int(),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null after the last'),
}).meta({ id: 'AccessLogPage', description: 'A page of the access log, newest first (keyset).' });

export type AccessLogItemT = z.infer<typeof AccessLogItem>;
