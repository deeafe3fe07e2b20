import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, Uuid } from '../../shared/schema.js';
import { OrganisationSummary } from '../registry/index.js';
import { HtbImportReport } from '../access/access.schema.js';
import { MAX_HTB_FILE_BYTES } from './htb-import.js';
import { MergerList } from './merger.schema.js';
import type { MergerService } from './merger.service.js';
import { AppError } from '../../shared/errors.js';
import { translate } from '../../shared/messages.js';

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
        throw new AppError('unsupported_media_type', translate('import.not_xlsx', request.language), { file: translate('import.not_xlsx', request.language) });
      }
      return mergers.importHtb(request.body, {
        dryRun: request.query.dryRun !== 'false',
        actor: { userId: request.actor!.userId, role: 'ADMIN' },
        lang: request.language,
      });
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
    async () => {
      const items = await mergers.listMergers();
      return { items, total: items.length };
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
          // The explicit confirmation the administrator gives in the UI.
          body: z.strictObject({ confirm: z.literal(true) }),
          response: { 200: OrganisationSummary, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => mergers.setAccess({ userId: request.actor!.userId }, request.params.organisationId, end, request.language),
    );
  }
};
