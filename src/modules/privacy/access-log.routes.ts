import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../shared/errors.js';
import { ErrorResponse } from '../../shared/schema.js';
import { callerOf, renderTable, sendFile } from '../access/index.js';
import { accessLogMessages } from './access-log-messages.js';
import { AccessLogExportBody, AccessLogPage, AccessLogQuery, AccessLogSearchBody } from './access-log.schema.js';
import type { AccessLogService, AccessQuery } from './access-log.service.js';

const TABLE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const tags = ['Privacy'];

/**
 * HTTP ↔ the access log (issue 24): the data protection officer's search and export of its own
 * organisation. A search or export is itself a read of citizens' data: it leaves one entry
 * (with the INSZ searched for, if any) — not one per row shown, or each search would grow the log it reads.
 * The INSZ travels only in a POST body: a URL reaches the request log, proxies and browser history.
 */
export const accessLogRoutes: FastifyPluginAsyncZod<{ accessLog: AccessLogService }> = async (app, { accessLog }) => {
  /** The officer's search, and its one entry (with the INSZ searched for, if any). */
  async function search(request: FastifyRequest, q: AccessQuery) {
    const page = await accessLog.search(callerOf(request), q);
    request.recordAccess({ action: 'access-log.search', objectKind: 'access-log', insz: q.insz ?? null });
    return page;
  }

  app.get('/privacy/access-log', {
    config: { access: 'context' },
    // Before the schema's check, so that the answer names the field and says where the INSZ goes.
    preValidation: async (request) => {
      if ((request.query as Record<string, unknown> | undefined)?.insz !== undefined) {
        const why = accessLogMessages.msg('privacy.access_log.insz_in_url');
        throw new AppError('validation', why, { insz: why });
      }
    },
    schema: {
      tags,
      summary: "Search the organisation's access log by reader or period, newest first (privacy-officer only); by INSZ: POST /privacy/access-log/search",
      querystring: AccessLogQuery,
      response: { 200: AccessLogPage, ...errors },
    },
  }, async (request) => search(request, request.query));

  app.post('/privacy/access-log/search', {
    config: { access: 'context' },
    schema: {
      tags,
      summary: "Search the organisation's access log by INSZ, reader or period, newest first (privacy-officer only; the INSZ in the body)",
      body: AccessLogSearchBody,
      response: { 200: AccessLogPage, ...errors },
    },
  }, async (request) => search(request, request.body));

  app.post('/privacy/access-log/export', {
    config: { access: 'context' },
    schema: {
      tags,
      summary: "The organisation's access log search as CSV or XLSX, formula-safe, channels and actions in the reader's language (privacy-officer only)",
      body: AccessLogExportBody,
      produces: TABLE_TYPES,
      response: errors,
    },
  }, async (request, reply) => {
    const { format, lang, ...filter } = request.body;
    const file = await renderTable(await accessLog.export(callerOf(request), filter), format, lang ?? request.language);
    request.recordAccess({ action: 'access-log.export', objectKind: 'access-log', insz: filter.insz ?? null });
    return sendFile(reply, file);
  });
};
