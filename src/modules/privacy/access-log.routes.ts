import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../shared/schema.js';
import { callerOf, renderTable, sendFile } from '../access/index.js';
import { AccessLogExportQuery, AccessLogPage, AccessLogQuery } from './access-log.schema.js';
import type { AccessLogService } from './access-log.service.js';

const TABLE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const tags = ['Privacy'];

/**
 * HTTP ↔ the access log (issue 24): the data protection officer's search and export of its own
 * organisation. A search or export is itself a read of citizens' data: it leaves one entry
 * (with the INSZ searched for, if any) — not one per row shown, or each search would grow the log it reads.
 */
export const accessLogRoutes: FastifyPluginAsyncZod<{ accessLog: AccessLogService }> = async (app, { accessLog }) => {
  app.get('/privacy/access-log', {
    config: { access: 'context' },
    schema: {
      tags,
      summary: "Search the organisation's access log by INSZ, reader or period, newest first (privacy-officer only)",
      querystring: AccessLogQuery,
      response: { 200: AccessLogPage, ...errors },
    },
  }, async (request) => {
    const page = await accessLog.search(callerOf(request), request.query);
    request.recordAccess({ action: 'access-log.search', objectKind: 'access-log', insz: request.query.insz ?? null });
    return page;
  });

  app.get('/privacy/access-log/export', {
    config: { access: 'context' },
    schema: {
      tags,
      summary: "The organisation's access log search as CSV or XLSX, formula-safe (privacy-officer only)",
      querystring: AccessLogExportQuery,
      produces: TABLE_TYPES,
      response: errors,
    },
  }, async (request, reply) => {
    const { format, lang, ...filter } = request.query;
    const file = await renderTable(await accessLog.export(callerOf(request), filter), format, lang ?? request.language);
    request.recordAccess({ action: 'access-log.export', objectKind: 'access-log', insz: filter.insz ?? null });
    return sendFile(reply, file);
  });
};
