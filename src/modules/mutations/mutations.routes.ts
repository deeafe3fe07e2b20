import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IsoDate, PageQuery, pageOf } from '../../shared/schema.js';
import { callerOf } from '../access/index.js';
import type { MutationsService } from './mutations.service.js';
import { MUTATION_EXAMPLE } from './mutations.schema.js';

const Delivered = z.object({
  id: z.number(),
  type: z.string(),
  subType: z.string().nullable(),
  code: z.string(),
  insz: z.string(),
  occurredAt: z.string(),
  payload: z.unknown(),
  batchDate: z.string(),
});

/** HTTP ↔ mutation delivery (R5.2: the delivered mutations listed in the portal). */
export const mutationsRoutes: FastifyPluginAsyncZod<{ mutations: MutationsService }> = async (app, { mutations }) => {
  app.post('/institution/mutations', {
    config: { access: 'institution', scope: 'mutations:write' },
    schema: {
      tags: ['Instellingen'],
      summary: 'Deliver mutations (R5.1): all or nothing; each is routed on arrival',
      // Each mutation is checked by the service (MutationInput), so that an error names its index and nothing is written.
      body: z.strictObject({
        mutations: z
          .array(z.unknown().meta({ description: 'One mutation: `type`, `subType` (MURA and MUPS only), `insz`, `occurredAt` (ISO 8601 with offset) and `payload`.', examples: [MUTATION_EXAMPLE] }))
          .min(1)
          .max(10_000),
      }),
      response: { 200: z.object({ received: z.number().int(), deliveries: z.number().int() }), 400: ErrorResponse, 401: ErrorResponse },
    },
  }, async (request) => mutations.ingest(request.body.mutations, `api:${request.institution!.name}`, { apiClientId: request.institution!.clientId }));

  app.get('/channel/mutation-files', {
    config: { access: 'channel' },
    schema: {
      tags: ['Kanalen'],
      summary: 'The daily mutation files of the OCMW (HTTP Basic with the FTP/SFTP channel credentials; permission "Mutaties RijksRegister")',
      response: { 200: z.array(z.object({ date: z.string(), count: z.number().int(), name: z.string() })), 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => mutations.listFiles(request.channel!));

  app.get('/channel/mutation-files/:date', {
    config: { access: 'channel' },
    schema: {
      tags: ['Kanalen'],
      summary: 'One daily mutation file (JSON lines)',
      params: z.strictObject({ date: IsoDate }),
      produces: ['application/x-ndjson'],
      response: { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const file = await mutations.fileContent(request.channel!, request.params.date);
    // Issue 24: a downloaded mutation file is a read of every person in it (one entry each).
    request.recordAccess(file.persons.map((p) => ({ action: 'mutation.download', objectKind: 'mutation', objectId: p.mutationId, insz: p.insz })));
    return reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('content-disposition', `attachment; filename="${file.name}"`).send(file.body as never);
  });

  app.get('/mutations', {
    config: { access: 'context' },
    schema: {
      tags: ['OCMW-configuratie'],
      summary: 'The mutations delivered to the OCMW, by type and batch date',
      querystring: PageQuery.extend({ code: z.string().max(20).optional(), from: IsoDate.optional(), to: IsoDate.optional() }),
      response: { 200: pageOf(Delivered), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => {
    const page = await mutations.listDelivered(callerOf(request), request.query);
    request.recordAccess(page.items.map((m) => ({ action: 'mutation.list', objectKind: 'mutation', objectId: String(m.id), insz: m.insz })));
    return page;
  });
};
