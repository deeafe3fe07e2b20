import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rendered } from '../../http/localize.js';
import { ErrorResponse, Uuid } from '../../shared/schema.js';
import { OrganisationSummary } from '../registry/index.js';
import { HtbImportReport } from '../access/access.schema.js';
import { MAX_HTB_FILE_BYTES } from './htb-import.js';
import {
  JournalPage,
  MergerBody,
  MergerChecklist,
  MergerCreated,
  MergerImportReport,
  MergerList,
  MergerPlan,
  MergerRuns,
  PlanRowsPage,
  RunResult,
  WaveBody,
  WaveReportSchema,
} from './merger.schema.js';
import { PageQuery } from '../../shared/schema.js';
import type { MergerService } from './merger.service.js';
import { mergerMessages } from './merger-messages.js';
import { AppError } from '../../shared/errors.js';
import { msg } from '../../shared/messages.js';

/** HTTP ↔ merger service. */
export const mergerRoutes: FastifyPluginAsyncZod<{ mergers: MergerService }> = async (app, { mergers }) => {
  // The HTB file arrives as the raw .xlsx body (no multipart needed); limited in size here,
  // and checked for being a real workbook by the service.
  for (const type of ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_HTB_FILE_BYTES }, (_req, body, done) => done(null, body));
  }

  app.post(
    '/admin/htb-import',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Fusies'],
        summary: "Import the region's HTB file (.xlsx body); with dryRun=true only check it (R2.14)",
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: HtbImportReport, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('unsupported_media_type', mergerMessages.msg('import.not_xlsx'), { file: mergerMessages.msg('import.not_xlsx') });
      }
      return rendered(request, await mergers.importHtb(request.body, {
        dryRun: request.query.dryRun !== 'false',
        actor: { userId: request.actor!.userId, role: 'ADMIN' },
      }));
    },
  );

  app.get(
    '/mergers',
    {
      config: { access: 'context' },
      schema: {
        tags: ['Fusies'],
        summary: 'List the mergers with their derived scenario (R1, R7.1)',
        response: { 200: MergerList, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const items = await mergers.listMergers();
      const note = rendered(request, mergerMessages.msg('merger.rehearsal'));
      return { items: items.map((m) => ({ ...m, rehearsalNote: m.rehearsal ? note : null })), total: items.length };
    },
  );

  for (const [path, end, summary] of [
    ['end-access', true, "R8.3: end a disappearing OCMW's portal access from today (explicit, audited; never before the effective date)"],
    ['restore-access', false, "Undo R8.3: the organisation's access works again"],
  ] as const) {
    app.post(
      `/admin/organisations/:organisationId/${path}`,
      {
        config: { access: 'admin' },
        schema: {
          tags: ['Fusies'],
          summary,
          params: z.strictObject({ organisationId: Uuid }),
          // The explicit confirmation the administrator gives in the UI; R8.3′: the override's reason while work is open.
          body: end ? z.strictObject({ confirm: z.literal(true), overrideReason: z.string().trim().min(5).max(500).optional() }) : z.strictObject({ confirm: z.literal(true) }),
          response: { 200: OrganisationSummary, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) =>
        mergers.setAccess({ userId: request.actor!.userId }, request.params.organisationId, end, (request.body as { overrideReason?: string }).overrideReason),
    );
  }

  app.get(
    '/admin/organisations/:organisationId/open-work',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Fusies'],
        summary: "R8.3′: what a disappearing OCMW still has open (the merger year's Uniek verslag, unread e-Box documents) before its access is ended",
        params: z.strictObject({ organisationId: Uuid }),
        response: { 200: z.object({ unfiledReportYear: z.number().int().nullable(), unreadDocuments: z.number().int() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => mergers.openWork(request.params.organisationId),
  );

  // ── the merger engine (R7): definitions, checklist, dry run, cut-over, undo ──

  const admin = { access: 'admin' as const };
  const Id = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
  const actorOf = (request: { actor: { userId: string; username: string } | null }) => ({
    userId: request.actor!.userId,
    username: request.actor!.username,
  });

  app.post('/admin/mergers', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'Define a merger (R7.1); the scenario is derived (R1.4)', body: MergerBody, response: { 201: MergerCreated, ...errors } },
  }, async (request, reply) => {
    const created = await mergers.definitions.create(request.body, { userId: request.actor!.userId });
    return reply.status(201).send(created);
  });

  app.put('/admin/mergers/:id', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'Change a merger before its effective date and before its cut-over', params: Id, body: MergerBody, response: { 200: MergerCreated, ...errors } },
  }, async (request) => mergers.definitions.update(request.params.id, request.body, { userId: request.actor!.userId }));

  app.delete('/admin/mergers/:id', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'Remove a merger before its effective date and before its cut-over', params: Id, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await mergers.definitions.remove(request.params.id, { userId: request.actor!.userId });
    return reply.status(204).send(null);
  });

  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.post('/admin/mergers/import', {
    config: admin,
    schema: {
      tags: ['Fusies'],
      summary: 'Import a merger list (text/csv, the columns of data/mergers-2025.csv, optional target_kbo); dryRun=true only checks',
      querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') }),
      response: { 200: MergerImportReport, ...errors, 413: ErrorResponse, 415: ErrorResponse },
    },
  }, async (request) => {
    if (typeof request.body !== 'string') {
      throw new AppError('unsupported_media_type', msg('http.validation'), { file: 'text/csv' });
    }
    return rendered(request, await mergers.definitions.importCsv(request.body, { dryRun: request.query.dryRun !== 'false', actor: { userId: request.actor!.userId } }));
  });

  app.get('/admin/mergers/:id/checklist', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'The readiness checklist of a merger, checked against live data (R7.2)', params: Id, response: { 200: MergerChecklist, ...errors } },
  }, async (request) => rendered(request, await mergers.cutover.checklist(request.params.id)));

  app.get('/admin/mergers/progress', {
    config: admin,
    schema: {
      tags: ['Fusies'],
      summary: "Each merger's checklist progress in percent (the dashboard)",
      response: { 200: z.object({ items: z.array(z.object({ id: z.number().int(), progress: z.number().int(), overdue: z.number().int() })) }), ...errors },
    },
  }, async () => ({ items: await mergers.progress() }));

  const Tick = z.strictObject({ organisationId: Uuid, item: z.string().min(1).max(40) });
  app.put('/admin/mergers/:id/checklist/:organisationId/:item', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'Tick an item only a person can confirm (R7.2); records who and when', params: Id.extend(Tick.shape), response: { 200: MergerChecklist, ...errors } },
  }, async (request) => rendered(request, await mergers.cutover.tick(request.params.id, request.params.organisationId, request.params.item, true, actorOf(request))));
  app.delete('/admin/mergers/:id/checklist/:organisationId/:item', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'Remove a tick', params: Id.extend(Tick.shape), response: { 200: MergerChecklist, ...errors } },
  }, async (request) => rendered(request, await mergers.cutover.tick(request.params.id, request.params.organisationId, request.params.item, false, actorOf(request))));

  // Each OCMW's own list at login (R7.2): read by anyone of the organisation; ticked by its managers.
  app.get('/mergers/mine/checklists', {
    config: { access: 'context' },
    schema: { tags: ['Fusies'], summary: "The checklists of the mergers the chosen organisation takes part in", response: { 200: z.object({ items: z.array(MergerChecklist) }), ...errors } },
  }, async (request) => {
    const organisationId = request.actor!.context!.organisation?.id ?? null;
    return rendered(request, { items: organisationId ? await mergers.cutover.checklistsFor(organisationId) : [] });
  });
  for (const [method, ticked] of [['put', true], ['delete', false]] as const) {
    app[method]('/mergers/mine/checklists/:id/:item', {
      config: { access: 'context' },
      schema: {
        tags: ['Fusies'],
        summary: ticked ? "Tick an item of the own organisation's checklist ((co-)HTB or (co-)TB)" : 'Remove a tick of the own organisation',
        params: Id.extend({ item: z.string().min(1).max(40) }),
        response: { 200: MergerChecklist, ...errors },
      },
    }, async (request) => {
      const context = request.actor!.context!;
      const organisationId = context.organisation?.id;
      if (!organisationId || !['HTB', 'CO_HTB', 'TB', 'CO_TB'].includes(context.role)) {
        throw new AppError('forbidden', msg('auth.forbidden'));
      }
      return rendered(request, await mergers.cutover.tick(request.params.id, organisationId, request.params.item, ticked, actorOf(request)));
    });
  }

  app.get('/admin/mergers/:id/plan', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'Dry run (R7.3): every action of the cut-over with its count; nothing is written', params: Id, response: { 200: MergerPlan, ...errors } },
  }, async (request) => rendered(request, await mergers.cutover.plan(request.params.id)));

  app.get('/admin/mergers/:id/plan/:kind', {
    config: admin,
    schema: {
      tags: ['Fusies'],
      summary: 'The rows behind one action of the dry run, paged',
      params: Id.extend({ kind: z.string().min(1).max(40) }),
      querystring: PageQuery,
      response: { 200: PlanRowsPage, ...errors },
    },
  }, async (request) => rendered(request, await mergers.cutover.planRows(request.params.id, request.params.kind, request.query.page, request.query.pageSize)));

  const Confirm = z.strictObject({ confirm: z.literal(true) });
  app.post('/admin/mergers/:id/run', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'The cut-over (R7.4): one transaction, idempotent, journalled', params: Id, body: Confirm, response: { 200: RunResult, ...errors } },
  }, async (request) => (await mergers.cutover.run(request.params.id, actorOf(request)))!);

  app.post('/admin/mergers/wave', {
    config: admin,
    schema: {
      tags: ['Fusies'],
      summary: 'Every merger of one effective date: the dry run (dryRun) or the cut-over, each in its own transaction; a blocked one is reported, the others run',
      body: WaveBody,
      response: { 200: WaveReportSchema, ...errors },
    },
  }, async (request) => {
    const { date, dryRun } = request.body;
    if (dryRun) return rendered(request, await mergers.cutover.planWave(date));
    const { mergers: list } = await mergers.cutover.runWave(date, actorOf(request));
    return rendered(request, { date, mergers: list });
  });

  app.post('/admin/mergers/:id/undo', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'Undo the cut-over before the effective date: replays the journal backwards (journalled itself)', params: Id, body: Confirm, response: { 200: RunResult, ...errors } },
  }, async (request) => mergers.cutover.undo(request.params.id, actorOf(request)));

  app.put('/admin/mergers/:id/schedule', {
    config: admin,
    schema: {
      tags: ['Fusies'],
      summary: 'Let the cut-over run on its own on the effective date (pg-boss, once across instances), or not',
      params: Id,
      body: z.strictObject({ scheduled: z.boolean() }),
      response: { 200: z.object({ id: z.number().int(), scheduled: z.boolean() }), ...errors },
    },
  }, async (request) => mergers.cutover.setScheduled(request.params.id, request.body.scheduled, actorOf(request)));

  app.get('/admin/mergers/:id/runs', {
    config: admin,
    schema: { tags: ['Fusies'], summary: 'The cut-overs and undos of a merger', params: Id, response: { 200: MergerRuns, ...errors } },
  }, async (request) => mergers.cutover.runs(request.params.id));

  app.get('/admin/mergers/:id/runs/:runId/journal', {
    config: admin,
    schema: {
      tags: ['Fusies'],
      summary: 'Every row a run wrote, with its before-state (R7.4)',
      params: Id.extend({ runId: z.coerce.number().int().min(1).max(2_147_483_647) }),
      querystring: PageQuery,
      response: { 200: JournalPage, ...errors },
    },
  }, async (request) => mergers.cutover.journal(request.params.id, request.params.runId, request.query.page, request.query.pageSize));
};
