/**
 * Issue 24: the contracts of the access log's search and export (isomorphic: the web page uses them).
 */
import { z } from 'zod';
import { Insz, IsoDate, Language } from '../../shared/schema.js';
import { ACCESS_CHANNELS } from './access-log-channels.js';

export const AccessLogQuery = z.strictObject({
  insz: Insz.optional().describe('Only reads of this national number (INSZ; dots and dash allowed)'),
  actorUserId: z.uuid().optional().describe('Only reads by this person (their user id)'),
  from: IsoDate.optional().describe('First business date, included'),
  to: IsoDate.optional().describe('Last business date, included'),
  cursor: z.string().max(20).optional().describe("The previous page's nextCursor: the page after its last entry"),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('Entries per page (1–200, default 50)'),
}).meta({ description: 'Search of the access log: every filter optional, combined with AND.' });

export const AccessLogExportQuery = AccessLogQuery.omit({ cursor: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).describe('CSV (UTF-8, ";") or XLSX'),
  lang: Language.optional().describe("The headers' language (default: the reader's)"),
});

export const AccessLogItem = z.object({
  id: z.number().int(),
  at: z.string().describe('When it was read (ISO 8601, UTC)'),
  businessDate: z.string().describe("The business clock's date of the read"),
  organisation: z.string().describe('KBO number of the OCMW whose data was read'),
  actor: z.string().describe('Who read: username (name), or the machine account'),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  channel: z.enum(ACCESS_CHANNELS),
  action: z.string().describe('e.g. help-request.read, dossier.read, users.export'),
  objectKind: z.string(),
  objectId: z.string().nullable(),
  insz: z.string().nullable(),
}).meta({ id: 'AccessLogItem', description: 'One read of a citizen’s data (issue 24).' });

export const AccessLogPage = z.object({
  items: z.array(AccessLogItem),
  pageSize: z.number().int(),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null after the last'),
}).meta({ id: 'AccessLogPage', description: 'A page of the access log, newest first (keyset).' });

export type AccessLogItemT = z.infer<typeof AccessLogItem>;
