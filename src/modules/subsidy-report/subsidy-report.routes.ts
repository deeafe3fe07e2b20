import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rendered } from '../../http/localize.js';
import { ErrorResponse } from '../../shared/schema.js';
import { callerOf } from '../access/index.js';
import { toPdf, toXlsx } from './subsidy-report-export.js';
import { CreateReportBody, ExportQuery, ReopenWindowBody, ReopeningList, Reopening, ReportDetail, ReportList, UpdateLinesBody } from './subsidy-report.schema.js';
import type { SubsidyReportService } from './subsidy-report.service.js';

const IdParams = z.strictObject({ id: z.uuid() });
const tags = ['Uniek verslag'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const context = { access: 'context' as const };

/**
 * HTTP ↔ Uniek verslag (R10.2). Every rule is in the service; `rendered` writes its messages and
 * names in the reader's language (issue 18), the export route writes the file in it.
 */
export const subsidyReportRoutes: FastifyPluginAsyncZod<{ subsidyReport: SubsidyReportService }> = async (app, { subsidyReport }) => {
  // R10.2′: the platform administrator reopens a filing window for one OCMW and year (audited).
  app.get('/admin/subsidy-reports/reopenings', {
    config: { access: 'admin' },
    schema: { tags, summary: 'R10.2′: the reopened filing windows (OCMW, year, until, reason, who)', response: { 200: ReopeningList, ...errors } },
  }, async (request) => rendered(request, await subsidyReport.listReopenings()));

  app.post('/admin/subsidy-reports/reopenings', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: "R10.2′: reopen one OCMW's filing window of a year until a date, with a reason (audited; again: replaces)",
      body: ReopenWindowBody,
      response: { 200: Reopening, ...errors },
    },
  }, async (request) => rendered(request, await subsidyReport.reopenWindow({ userId: request.actor!.userId, username: request.actor!.username }, request.body)));

  app.get('/subsidy-reports', {
    config: context,
    schema: {
      tags,
      summary: "The OCMW's reports, and for the recent years whether it may file each one (and why not)",
      response: { 200: ReportList, ...errors },
    },
  }, async (request) => rendered(request, await subsidyReport.list(callerOf(request))));

  app.post('/subsidy-reports', {
    config: context,
    schema: {
      tags,
      summary: 'Creates the draft report of a subsidy year (422 with the explanation when this OCMW may not file that year)',
      body: CreateReportBody,
      response: { 201: ReportDetail, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(rendered(request, await subsidyReport.create({ ...callerOf(request), username: request.actor!.username }, request.body))));

  app.get('/subsidy-reports/:id', {
    config: context,
    schema: { tags, summary: 'One report with its lines, totals and whether it can be submitted now', params: IdParams, response: { 200: ReportDetail, ...errors } },
  }, async (request) => rendered(request, await subsidyReport.get(callerOf(request), request.params.id)));

  app.put('/subsidy-reports/:id', {
    config: context,
    schema: {
      tags,
      summary: "Replaces the draft's subsidy lines (amounts in euros, at most 2 decimals); 409 once submitted",
      params: IdParams,
      body: UpdateLinesBody,
      response: { 200: ReportDetail, ...errors },
    },
  }, async (request) => rendered(request, await subsidyReport.updateLines({ ...callerOf(request), username: request.actor!.username }, request.params.id, request.body)));

  app.post('/subsidy-reports/:id/submit', {
    config: context,
    schema: {
      tags,
      summary: 'Submits the draft: in the filing window, with at least one line, the year rule checked again; then read-only',
      params: IdParams,
      response: { 200: ReportDetail, ...errors },
    },
  }, async (request) => rendered(request, await subsidyReport.submit({ ...callerOf(request), username: request.actor!.username }, request.params.id)));

  app.get('/subsidy-reports/:id/export', {
    config: context,
    schema: { tags, summary: 'A submitted report as PDF or XLSX', params: IdParams, querystring: ExportQuery, response: errors },
  }, async (request, reply) => {
    const { report, generatedAt } = await subsidyReport.exportReport(callerOf(request), request.params.id);
    const lang = request.query.lang ?? request.language;
    return sendFile(reply, request.query.format === 'pdf' ? await toPdf(report, lang, generatedAt) : await toXlsx(report, lang, generatedAt));
  });
};

function sendFile(reply: FastifyReply, file: { filename: string; contentType: string; body: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
