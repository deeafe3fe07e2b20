import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogue } from '../../messages.js';
import type { Language, Message } from '../../shared/i18n.js';
import { ErrorResponse } from '../../shared/schema.js';
import { callerOf } from '../access/index.js';
import { nameIn } from '../registry/index.js';
import { toPdf, toXlsx } from './subsidy-report-export.js';
import { CreateReportBody, ExportQuery, ReopenWindowBody, ReopeningList, Reopening, ReportDetail, ReportList, UpdateLinesBody } from './subsidy-report.schema.js';
import type { NoticeMessage, SubsidyReportService } from './subsidy-report.service.js';

const IdParams = z.strictObject({ id: z.uuid() });
const tags = ['Uniek verslag'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const context = { access: 'context' as const };

// The edge (issue 18): the service's messages and organisation names become text in the reader's language here.
const text = (message: Message, lang: Language) => catalogue.render(message, lang);
const noticeIn = (n: NoticeMessage, lang: Language) => ({ key: n.key, message: text(n.message, lang) });

type Detail = Awaited<ReturnType<SubsidyReportService['get']>>;
function detailIn(d: Detail, lang: Language) {
  return {
    ...d,
    organisation: { ...d.organisation, name: nameIn(d.organisation.name, lang) },
    submitBlocked: d.submitBlocked && noticeIn(d.submitBlocked, lang),
    note: d.note && noticeIn(d.note, lang),
  };
}

type List = Awaited<ReturnType<SubsidyReportService['list']>>;
function listIn(list: List, lang: Language) {
  return {
    ...list,
    fileable: list.fileable.map(({ reason, note, ...year }) => ({
      ...year,
      ...(reason ? { reason: text(reason, lang) } : {}),
      ...(note ? { note: noticeIn(note, lang) } : {}),
    })),
  };
}

/** A reopening with the OCMW's name in the language (the admin page and the CLI). */
function reopeningIn<R extends { organisation: Parameters<typeof nameIn>[0] }>(r: R, lang: Language): Omit<R, 'organisation'> & { organisation: string } {
  return { ...r, organisation: nameIn(r.organisation, lang) };
}

/** HTTP ↔ Uniek verslag (R10.2). Every rule is in the service; routes write its messages in the reader's language. */
export const subsidyReportRoutes: FastifyPluginAsyncZod<{ subsidyReport: SubsidyReportService }> = async (app, { subsidyReport }) => {
  // R10.2′: the platform administrator reopens a filing window for one OCMW and year (audited).
  app.get('/admin/subsidy-reports/reopenings', {
    config: { access: 'admin' },
    schema: { tags, summary: 'R10.2′: the reopened filing windows (OCMW, year, until, reason, who)', response: { 200: ReopeningList, ...errors } },
  }, async (request) => ({ items: (await subsidyReport.listReopenings()).items.map((r) => reopeningIn(r, request.language)) }));

  app.post('/admin/subsidy-reports/reopenings', {
    config: { access: 'admin' },
    schema: {
      tags,
      summary: "R10.2′: reopen one OCMW's filing window of a year until a date, with a reason (audited; again: replaces)",
      body: ReopenWindowBody,
      response: { 200: Reopening, ...errors },
    },
  }, async (request) => reopeningIn(await subsidyReport.reopenWindow({ userId: request.actor!.userId, username: request.actor!.username }, request.body), request.language));

  app.get('/subsidy-reports', {
    config: context,
    schema: {
      tags,
      summary: "The OCMW's reports, and for the recent years whether it may file each one (and why not)",
      response: { 200: ReportList, ...errors },
    },
  }, async (request) => listIn(await subsidyReport.list(callerOf(request)), request.language));

  app.post('/subsidy-reports', {
    config: context,
    schema: {
      tags,
      summary: 'Creates the draft report of a subsidy year (422 with the explanation when this OCMW may not file that year)',
      body: CreateReportBody,
      response: { 201: ReportDetail, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(detailIn(await subsidyReport.create({ ...callerOf(request), username: request.actor!.username }, request.body), request.language)));

  app.get('/subsidy-reports/:id', {
    config: context,
    schema: { tags, summary: 'One report with its lines, totals and whether it can be submitted now', params: IdParams, response: { 200: ReportDetail, ...errors } },
  }, async (request) => detailIn(await subsidyReport.get(callerOf(request), request.params.id), request.language));

  app.put('/subsidy-reports/:id', {
    config: context,
    schema: {
      tags,
      summary: "Replaces the draft's subsidy lines (amounts in euros, at most 2 decimals); 409 once submitted",
      params: IdParams,
      body: UpdateLinesBody,
      response: { 200: ReportDetail, ...errors },
    },
  }, async (request) => detailIn(await subsidyReport.updateLines({ ...callerOf(request), username: request.actor!.username }, request.params.id, request.body), request.language));

  app.post('/subsidy-reports/:id/submit', {
    config: context,
    schema: {
      tags,
      summary: 'Submits the draft: in the filing window, with at least one line, the year rule checked again; then read-only',
      params: IdParams,
      response: { 200: ReportDetail, ...errors },
    },
  }, async (request) => detailIn(await subsidyReport.submit({ ...callerOf(request), username: request.actor!.username }, request.params.id), request.language));

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
